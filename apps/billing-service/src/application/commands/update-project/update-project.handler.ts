import { Inject, Injectable } from '@nestjs/common';
import { ProjectUpsertedV1 } from '@assistenza/contracts';
import { NotFoundError } from '@assistenza/platform/ddd';
import { OutboxWriter } from '@assistenza/platform/messaging';
import { requestContext } from '@assistenza/platform/observability';
import { UnitOfWork } from '@assistenza/platform/persistence';
import type { Project, ProjectChanges } from '../../../domain/project/project';
import { projectUpserted } from '../../master-data-events';
import { CUSTOMER_REPOSITORY, type CustomerRepository } from '../../ports/customer.repository';
import { TaxGroupRepository } from '../../ports/master-data.repository';
import { ProjectRepository } from '../../ports/project.repository';
import { assertReferences } from '../create-project/create-project.handler';

export interface UpdateProjectCommand {
  id: string;
  expectedVersion: number;
  changes: ProjectChanges;
}

@Injectable()
export class UpdateProjectHandler {
  constructor(
    @Inject(ProjectRepository) private readonly projects: ProjectRepository,
    @Inject(CUSTOMER_REPOSITORY) private readonly customers: CustomerRepository,
    @Inject(TaxGroupRepository) private readonly taxGroups: TaxGroupRepository,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async execute(command: UpdateProjectCommand): Promise<Project> {
    const { company } = requestContext.require();
    return this.uow.transaction(async () => {
      const project = await this.projects.find(company, command.id);
      if (!project) throw new NotFoundError('Project', command.id);
      project.change(command.changes);
      await assertReferences(company, project, this.customers, this.taxGroups);
      project.markStored(await this.projects.update(project, command.expectedVersion));
      await this.outbox.append(ProjectUpsertedV1, projectUpserted(project));
      return project;
    });
  }
}
