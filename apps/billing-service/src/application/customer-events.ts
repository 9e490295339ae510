import { CustomerUpsertedV1, type PayloadOf } from '@assistenza/contracts';
import type { Customer } from '../domain/customer/customer';

/** The integration event other services replicate customers from. */
export function customerUpserted(customer: Customer) {
  const s = customer.snapshot();
  const payload: PayloadOf<typeof CustomerUpsertedV1> = {
    account: s.account,
    name: s.name,
    currency: s.currency,
    customerPriceGroup: s.customerPriceGroup,
    address: s.address,
    blocked: s.blocked,
  };
  return { aggregateId: s.account, aggregateVersion: s.version, payload };
}
