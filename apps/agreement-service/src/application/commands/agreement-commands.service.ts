import { Inject, Injectable } from '@nestjs/common';
import { BusinessRuleViolation, NotFoundError } from '@assistenza/platform/ddd';
import { requestContext } from '@assistenza/platform/observability';
import { UnitOfWork } from '@assistenza/platform/persistence';
import { Agreement, type AgreementChanges, type AgreementState } from '../../domain/agreement/agreement';
import { AgreementEvents, type AgreementChange } from '../events/agreement-events';
import { AGREEMENT_REPOSITORY, type AgreementRepository } from '../ports/agreement.repository';
import { PROJECT_REPLICA, type ProjectReplicaRepository } from '../ports/project-replica.repository';
import { REFERENCE_DATA, type ReferenceDataRepository } from '../ports/reference-data.repository';

/** What a change does to an agreement, for its event: the parts it changed, or a suspension/release. */
type ChangeWork = (agreement: Agreement, company: string) => Promise<readonly AgreementChange[]>;

export type CreateAgreementCommand = Omit<AgreementState, 'company' | 'customerAccount' | 'version' | 'hasOrders' | 'slaId'> & { slaId?: string | null };

/**
 * Agreement header use cases (domain.md §2.1-2.2): create, change, suspend, release. Every change
 * stores the agreement at its next version and publishes its event in the same transaction.
 */
@Injectable()
export class AgreementCommands {
  constructor(
    @Inject(AGREEMENT_REPOSITORY) private readonly agreements: AgreementRepository,
    @Inject(PROJECT_REPLICA) private readonly projects: ProjectReplicaRepository,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceDataRepository,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(AgreementEvents) private readonly events: AgreementEvents,
  ) {}

  async create(command: CreateAgreementCommand): Promise<Agreement> {
    const { company } = requestContext.require();
    return this.uow.transaction(async () => {
      const project = await this.projects.find(company, command.projectId);
      if (!project) throw new BusinessRuleViolation(`Project ${command.projectId} is unknown here (not replicated from billing)`, 'projectId');
      // R-AG-1: every agreement invoices through a project that is not a time project.
      if (project.type === 'time') throw new BusinessRuleViolation('A time project cannot carry a service agreement', 'projectId');
      const group = await this.existing('agreement_groups', company, command.groupId, 'groupId');
      const slaId = command.slaId === undefined ? ((group.attributes['defaultSlaId'] as string | null) ?? null) : command.slaId;
      const agreement = Agreement.create({ ...command, company, customerAccount: project.customerAccount, slaId });
      await this.checkReferences(company, agreement.snapshot());
      await this.agreements.insert(agreement);
      await this.events.created(agreement);
      return agreement;
    });
  }

  async update(agreementId: string, expectedVersion: number, changes: AgreementChanges): Promise<Agreement> {
    return this.change(agreementId, expectedVersion, async (agreement, company) => {
      const before = agreement.snapshot();
      agreement.change(changes);
      if (changes.groupId) await this.existing('agreement_groups', company, changes.groupId, 'groupId');
      const after = agreement.snapshot();
      await this.checkReferences(company, after);
      return (Object.keys(changes) as Array<keyof AgreementChanges>).filter((k) => before[k] !== after[k]);
    });
  }

  suspend(agreementId: string, expectedVersion: number): Promise<Agreement> {
    return this.change(agreementId, expectedVersion, async (a) => (a.suspend(), []), 'suspension');
  }

  release(agreementId: string, expectedVersion: number): Promise<Agreement> {
    return this.change(agreementId, expectedVersion, async (a) => (a.release(), []), 'suspension');
  }

  /**
   * Loads and locks the agreement, applies `work`, stores it at the next version (412 when the
   * client's If-Match is stale) and publishes `agreement.changed.v1` with what `work` changed, or
   * suspended/released for a suspension change.
   */
  async change(agreementId: string, expectedVersion: number, work: ChangeWork, event: 'changed' | 'suspension' = 'changed'): Promise<Agreement> {
    const { company } = requestContext.require();
    return this.uow.transaction(async () => {
      const agreement = await this.agreements.find(company, agreementId, true);
      if (!agreement) throw new NotFoundError('Service agreement', agreementId);
      const changes = await work(agreement, company);
      agreement.markStored(await this.agreements.update(agreement, expectedVersion));
      if (event === 'suspension') await this.events.suspendedOrReleased(agreement);
      else await this.events.changed(agreement, changes);
      return agreement;
    });
  }

  async existing(table: string, company: string, code: string, field: string) {
    const record = await this.reference.find(table, company, code);
    if (!record) throw new BusinessRuleViolation(`${field} ${code} does not exist`, field);
    return record;
  }

  private async checkReferences(company: string, s: Readonly<AgreementState>): Promise<void> {
    if (s.slaId) await this.existing('service_level_agreements', company, s.slaId, 'slaId');
    if (s.templateGroupId) await this.existing('template_groups', company, s.templateGroupId, 'templateGroupId');
  }
}
