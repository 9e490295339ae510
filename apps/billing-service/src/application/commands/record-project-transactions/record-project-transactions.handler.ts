import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { BusinessRuleViolation } from '@assistenza/platform/ddd';
import { requestContext } from '@assistenza/platform/observability';
import { UnitOfWork } from '@assistenza/platform/persistence';
import { assertCategoriesFit } from '../../../domain/category/category-fit';
import { CategoryRepository } from '../../ports/master-data.repository';
import type { NewProjectTransaction } from '../../ports/project-transaction.repository';
import { ProjectTransactionRepository } from '../../ports/project-transaction.repository';
import { ProjectRepository } from '../../ports/project.repository';

export type SourceLine = Omit<NewProjectTransaction, 'company' | 'id' | 'projectId' | 'customerAccount' | 'currency' | 'chargeable'>;

export interface RecordProjectTransactionsCommand {
  projectId: string;
  customerAccount: string;
  currency: string;
  lines: readonly SourceLine[];
}

/**
 * Turns posted source lines (service order lines, subscription fees) into project transactions:
 * one per source line however often the event arrives, chargeable by the project's line
 * properties. All lines of an event are written or none: an unknown project, a project of
 * another customer, or a line whose category is unknown or of another transaction type refuses
 * the whole event (the consumer retries, then dead-letters it with this reason).
 */
@Injectable()
export class RecordProjectTransactionsHandler {
  constructor(
    @Inject(ProjectRepository) private readonly projects: ProjectRepository,
    @Inject(CategoryRepository) private readonly categories: CategoryRepository,
    @Inject(ProjectTransactionRepository) private readonly transactions: ProjectTransactionRepository,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
  ) {}

  async execute(command: RecordProjectTransactionsCommand): Promise<number> {
    const { company } = requestContext.require();
    return this.uow.transaction(async () => {
      const project = await this.projects.find(company, command.projectId);
      if (!project) {
        throw new BusinessRuleViolation(`Project ${command.projectId} does not exist in company ${company}; its posted lines cannot become project transactions`, 'projectId');
      }
      const owner = project.snapshot().customerAccount;
      if (owner !== command.customerAccount) {
        throw new BusinessRuleViolation(`Project ${command.projectId} belongs to customer ${owner}, not ${command.customerAccount}`, 'customerAccount');
      }
      const categoryIds = [...new Set(command.lines.map((l) => l.categoryId))];
      assertCategoriesFit(company, command.lines, await this.categories.findForPosting(company, categoryIds));
      return this.transactions.insertNew(
        command.lines.map((line) => ({
          ...line,
          company,
          id: randomUUID(),
          projectId: command.projectId,
          customerAccount: command.customerAccount,
          currency: command.currency,
          chargeable: project.isChargeable(line.transactionType),
        })),
      );
    });
  }
}
