import { NotFoundError } from '../ddd';
import { requestContext } from '../observability';

/**
 * Object-level access for customer-portal callers (OWASP API1): a customer may see only what
 * belongs to its own account. Anything else answers 404, exactly as if it did not exist.
 */
export function assertCustomerMayAccess(resource: string, id: string, ownerAccount: string | null): void {
  const own = requestContext.require().customerAccount;
  if (own !== null && own !== ownerAccount) throw new NotFoundError(resource, id);
}

/** The account a list must be narrowed to for a customer-portal caller, or null for staff. */
export function customerScope(): string | null {
  return requestContext.require().customerAccount;
}
