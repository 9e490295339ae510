import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../envelope';
import { BusinessDate, CurrencyCode, DecimalString } from '../../schema-types';

/** A cost or sales price line was created or changed in billing's price setup. */
export const PriceUpsertedV1 = defineEvent({
  type: 'billing.price.upserted',
  version: 1,
  aggregateType: 'price',
  description:
    'A cost or sales price line (project or all projects, worker optional, category, valid from/to, currency) was created or changed. The most specific line valid on a date wins: project and worker, then project, then worker, then all. A changed line comes again under the same priceId with a higher aggregateVersion; a deleted one is announced by billing.price.deleted.v1.',
  payload: Type.Object(
    {
      priceId: Type.String({ format: 'uuid' }),
      kind: Type.Union([Type.Literal('sales'), Type.Literal('cost')]),
      projectId: Type.Union([Type.String({ minLength: 1, maxLength: 20 }), Type.Null()], { description: 'null: all projects' }),
      worker: Type.Union([Type.String({ minLength: 1, maxLength: 25 }), Type.Null()]),
      categoryId: Type.String({ minLength: 1, maxLength: 20 }),
      validFrom: BusinessDate(),
      validTo: Type.Union([BusinessDate(), Type.Null()]),
      currency: CurrencyCode,
      amount: DecimalString('Unit price'),
    },
    { additionalProperties: false },
  ),
  example: {
    priceId: '6f1c2b55-1b1e-4a8a-9a57-2f8f0f3b9c11',
    kind: 'sales',
    projectId: 'PRJ-001',
    worker: null,
    categoryId: 'REPAIR',
    validFrom: '2024-01-01',
    validTo: null,
    currency: 'USD',
    amount: '95.00',
  },
});
