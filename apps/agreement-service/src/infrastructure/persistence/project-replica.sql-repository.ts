import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@assistenza/platform/persistence';
import type { ProjectReplicaRepository, ReplicatedProject } from '../../application/ports/project-replica.repository';

@Injectable()
export class ProjectReplicaSqlRepository implements ProjectReplicaRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {}

  async upsertIfNewer(p: ReplicatedProject): Promise<boolean> {
    const rows: unknown[] = await this.uow.manager.query(
      `INSERT INTO project_replica (company, project_id, customer_account, project_type, currency, source_version)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (company, project_id) DO UPDATE
         SET customer_account = EXCLUDED.customer_account, project_type = EXCLUDED.project_type, currency = EXCLUDED.currency,
             source_version = EXCLUDED.source_version, replicated_at = now()
         WHERE project_replica.source_version < EXCLUDED.source_version
       RETURNING 1`,
      [p.company, p.projectId, p.customerAccount, p.type, p.currency, p.sourceVersion],
    );
    return rows.length === 1;
  }

  async find(company: string, projectId: string): Promise<ReplicatedProject | null> {
    const [row] = await this.uow.manager.query(
      `SELECT company, project_id AS "projectId", customer_account AS "customerAccount", project_type AS type, currency, source_version AS "sourceVersion"
         FROM project_replica WHERE company = $1 AND project_id = $2`,
      [company, projectId],
    );
    return row ?? null;
  }
}
