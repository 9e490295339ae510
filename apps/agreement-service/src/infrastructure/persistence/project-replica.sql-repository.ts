import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork, upsertIfNewer } from '@assistenza/platform/persistence';
import type { ProjectReplicaRepository, ReplicatedProject } from '../../application/ports/project-replica.repository';

@Injectable()
export class ProjectReplicaSqlRepository implements ProjectReplicaRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {}

  async upsertIfNewer(p: ReplicatedProject): Promise<boolean> {
    return upsertIfNewer(this.uow.manager, {
      table: 'project_replica',
      key: ['company', 'project_id'],
      row: {
        company: p.company,
        project_id: p.projectId,
        customer_account: p.customerAccount,
        project_type: p.type,
        currency: p.currency,
        source_version: p.sourceVersion,
        replicated_at: new Date(),
      },
    });
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
