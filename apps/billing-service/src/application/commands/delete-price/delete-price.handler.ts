import { Inject, Injectable } from '@nestjs/common';
import { PriceDeletedV1 } from '@assistenza/contracts';
import { NotFoundError } from '@assistenza/platform/ddd';
import { OutboxWriter } from '@assistenza/platform/messaging';
import { requestContext } from '@assistenza/platform/observability';
import { UnitOfWork } from '@assistenza/platform/persistence';
import { priceDeleted } from '../../master-data-events';
import { PriceRepository } from '../../ports/master-data.repository';

/**
 * Deletes a price line at the version the client read and publishes billing.price.deleted in the
 * same transaction. No row refers to a price line (transactions carry their own prices), so a
 * line can always go; the next most specific line applies from then on.
 */
@Injectable()
export class DeletePriceHandler {
  constructor(
    @Inject(PriceRepository) private readonly prices: PriceRepository,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async execute(id: string, expectedVersion: number): Promise<void> {
    const { company } = requestContext.require();
    await this.uow.transaction(async () => {
      const price = await this.prices.find(company, id);
      if (!price) throw new NotFoundError('Price', id);
      await this.prices.delete(price, expectedVersion);
      await this.outbox.append(PriceDeletedV1, priceDeleted(price));
    });
  }
}
