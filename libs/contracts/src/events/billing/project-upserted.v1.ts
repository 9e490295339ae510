import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../envelope';
import { CurrencyCode } from '../../schema-types';

/** A project was created or changed in billing, the owner of projects. */
export const ProjectUpsertedV1 = defineEvent({
  type: 'billing.project.upserted',
  version: 1,
  aggregateType: 'project',
  description:
    'A project (the invoicing container of agreements, orders and subscriptions) was created or changed. Agreement, service-order and subscription services keep replicas from it.',
  payload: Type.Object(
    {
      projectId: Type.String({ minLength: 1, maxLength: 20 }),
      name: Type.String({ minLength: 1, maxLength: 200 }),
      customerAccount: Type.String({ minLength: 1, maxLength: 20 }),
      type: Type.Union([Type.Literal('time-and-material'), Type.Literal('fixed-price'), Type.Literal('internal'), Type.Literal('time')]),
      currency: CurrencyCode,
      taxGroup: Type.Union([Type.String({ minLength: 1, maxLength: 20 }), Type.Null()]),
      chargeable: Type.Object(
        { hour: Type.Boolean(), expense: Type.Boolean(), item: Type.Boolean(), fee: Type.Boolean() },
        { additionalProperties: false, description: 'Line property per transaction type: whether its transactions are invoiced' },
      ),
    },
    { additionalProperties: false },
  ),
  example: {
    projectId: 'PRJ-001',
    name: 'Contoso service contract',
    customerAccount: 'US-001',
    type: 'time-and-material',
    currency: 'USD',
    taxGroup: 'STD',
    chargeable: { hour: true, expense: true, item: true, fee: true },
  },
});
