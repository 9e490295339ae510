import { Inject, Injectable } from '@nestjs/common';
import { PriceUpsertedV1 } from '@assistenza/contracts';
import { ConcurrencyConflictError, NotFoundError } from '@assistenza/platform/ddd';
import { OutboxWriter } from '@assistenza/platform/messaging';
import { requestContext } from '@assistenza/platform/observability';
import { UnitOfWork } from '@assistenza/platform/persistence';
import type { Price, PriceChanges } from '../../../domain/price/price';
import { priceUpserted } from '../../master-data-events';
import { PriceRepository } from '../../ports/master-data.repository';
import { assertNoOverlap } from '../create-price/create-price.handler';

export interface UpdatePriceCommand {
  id: string;
  expectedVersion: number;
  changes: PriceChanges;
}

/**
 * Changes a price line's amount or validity, re-checking overlaps with the other lines of its key,
 * and republishes it as billing.price.upserted at the new version. Project transactions recorded
 * earlier keep the prices they were posted with.
 */
@Injectable()
export class UpdatePriceHandler {
  constructor(
    @Inject(PriceRepository) private readonly prices: PriceRepository,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async execute(command: UpdatePriceCommand): Promise<Price> {
    const { company } = requestContext.require();
    return this.uow.transaction(async () => {
      const price = await this.prices.find(company, command.id);
      if (!price) throw new NotFoundError('Price', command.id);
      // A stale If-Match answers 412 before any rule is checked against a version the client never saw.
      if (price.state.version !== command.expectedVersion) throw new ConcurrencyConflictError('Price', command.id, command.expectedVersion);
      price.change(command.changes);
      await assertNoOverlap(this.prices, price);
      price.markStored(await this.prices.update(price, command.expectedVersion));
      await this.outbox.append(PriceUpsertedV1, priceUpserted(price));
      return price;
    });
  }
}
