/**
 * Roles from the reference module's duties (domain.md §2.17). A route declares which of them may
 * call it; a token carries the roles of its holder.
 */
export const ROLES = ['dispatcher', 'technician', 'service-manager', 'billing-clerk', 'customer', 'integration', 'admin'] as const;

export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Who called: the verified claims of the bearer token. */
export interface Principal {
  subject: string;
  roles: Role[];
  /** Legal entities the caller may act in; the first is the default. */
  companies: string[];
  /** Set for the customer role: the one customer account whose data the caller may see. */
  customerAccount: string | null;
}
