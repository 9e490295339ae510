import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork, updateVersioned } from '@assistenza/platform/persistence';
import { ProjectRepository } from '../../application/ports/project.repository';
import { Project, type ProjectType } from '../../domain/project/project';
import { insertOrConflict } from './sql';

interface ProjectRow {
  company: string;
  id: string;
  name: string;
  customer_account: string;
  type: ProjectType;
  currency: string;
  tax_group: string | null;
  chargeable_hour: boolean;
  chargeable_expense: boolean;
  chargeable_item: boolean;
  chargeable_fee: boolean;
  version: number;
}

@Injectable()
export class ProjectSqlRepository extends ProjectRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  async insert(project: Project): Promise<void> {
    const s = project.snapshot();
    await insertOrConflict(
      this.uow.manager,
      `INSERT INTO projects (company, id, name, customer_account, type, currency, tax_group, chargeable_hour, chargeable_expense, chargeable_item, chargeable_fee, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [s.company, s.id, s.name, s.customerAccount, s.type, s.currency, s.taxGroup, s.chargeable.hour, s.chargeable.expense, s.chargeable.item, s.chargeable.fee, s.version],
      { message: `Project ${s.id} already exists`, field: 'id' },
    );
  }

  async update(project: Project, expectedVersion: number): Promise<number> {
    const s = project.snapshot();
    return updateVersioned(
      this.uow.manager,
      { table: 'projects', resource: 'Project', company: s.company, idColumn: 'id', id: s.id, expectedVersion },
      {
        name: s.name,
        currency: s.currency,
        tax_group: s.taxGroup,
        chargeable_hour: s.chargeable.hour,
        chargeable_expense: s.chargeable.expense,
        chargeable_item: s.chargeable.item,
        chargeable_fee: s.chargeable.fee,
      },
    );
  }

  async find(company: string, id: string): Promise<Project | null> {
    const [row] = await this.uow.manager.query('SELECT * FROM projects WHERE company = $1 AND id = $2', [company, id]);
    return row ? toDomain(row) : null;
  }

  async list(company: string, limit: number, afterId: string | null, customerAccount: string | null): Promise<Project[]> {
    const rows: ProjectRow[] = await this.uow.manager.query(
      `SELECT * FROM projects WHERE company = $1 AND ($2::text IS NULL OR id > $2) AND ($3::text IS NULL OR customer_account = $3)
       ORDER BY id LIMIT $4`,
      [company, afterId, customerAccount, limit],
    );
    return rows.map(toDomain);
  }
}

function toDomain(r: ProjectRow): Project {
  return Project.restore({
    company: r.company,
    id: r.id,
    name: r.name,
    customerAccount: r.customer_account,
    type: r.type,
    currency: r.currency,
    taxGroup: r.tax_group,
    chargeable: { hour: r.chargeable_hour, expense: r.chargeable_expense, item: r.chargeable_item, fee: r.chargeable_fee },
    version: r.version,
  });
}
