import { Controller, Inject } from '@nestjs/common';
import { FeeTransactionsCreatedV1, ServiceOrderPostedV1, type EventEnvelope, type PayloadOf } from '@assistenza/contracts';
import { OnEvent } from '@assistenza/platform/messaging';
import { RecordProjectTransactionsHandler } from '../commands/record-project-transactions/record-project-transactions.handler';

/**
 * Posted service order lines and subscription fee transactions become project transactions.
 * A business error (e.g. an unknown project) fails the handler; after the delivery limit the
 * event is dead-lettered with that message as its reason, and nothing of it is written.
 */
@Controller()
export class PostedLinesHandler {
  constructor(@Inject(RecordProjectTransactionsHandler) private readonly record: RecordProjectTransactionsHandler) {}

  @OnEvent(ServiceOrderPostedV1)
  async serviceOrderPosted(event: EventEnvelope<PayloadOf<typeof ServiceOrderPostedV1>>): Promise<void> {
    const p = event.payload;
    await this.record.execute({
      projectId: p.projectId,
      customerAccount: p.customerAccount,
      currency: p.currency,
      lines: p.lines.map((l) => ({
        sourceType: 'service-order-line',
        sourceId: l.lineId,
        sourceDocument: p.orderId,
        transactionType: l.transactionType,
        transactionDate: p.postingDate,
        categoryId: l.categoryId,
        worker: l.worker,
        itemId: l.itemId,
        description: l.description,
        quantity: l.quantity,
        costPrice: l.costPrice,
        salesPrice: l.salesPrice,
      })),
    });
  }

  @OnEvent(FeeTransactionsCreatedV1)
  async feeTransactionsCreated(event: EventEnvelope<PayloadOf<typeof FeeTransactionsCreatedV1>>): Promise<void> {
    const p = event.payload;
    await this.record.execute({
      projectId: p.projectId,
      customerAccount: p.customerAccount,
      currency: p.currency,
      lines: p.lines.map((l) => ({
        sourceType: 'subscription-fee',
        sourceId: l.feeTransactionId,
        sourceDocument: p.subscriptionId,
        transactionType: 'fee',
        // A fee belongs to the period it charges for; proposals select it by the period start.
        transactionDate: l.periodFrom,
        categoryId: l.categoryId,
        worker: null,
        itemId: null,
        description: l.description,
        quantity: '1',
        costPrice: '0',
        salesPrice: l.amount,
      })),
    });
  }
}
