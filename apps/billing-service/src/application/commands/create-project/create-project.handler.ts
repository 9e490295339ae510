import { Inject, Injectable } from '@nestjs/common';
import { ProjectUpsertedV1 } from '@assistenza/contracts';
import { BusinessRuleViolation } from '@assistenza/platform/ddd';
import { OutboxWriter } from '@assistenza/platform/messaging';
import { requestContext } from '@assistenza/platform/observability';
import { UnitOfWork } from '@assistenza/platform/persistence';
import { Project, type ProjectType } from '../../../domain/project/project';
import type { Chargeability } from '../../../domain/project/transaction-type';
import { projectUpserted } from '../../master-data-events';
import { CUSTOMER_REPOSITORY, type CustomerRepository } from '../../ports/customer.repository';
import { TaxGroupRepository } from '../../ports/master-data.repository';
import { ProjectRepository } from '../../ports/project.repository';

export interface CreateProjectCommand {
  id: string;
  name: string;
  customerAccount: string;
  type: ProjectType;
  currency: string;
  taxGroup?: string | null;
  chargeable?: Partial<Chargeability>;
}

@Injectable()
export class CreateProjectHandler {
  constructor(
    @Inject(ProjectRepository) private readonly projects: ProjectRepository,
    @Inject(CUSTOMER_REPOSITORY) private readonly customers: CustomerRepository,
    @Inject(TaxGroupRepository) private readonly taxGroups: TaxGroupRepository,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async execute(command: CreateProjectCommand): Promise<Project> {
    const { company } = requestContext.require();
    const project = Project.create({ ...command, company, taxGroup: command.taxGroup ?? null });
    return this.uow.transaction(async () => {
      await assertReferences(company, project, this.customers, this.taxGroups);
      await this.projects.insert(project);
      await this.outbox.append(ProjectUpsertedV1, projectUpserted(project));
      return project;
    });
  }
}

/** A project must name a customer and (if any) a tax group that exist in its company. */
export async function assertReferences(company: string, project: Project, customers: CustomerRepository, taxGroups: TaxGroupRepository): Promise<void> {
  const s = project.snapshot();
  if (!(await customers.find(company, s.customerAccount))) throw new BusinessRuleViolation(`Customer ${s.customerAccount} does not exist`, 'customerAccount');
  if (s.taxGroup !== null && !(await taxGroups.find(company, s.taxGroup))) throw new BusinessRuleViolation(`Tax group ${s.taxGroup} does not exist`, 'taxGroup');
}
