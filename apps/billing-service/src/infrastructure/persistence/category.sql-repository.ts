import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@assistenza/platform/persistence';
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

  async find(company: string, id: string): Promise<Category | null> {
    const [row] = await this.uow.manager.query(`SELECT ${COLUMNS} FROM categories WHERE company = $1 AND id = $2`, [company, id]);
    return row ? Category.restore(row) : null;
  }

  async list(company: string, limit: number, afterId: string | null): Promise<Category[]> {
    const rows = await this.uow.manager.query(
      `SELECT ${COLUMNS} FROM categories WHERE company = $1 AND ($2::text IS NULL OR id > $2) ORDER BY id LIMIT $3`,
      [company, afterId, limit],
    );
    return rows.map(Category.restore);
  }
}
