import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../envelope';
import { BusinessDate, CurrencyCode, DecimalString } from '../../schema-types';

const Nullable = (max: number) => Type.Union([Type.String({ minLength: 1, maxLength: max }), Type.Null()]);

export const PostedServiceOrderLine = Type.Object(
  {
    lineId: Type.String({ minLength: 1, maxLength: 64, description: 'Service order line id; billing creates exactly one project transaction per line id' }),
    transactionType: Type.Union([Type.Literal('hour'), Type.Literal('expense'), Type.Literal('item'), Type.Literal('fee')]),
    quantity: DecimalString('Hours, units or 1 for a fee'),
    costPrice: DecimalString('Unit cost price in the order currency'),
    salesPrice: DecimalString('Unit sales price in the order currency'),
    categoryId: Type.String({ minLength: 1, maxLength: 20 }),
    worker: Nullable(25),
    itemId: Nullable(40),
    description: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);

/** The service-order service posted (some lines of) a service order through its project (domain.md §2.8, R-PO-3). */
export const ServiceOrderPostedV1 = defineEvent({
  type: 'service-order.posted',
  version: 1,
  aggregateType: 'service-order',
  description:
    'Lines of a signed-off service order were posted through its project. Billing turns each line into one project transaction, chargeable or not by the project line properties.',
  payload: Type.Object(
    {
      orderId: Type.String({ minLength: 1, maxLength: 40 }),
      projectId: Type.String({ minLength: 1, maxLength: 20 }),
      customerAccount: Type.String({ minLength: 1, maxLength: 20 }),
      currency: CurrencyCode,
      postingDate: BusinessDate('Project date of the transactions'),
      lines: Type.Array(PostedServiceOrderLine, { minItems: 1, maxItems: 10000 }),
    },
    { additionalProperties: false },
  ),
  example: {
    orderId: 'SO-000123',
    projectId: 'PRJ-001',
    customerAccount: 'US-001',
    currency: 'USD',
    postingDate: '2024-12-05',
    lines: [
      { lineId: 'SO-000123-1', transactionType: 'hour', quantity: '2.5', costPrice: '40.00', salesPrice: '95.00', categoryId: 'REPAIR', worker: '000123', itemId: null, description: 'Boiler repair' },
      { lineId: 'SO-000123-2', transactionType: 'item', quantity: '1', costPrice: '12.10', salesPrice: '19.90', categoryId: 'PARTS', worker: null, itemId: 'VALVE-10', description: 'Valve' },
    ],
  },
});
