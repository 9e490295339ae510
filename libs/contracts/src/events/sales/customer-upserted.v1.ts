import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../envelope';
import { CurrencyCode } from '../../schema-types';

/** Published by the sales module (outside Assistenza): a customer account it created or changed. */
export const SalesCustomerUpsertedV1 = defineEvent({
  type: 'sales.customer.upserted',
  version: 1,
  aggregateType: 'customer',
  description:
    'A customer account was created or changed in the sales module. Billing applies it to its customer master when aggregateVersion is newer than the last one it applied, and republishes billing.customer.upserted.',
  payload: Type.Object(
    {
      account: Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,19}$' }),
      name: Type.String({ minLength: 1, maxLength: 200 }),
      currency: CurrencyCode,
      customerPriceGroup: Type.Union([Type.String({ maxLength: 20 }), Type.Null()]),
      address: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
      blocked: Type.Boolean(),
    },
    { additionalProperties: false },
  ),
  example: { account: 'US-002', name: 'Fabrikam Supplies', currency: 'USD', customerPriceGroup: null, address: '1 Main Street, Seattle, WA', blocked: false },
});
