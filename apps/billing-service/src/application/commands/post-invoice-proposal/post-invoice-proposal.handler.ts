import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InvoicePostedV1 } from '@assistenza/contracts';
import { NotFoundError } from '@assistenza/platform/ddd';
import { OutboxWriter } from '@assistenza/platform/messaging';
import { requestContext } from '@assistenza/platform/observability';
import { UnitOfWork } from '@assistenza/platform/persistence';
import { invoiceNumber, newInvoice, type InvoiceState } from '../../../domain/invoicing/invoice';
import { invoicePosted } from '../../invoice-events';
import { InvoiceProposalRepository, InvoiceRepository } from '../../ports/invoicing.repository';

export interface PostInvoiceProposalCommand {
  proposalId: string;
  expectedVersion: number;
  /** Defaults to today (UTC). */
  invoiceDate?: string;
  paymentTermsDays?: number;
}

/**
 * Posts a proposal into an invoice in one transaction: the next gap-free number, the invoice and
 * its lines, transactions marked invoiced, excluded ones freed, the proposal closed, and
 * billing.invoice.posted in the outbox. Any failure rolls all of it back, the number included.
 */
@Injectable()
export class PostInvoiceProposalHandler {
  constructor(
    @Inject(InvoiceProposalRepository) private readonly proposals: InvoiceProposalRepository,
    @Inject(InvoiceRepository) private readonly invoices: InvoiceRepository,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async execute(command: PostInvoiceProposalCommand): Promise<InvoiceState> {
    const { company } = requestContext.require();
    return this.uow.transaction(async () => {
      const proposal = await this.proposals.find(company, command.proposalId);
      if (!proposal) throw new NotFoundError('Invoice proposal', command.proposalId);
      const lines = proposal.linesToInvoice();
      const id = randomUUID();
      proposal.markPosted(id);
      // The versioned update first: a stale If-Match fails before a number is taken.
      proposal.markStored(await this.proposals.update(proposal, command.expectedVersion));
      const s = proposal.snapshot();
      const invoice = newInvoice({
        company,
        id,
        number: invoiceNumber(await this.invoices.nextNumber(company)),
        kind: 'invoice',
        creditedInvoiceId: null,
        proposalId: s.id,
        customerAccount: s.customerAccount,
        projectId: s.projectId,
        invoiceDate: command.invoiceDate ?? new Date().toISOString().slice(0, 10),
        paymentTermsDays: command.paymentTermsDays,
        currency: s.currency,
        lines,
      });
      await this.invoices.insert(invoice);
      await this.invoices.releaseTransactions(company, s.id, lines.map((l) => l.source.projectTransactionId));
      await this.outbox.append(InvoicePostedV1, invoicePosted(invoice));
      return invoice;
    });
  }
}
