import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../envelope';
import { BusinessDate, CurrencyCode, DecimalString } from '../../schema-types';

export const SubscriptionFeeLine = Type.Object(
  {
    feeTransactionId: Type.String({ minLength: 1, maxLength: 64, description: 'Billing creates exactly one project transaction per fee transaction id' }),
    periodFrom: BusinessDate(),
    periodTo: BusinessDate(),
    amount: DecimalString('Fee amount; negative for reductions'),
    categoryId: Type.String({ minLength: 1, maxLength: 20 }),
    description: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);

/** The subscription service created fee transactions for a subscription (domain.md §2.14). */
export const FeeTransactionsCreatedV1 = defineEvent({
  type: 'subscription.fee-transactions.created',
  version: 1,
  aggregateType: 'subscription',
  description: 'Fee transactions were created for a subscription. Billing records each as one fee project transaction on the subscription project.',
  payload: Type.Object(
    {
      subscriptionId: Type.String({ minLength: 1, maxLength: 40 }),
      projectId: Type.String({ minLength: 1, maxLength: 20 }),
      customerAccount: Type.String({ minLength: 1, maxLength: 20 }),
      currency: CurrencyCode,
      lines: Type.Array(SubscriptionFeeLine, { minItems: 1, maxItems: 10000 }),
    },
    { additionalProperties: false },
  ),
  example: {
    subscriptionId: 'SUB-0042',
    projectId: 'PRJ-001',
    customerAccount: 'US-001',
    currency: 'USD',
    lines: [
      { feeTransactionId: 'FEE-0042-2024-03', periodFrom: '2024-03-01', periodTo: '2024-03-31', amount: '200.00', categoryId: 'SUBFEE', description: 'March fee' },
      { feeTransactionId: 'FEE-0042-2024-03-R', periodFrom: '2024-03-10', periodTo: '2024-03-11', amount: '-12.90', categoryId: 'SUBFEE', description: 'Reduction days' },
    ],
  },
});
