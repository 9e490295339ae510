import { Inject, Injectable } from '@nestjs/common';
import { ConcurrencyConflictError, NotFoundError } from '@assistenza/platform/ddd';
import { UnitOfWork, updateVersioned } from '@assistenza/platform/persistence';
import { PriceRepository } from '../../application/ports/master-data.repository';
import { Price } from '../../domain/price/price';
import { rowsOf } from './sql';

const COLUMNS = `company, id::text, kind, project_id AS "projectId", worker, category_id AS "categoryId", valid_from::text AS "validFrom",
  valid_to::text AS "validTo", currency, amount::text, version`;

@Injectable()
export class PriceSqlRepository extends PriceRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  async lockKey(price: Price): Promise<void> {
    const s = price.state;
    const key = [s.company, s.kind, s.projectId ?? '*', s.worker ?? '*', s.categoryId, s.currency].join('|');
    await this.uow.requireTransaction().query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`price:${key}`]);
  }

  async sameKey(price: Price): Promise<Price[]> {
    const s = price.state;
    const rows = await this.uow.manager.query(
      `SELECT ${COLUMNS} FROM prices WHERE company = $1 AND kind = $2 AND project_id IS NOT DISTINCT FROM $3 AND worker IS NOT DISTINCT FROM $4
         AND category_id = $5 AND currency = $6`,
      [s.company, s.kind, s.projectId, s.worker, s.categoryId, s.currency],
    );
    return rows.map(Price.restore);
  }

  async insert(price: Price): Promise<void> {
    const s = price.state;
    await this.uow.manager.query(
      `INSERT INTO prices (company, id, kind, project_id, worker, category_id, valid_from, valid_to, currency, amount, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [s.company, s.id, s.kind, s.projectId, s.worker, s.categoryId, s.validFrom, s.validTo, s.currency, s.amount, s.version],
    );
  }

  async update(price: Price, expectedVersion: number): Promise<number> {
    const s = price.state;
    return updateVersioned(
      this.uow.manager,
      { table: 'prices', resource: 'Price', company: s.company, idColumn: 'id', id: s.id, expectedVersion },
      { valid_from: s.validFrom, valid_to: s.validTo, amount: s.amount },
    );
  }

  async delete(price: Price, expectedVersion: number): Promise<void> {
    const { company, id } = price.state;
    const m = this.uow.manager;
    const deleted = rowsOf(await m.query('DELETE FROM prices WHERE company = $1 AND id = $2 AND version = $3 RETURNING 1', [company, id, expectedVersion]));
    if (deleted.length === 1) return;
    const exists: unknown[] = await m.query('SELECT 1 FROM prices WHERE company = $1 AND id = $2', [company, id]);
    if (exists.length === 0) throw new NotFoundError('Price', id);
    throw new ConcurrencyConflictError('Price', id, expectedVersion);
  }

  async find(company: string, id: string): Promise<Price | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [row] = await this.uow.manager.query(`SELECT ${COLUMNS} FROM prices WHERE company = $1 AND id = $2`, [company, id]);
    return row ? Price.restore(row) : null;
  }

  async candidates(company: string, categoryId: string, currency: string, projectId: string): Promise<Price[]> {
    const rows = await this.uow.manager.query(
      `SELECT ${COLUMNS} FROM prices WHERE company = $1 AND category_id = $2 AND currency = $3 AND (project_id IS NULL OR project_id = $4)`,
      [company, categoryId, currency, projectId],
    );
    return rows.map(Price.restore);
  }

  async list(company: string, limit: number, after: [string, string] | null): Promise<Price[]> {
    const rows = await this.uow.manager.query(
      `SELECT ${COLUMNS} FROM prices WHERE company = $1 AND ($2::text IS NULL OR (category_id, id::text) > ($2, $3::text))
       ORDER BY category_id, id::text LIMIT $4`,
      [company, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
    return rows.map(Price.restore);
  }
}
