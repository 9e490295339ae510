import { BusinessRuleViolation, ValidationError } from '@assistenza/platform/ddd';
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
  private constructor(private current: CategoryState) {}

  static create(input: Omit<CategoryState, 'version'>): Category {
    const category = new Category({ ...input, version: 1 });
    category.retype(input.transactionType, false);
    category.rename(input.name);
    return category;
  }

  static restore(state: CategoryState): Category {
    return new Category({ ...state });
  }

  get state(): Readonly<CategoryState> {
    return this.current;
  }

  rename(name: string): void {
    if (name.trim() === '') throw new ValidationError('name must not be blank', 'name');
    this.current = { ...this.current, name };
  }

  /**
   * Moves the category to another transaction type. Refused once a project transaction uses it:
   * that transaction was checked against the old type, and its invoices and ledger accounts follow it.
   */
  retype(transactionType: TransactionType, usedByTransactions: boolean): void {
    if (!TRANSACTION_TYPES.includes(transactionType)) throw new ValidationError(`transactionType must be one of ${TRANSACTION_TYPES.join(', ')}`, 'transactionType');
    if (transactionType === this.current.transactionType) return;
    if (usedByTransactions) {
      throw new BusinessRuleViolation(
        `Category ${this.current.id} is used by project transactions of type ${this.current.transactionType}; its transaction type can no longer change (create another category instead)`,
        'transactionType',
      );
    }
    this.current = { ...this.current, transactionType };
  }

  markStored(version: number): void {
    this.current = { ...this.current, version };
  }
}
