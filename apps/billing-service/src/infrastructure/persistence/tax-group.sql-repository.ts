import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork, updateVersioned } from '@assistenza/platform/persistence';
import { TaxGroupRepository } from '../../application/ports/master-data.repository';
import { TaxGroup } from '../../domain/tax-group/tax-group';
import { insertOrConflict } from './sql';

@Injectable()
export class TaxGroupSqlRepository extends TaxGroupRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  async insert(group: TaxGroup): Promise<void> {
    const s = group.snapshot();
    await insertOrConflict(
      this.uow.manager,
      'INSERT INTO tax_groups (company, id, name, rate, version) VALUES ($1, $2, $3, $4, $5)',
      [s.company, s.id, s.name, s.rate, s.version],
      { message: `Tax group ${s.id} already exists`, field: 'id' },
    );
  }

  async update(group: TaxGroup, expectedVersion: number): Promise<number> {
    const s = group.snapshot();
    return updateVersioned(
      this.uow.manager,
      { table: 'tax_groups', resource: 'Tax group', company: s.company, idColumn: 'id', id: s.id, expectedVersion },
      { name: s.name, rate: s.rate },
    );
  }

  async find(company: string, id: string): Promise<TaxGroup | null> {
    const [row] = await this.uow.manager.query('SELECT company, id, name, rate, version FROM tax_groups WHERE company = $1 AND id = $2', [company, id]);
    return row ? TaxGroup.restore(row) : null;
  }

  async list(company: string, limit: number, afterId: string | null): Promise<TaxGroup[]> {
    const rows = await this.uow.manager.query(
      'SELECT company, id, name, rate, version FROM tax_groups WHERE company = $1 AND ($2::text IS NULL OR id > $2) ORDER BY id LIMIT $3',
      [company, afterId, limit],
    );
    return rows.map(TaxGroup.restore);
  }
}
