import { Inject, Injectable } from '@nestjs/common';
import { ConcurrencyConflictError, NotFoundError } from '@assistenza/platform/ddd';
import { requestContext } from '@assistenza/platform/observability';
import { UnitOfWork } from '@assistenza/platform/persistence';
import type { Category } from '../../../domain/category/category';
import type { TransactionType } from '../../../domain/project/transaction-type';
import { CategoryRepository } from '../../ports/master-data.repository';

export interface UpdateCategoryCommand {
  id: string;
  expectedVersion: number;
  changes: { name?: string; transactionType?: TransactionType };
}

/**
 * Renames a category, or moves it to another transaction type while no project transaction uses
 * it (422 otherwise). The row is locked first: a posting share-locks the categories it checks, so
 * a type change waits for a posting in flight and then sees its transactions.
 */
@Injectable()
export class UpdateCategoryHandler {
  constructor(
    @Inject(CategoryRepository) private readonly categories: CategoryRepository,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
  ) {}

  async execute(command: UpdateCategoryCommand): Promise<Category> {
    const { company } = requestContext.require();
    return this.uow.transaction(async () => {
      const category = await this.categories.find(company, command.id, true);
      if (!category) throw new NotFoundError('Category', command.id);
      // A stale If-Match answers 412 before any rule is checked against a version the client never saw.
      if (category.state.version !== command.expectedVersion) throw new ConcurrencyConflictError('Category', command.id, command.expectedVersion);
      const { name, transactionType } = command.changes;
      if (name !== undefined) category.rename(name);
      if (transactionType !== undefined && transactionType !== category.state.transactionType) {
        category.retype(transactionType, await this.categories.usedByTransactions(company, command.id));
      }
      category.markStored(await this.categories.update(category, command.expectedVersion));
      return category;
    });
  }
}
