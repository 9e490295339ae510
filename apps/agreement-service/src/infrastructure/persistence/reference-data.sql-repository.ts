import { Inject, Injectable } from '@nestjs/common';
import { ConflictError } from '@assistenza/platform/ddd';
import { UnitOfWork, updateVersioned } from '@assistenza/platform/persistence';
import type { ReferenceDataRepository, ReferenceRecord } from '../../application/ports/reference-data.repository';
import { REFERENCE_TABLES } from '../migrations/1733320100000-agreements';

const COLUMNS = 'company, code, description, attributes, version';

/** Table names come only from the fixed list, never from input. */
function table(name: string): string {
  if (!(REFERENCE_TABLES as readonly string[]).includes(name)) throw new Error(`not a reference table: ${name}`);
  return name;
}

@Injectable()
export class ReferenceDataSqlRepository implements ReferenceDataRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {}

  async insert(name: string, r: ReferenceRecord): Promise<void> {
    const inserted: unknown[] = await this.uow.manager.query(
      `INSERT INTO ${table(name)} (${COLUMNS}) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
      [r.company, r.code, r.description, JSON.stringify(r.attributes), r.version],
    );
    if (inserted.length === 0) throw new ConflictError(`${r.code} already exists`, 'code');
  }

  update(name: string, resource: string, r: ReferenceRecord, expectedVersion: number): Promise<number> {
    return updateVersioned(
      this.uow.manager,
      { table: table(name), resource, company: r.company, idColumn: 'code', id: r.code, expectedVersion },
      { description: r.description, attributes: JSON.stringify(r.attributes) },
    );
  }

  async find(name: string, company: string, code: string): Promise<ReferenceRecord | null> {
    const [row] = await this.findMany(name, company, [code]);
    return row ?? null;
  }

  findMany(name: string, company: string, codes: string[]): Promise<ReferenceRecord[]> {
    return this.uow.manager.query(`SELECT ${COLUMNS} FROM ${table(name)} WHERE company = $1 AND code = ANY($2)`, [company, codes]);
  }

  list(name: string, company: string, limit: number, afterCode: string | null): Promise<ReferenceRecord[]> {
    return this.uow.manager.query(
      `SELECT ${COLUMNS} FROM ${table(name)} WHERE company = $1 AND ($2::text IS NULL OR code > $2) ORDER BY code LIMIT $3`,
      [company, afterCode, limit],
    );
  }
}
