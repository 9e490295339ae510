import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PriceUpsertedV1 } from '@assistenza/contracts';
import { BusinessRuleViolation, ConflictError } from '@assistenza/platform/ddd';
import { OutboxWriter } from '@assistenza/platform/messaging';
import { requestContext } from '@assistenza/platform/observability';
import { UnitOfWork } from '@assistenza/platform/persistence';
import { Price, type PriceKind } from '../../../domain/price/price';
import { priceUpserted } from '../../master-data-events';
import { CategoryRepository, PriceRepository } from '../../ports/master-data.repository';
import { ProjectRepository } from '../../ports/project.repository';

export interface CreatePriceCommand {
  kind: PriceKind;
  projectId?: string | null;
  worker?: string | null;
  categoryId: string;
  validFrom: string;
  validTo?: string | null;
  currency: string;
  amount: string;
}

/**
 * Two lines of one key (kind, project, worker, category, currency) may not be valid on the same
 * day: 409. The key is locked first, so two writers cannot both pass the check.
 */
export async function assertNoOverlap(prices: PriceRepository, price: Price): Promise<void> {
  await prices.lockKey(price);
  const clash = (await prices.sameKey(price)).find((other) => other.overlaps(price));
  if (clash) {
    const until = clash.state.validTo ?? 'open end';
    throw new ConflictError(`A ${price.state.kind} price for the same project, worker, category and currency is already valid from ${clash.state.validFrom} to ${until}`, 'validFrom');
  }
}

@Injectable()
export class CreatePriceHandler {
  constructor(
    @Inject(PriceRepository) private readonly prices: PriceRepository,
    @Inject(ProjectRepository) private readonly projects: ProjectRepository,
    @Inject(CategoryRepository) private readonly categories: CategoryRepository,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async execute(command: CreatePriceCommand): Promise<Price> {
    const { company } = requestContext.require();
    const price = Price.create({ ...command, company, id: randomUUID(), projectId: command.projectId ?? null, worker: command.worker ?? null, validTo: command.validTo ?? null });
    return this.uow.transaction(async () => {
      const s = price.state;
      if (s.projectId !== null && !(await this.projects.find(company, s.projectId))) throw new BusinessRuleViolation(`Project ${s.projectId} does not exist`, 'projectId');
      if (!(await this.categories.find(company, s.categoryId))) throw new BusinessRuleViolation(`Category ${s.categoryId} does not exist`, 'categoryId');
      await assertNoOverlap(this.prices, price);
      await this.prices.insert(price);
      await this.outbox.append(PriceUpsertedV1, priceUpserted(price));
      return price;
    });
  }
}
