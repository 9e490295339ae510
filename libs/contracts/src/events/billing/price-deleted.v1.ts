import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../envelope';
import { CurrencyCode } from '../../schema-types';

/** A cost or sales price line was deleted from billing's price setup. */
export const PriceDeletedV1 = defineEvent({
  type: 'billing.price.deleted',
  version: 1,
  aggregateType: 'price',
  description:
    'A cost or sales price line was deleted. Replicas built from billing.price.upserted drop the line. The envelope aggregateVersion is one more than the last billing.price.upserted of the line, so a replica that applies price events only when aggregateVersion is newer (keeping the id as deleted) is never revived by a late upsert. The key fields identify the line for replicas that index by key.',
  payload: Type.Object(
    {
      priceId: Type.String({ format: 'uuid' }),
      kind: Type.Union([Type.Literal('sales'), Type.Literal('cost')]),
      projectId: Type.Union([Type.String({ minLength: 1, maxLength: 20 }), Type.Null()], { description: 'null: all projects' }),
      worker: Type.Union([Type.String({ minLength: 1, maxLength: 25 }), Type.Null()]),
      categoryId: Type.String({ minLength: 1, maxLength: 20 }),
      currency: CurrencyCode,
    },
    { additionalProperties: false },
  ),
  example: {
    priceId: '6f1c2b55-1b1e-4a8a-9a57-2f8f0f3b9c11',
    kind: 'sales',
    projectId: 'PRJ-001',
    worker: null,
    categoryId: 'REPAIR',
    currency: 'USD',
  },
});
