import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@assistenza/platform/ddd';
import { requestContext } from '@assistenza/platform/observability';
import { UnitOfWork } from '@assistenza/platform/persistence';
import type { InvoiceProposal } from '../../../domain/invoicing/invoice-proposal';
import { InvoiceProposalRepository } from '../../ports/invoicing.repository';

/** Include or exclude proposal lines, or delete an open proposal (its transactions become free again). */
@Injectable()
export class ChangeInvoiceProposalHandler {
  constructor(
    @Inject(InvoiceProposalRepository) private readonly proposals: InvoiceProposalRepository,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
  ) {}

  async setIncluded(id: string, expectedVersion: number, lines: readonly { lineNo: number; included: boolean }[]): Promise<InvoiceProposal> {
    return this.uow.transaction(async () => {
      const proposal = await this.load(id);
      for (const line of lines) proposal.setIncluded(line.lineNo, line.included);
      proposal.markStored(await this.proposals.update(proposal, expectedVersion));
      return proposal;
    });
  }

  async delete(id: string, expectedVersion: number): Promise<void> {
    await this.uow.transaction(async () => {
      const proposal = await this.load(id);
      proposal.assertOpen();
      await this.proposals.delete(proposal, expectedVersion);
    });
  }

  private async load(id: string): Promise<InvoiceProposal> {
    const proposal = await this.proposals.find(requestContext.require().company, id);
    if (!proposal) throw new NotFoundError('Invoice proposal', id);
    return proposal;
  }
}
