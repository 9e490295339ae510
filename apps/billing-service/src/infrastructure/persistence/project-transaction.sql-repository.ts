import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@assistenza/platform/persistence';
import { ProjectTransactionRepository, type NewProjectTransaction } from '../../application/ports/project-transaction.repository';

const COLUMNS: [keyof NewProjectTransaction, string, string][] = [
  ['company', 'company', 'text'],
  ['id', 'id', 'uuid'],
  ['sourceType', 'source_type', 'text'],
  ['sourceId', 'source_id', 'text'],
  ['sourceDocument', 'source_document', 'text'],
  ['projectId', 'project_id', 'text'],
  ['customerAccount', 'customer_account', 'text'],
  ['transactionType', 'transaction_type', 'text'],
  ['transactionDate', 'transaction_date', 'date'],
  ['categoryId', 'category_id', 'text'],
  ['worker', 'worker', 'text'],
  ['itemId', 'item_id', 'text'],
  ['description', 'description', 'text'],
  ['quantity', 'quantity', 'numeric'],
  ['costPrice', 'cost_price', 'numeric'],
  ['salesPrice', 'sales_price', 'numeric'],
  ['currency', 'currency', 'text'],
  ['chargeable', 'chargeable', 'boolean'],
];

@Injectable()
export class ProjectTransactionSqlRepository extends ProjectTransactionRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  async insertNew(transactions: readonly NewProjectTransaction[]): Promise<number> {
    if (transactions.length === 0) return 0;
    // One statement for all lines (unnest of column arrays); the unique source key drops repeats.
    const params = COLUMNS.map(([field]) => transactions.map((t) => t[field]));
    const rows: unknown[] = await this.uow.manager.query(
      `INSERT INTO project_transactions (${COLUMNS.map(([, column]) => column).join(', ')})
       SELECT * FROM unnest(${COLUMNS.map(([, , type], i) => `$${i + 1}::${type}[]`).join(', ')})
       ON CONFLICT (company, source_type, source_id) DO NOTHING RETURNING 1`,
      params,
    );
    return rows.length;
  }
}
