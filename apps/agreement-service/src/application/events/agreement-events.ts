import { Inject, Injectable } from '@nestjs/common';
import { AgreementChangedV1, AgreementCreatedV1, AgreementReleasedV1, AgreementSuspendedV1, type PayloadOf } from '@assistenza/contracts';
import { OutboxWriter } from '@assistenza/platform/messaging';
import type { Agreement } from '../../domain/agreement/agreement';
import { AGREEMENT_REPOSITORY, type AgreementRepository } from '../ports/agreement.repository';

type State = PayloadOf<typeof AgreementCreatedV1>;

/** What changed on an agreement, for `agreement.changed.v1`: header field names or a part. */
export type AgreementChange = string;

/**
 * Publishes the agreement's own events through the outbox, inside the transaction of the change
 * (the caller's UnitOfWork): created and changed carry the whole agreement after the change,
 * suspended and released its identity. aggregateVersion is the agreement version.
 */
@Injectable()
export class AgreementEvents {
  constructor(
    @Inject(AGREEMENT_REPOSITORY) private readonly agreements: AgreementRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async created(agreement: Agreement): Promise<void> {
    await this.outbox.append(AgreementCreatedV1, { aggregateId: agreement.id, aggregateVersion: agreement.version, payload: await this.state(agreement) });
  }

  async changed(agreement: Agreement, changes: readonly AgreementChange[]): Promise<void> {
    const payload = { ...(await this.state(agreement)), changes: [...new Set(changes)] };
    await this.outbox.append(AgreementChangedV1, { aggregateId: agreement.id, aggregateVersion: agreement.version, payload });
  }

  async suspendedOrReleased(agreement: Agreement): Promise<void> {
    const s = agreement.snapshot();
    const payload = { agreementId: s.agreementId, projectId: s.projectId, customerAccount: s.customerAccount };
    await this.outbox.append(s.suspended ? AgreementSuspendedV1 : AgreementReleasedV1, { aggregateId: agreement.id, aggregateVersion: agreement.version, payload });
  }

  private async state(agreement: Agreement): Promise<State> {
    const { company, hasOrders: _hasOrders, version: _version, ...header } = agreement.snapshot();
    const ids = [agreement.id];
    const lines = (await this.agreements.lines(company, ids)).get(agreement.id) ?? [];
    const objectRelations = (await this.agreements.objectRelations(company, ids)).get(agreement.id) ?? [];
    const taskRelations = (await this.agreements.taskRelations(company, ids)).get(agreement.id) ?? [];
    return { ...header, lines: lines.map((l) => ({ ...l, quantity: trimDecimal(l.quantity) })), objectRelations, taskRelations };
  }
}

/** numeric(21,6) reads back as `1.500000`; events carry `1.5`. */
export const trimDecimal = (quantity: string): string => quantity.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
