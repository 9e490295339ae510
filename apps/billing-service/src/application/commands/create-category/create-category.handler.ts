import { Inject, Injectable } from '@nestjs/common';
import { requestContext } from '@assistenza/platform/observability';
import { Category } from '../../../domain/category/category';
import type { TransactionType } from '../../../domain/project/transaction-type';
import { CategoryRepository } from '../../ports/master-data.repository';

export interface CreateCategoryCommand {
  id: string;
  name: string;
  transactionType: TransactionType;
}

@Injectable()
export class CreateCategoryHandler {
  constructor(@Inject(CategoryRepository) private readonly categories: CategoryRepository) {}

  async execute(command: CreateCategoryCommand): Promise<Category> {
    const category = Category.create({ ...command, company: requestContext.require().company });
    await this.categories.insert(category);
    return category;
  }
}
