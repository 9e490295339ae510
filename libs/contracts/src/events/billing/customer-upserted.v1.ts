import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../envelope';
import { CurrencyCode } from '../../schema-types';

/** A customer was created or changed in billing, the master of customer data. */
export const CustomerUpsertedV1 = defineEvent({
  type: 'billing.customer.upserted',
  version: 1,
  aggregateType: 'customer',
  description:
    'A customer account was created or changed. Other services keep a local replica from it so that they never call billing synchronously.',
  payload: Type.Object(
    {
      account: Type.String({ minLength: 1, maxLength: 20 }),
      name: Type.String({ minLength: 1, maxLength: 200 }),
      currency: CurrencyCode,
      customerPriceGroup: Type.Union([Type.String({ maxLength: 20 }), Type.Null()]),
      address: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
      blocked: Type.Boolean(),
    },
    { additionalProperties: false },
  ),
  example: {
    account: 'US-001',
    name: 'Contoso Retail San Diego',
    currency: 'USD',
    customerPriceGroup: 'RETAIL',
    address: '123 Coffee Street, San Diego, CA 92101, USA',
    blocked: false,
  },
});
