import { ValidationError } from '@assistenza/platform/ddd';
import { TRANSACTION_TYPES, type TransactionType } from '../project/transaction-type';

export interface CategoryState {
  company: string;
  id: string;
  name: string;
  transactionType: TransactionType;
  version: number;
}

/** A project category; it belongs to one transaction type (hour, expense, item or fee). */
export class Category {
  private constructor(readonly state: Readonly<CategoryState>) {}

  static create(input: Omit<CategoryState, 'version'>): Category {
    if (!TRANSACTION_TYPES.includes(input.transactionType)) throw new ValidationError(`transactionType must be one of ${TRANSACTION_TYPES.join(', ')}`, 'transactionType');
    if (input.name.trim() === '') throw new ValidationError('name must not be blank', 'name');
    return new Category({ ...input, version: 1 });
  }

  static restore(state: CategoryState): Category {
    return new Category({ ...state });
  }
}
