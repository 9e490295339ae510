import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork, updateVersioned } from '@assistenza/platform/persistence';
import { CategoryRepository } from '../../application/ports/master-data.repository';
import { Category } from '../../domain/category/category';
import { insertOrConflict } from './sql';

const COLUMNS = 'company, id, name, transaction_type AS "transactionType", version';

@Injectable()
export class CategorySqlRepository extends CategoryRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  async insert(category: Category): Promise<void> {
    const s = category.state;
    await insertOrConflict(
      this.uow.manager,
      'INSERT INTO categories (company, id, name, transaction_type, version) VALUES ($1, $2, $3, $4, $5)',
      [s.company, s.id, s.name, s.transactionType, s.version],
      { message: `Category ${s.id} already exists`, field: 'id' },
    );
  }

  async find(company: string, id: string, lock = false): Promise<Category | null> {
    const manager = lock ? this.uow.requireTransaction() : this.uow.manager;
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM categories WHERE company = $1 AND id = $2 ${lock ? 'FOR UPDATE' : ''}`, [company, id]);
    return row ? Category.restore(row) : null;
  }

  async findForPosting(company: string, ids: readonly string[]): Promise<Category[]> {
    const rows = await this.uow.requireTransaction().query(
      `SELECT ${COLUMNS} FROM categories WHERE company = $1 AND id = ANY($2::text[]) ORDER BY id FOR SHARE`,
      [company, ids],
    );
    return rows.map(Category.restore);
  }

  async usedByTransactions(company: string, id: string): Promise<boolean> {
    const rows: unknown[] = await this.uow.manager.query('SELECT 1 FROM project_transactions WHERE company = $1 AND category_id = $2 LIMIT 1', [company, id]);
    return rows.length > 0;
  }

  async update(category: Category, expectedVersion: number): Promise<number> {
    const s = category.state;
    return updateVersioned(
      this.uow.manager,
      { table: 'categories', resource: 'Category', company: s.company, idColumn: 'id', id: s.id, expectedVersion },
      { name: s.name, transaction_type: s.transactionType },
    );
  }

  async list(company: string, limit: number, afterId: string | null): Promise<Category[]> {
    const rows = await this.uow.manager.query(
      `SELECT ${COLUMNS} FROM categories WHERE company = $1 AND ($2::text IS NULL OR id > $2) ORDER BY id LIMIT $3`,
      [company, afterId, limit],
    );
    return rows.map(Category.restore);
  }
}
