import type { SourceType } from '../../domain/invoicing/invoice-line';
import type { TransactionType } from '../../domain/project/transaction-type';

export interface NewProjectTransaction {
  company: string;
  id: string;
  sourceType: SourceType;
  sourceId: string;
  sourceDocument: string;
  projectId: string;
  customerAccount: string;
  transactionType: TransactionType;
  transactionDate: string;
  categoryId: string;
  worker: string | null;
  itemId: string | null;
  description: string;
  quantity: string;
  costPrice: string;
  salesPrice: string;
  currency: string;
  chargeable: boolean;
}

/** Project transactions: written once per source line, then proposed and invoiced. */
export abstract class ProjectTransactionRepository {
  /** Inserts the transactions whose source line is new; returns how many were new. */
  abstract insertNew(transactions: readonly NewProjectTransaction[]): Promise<number>;
}
