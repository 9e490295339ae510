import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InvoiceCreditedV1 } from '@assistenza/contracts';
import { ConcurrencyConflictError, NotFoundError } from '@assistenza/platform/ddd';
import { OutboxWriter } from '@assistenza/platform/messaging';
import { requestContext } from '@assistenza/platform/observability';
import { UnitOfWork } from '@assistenza/platform/persistence';
import { creditLines, type CreditRequest } from '../../../domain/invoicing/credit-note';
import { invoiceNumber, newInvoice, type InvoiceState } from '../../../domain/invoicing/invoice';
import { invoiceCredited } from '../../invoice-events';
import { InvoiceRepository } from '../../ports/invoicing.repository';

export interface CreditInvoiceCommand {
  invoiceId: string;
  expectedVersion: number;
  /** Omitted: credit the whole invoice (what is left of it). */
  lines?: CreditRequest[];
  creditDate?: string;
  paymentTermsDays?: number;
}

/**
 * Posts a credit note for a whole invoice or chosen lines, with its own gap-free number. If-Match
 * names the credited invoice's version, which every credit note moves on by one: a client that
 * credits twice reads the invoice again in between. A stale version fails before a number is taken.
 */
@Injectable()
export class CreditInvoiceHandler {
  constructor(
    @Inject(InvoiceRepository) private readonly invoices: InvoiceRepository,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async execute(command: CreditInvoiceCommand): Promise<InvoiceState> {
    const { company } = requestContext.require();
    return this.uow.transaction(async () => {
      // Locked: two credit notes for one invoice run one after the other, so together they never exceed it.
      const invoice = await this.invoices.find(company, command.invoiceId, true);
      if (!invoice) throw new NotFoundError('Invoice', command.invoiceId);
      if (invoice.version !== command.expectedVersion) throw new ConcurrencyConflictError('Invoice', invoice.id, command.expectedVersion);
      const credit = creditLines(invoice, command.lines ?? null);
      invoice.version = await this.invoices.recordCredit(invoice, credit);
      const note = newInvoice({
        company,
        id: randomUUID(),
        number: invoiceNumber(await this.invoices.nextNumber(company)),
        kind: 'credit-note',
        creditedInvoiceId: invoice.id,
        proposalId: null,
        customerAccount: invoice.customerAccount,
        projectId: invoice.projectId,
        invoiceDate: command.creditDate ?? new Date().toISOString().slice(0, 10),
        paymentTermsDays: command.paymentTermsDays,
        currency: invoice.currency,
        lines: credit.map((c) => c.line),
      });
      await this.invoices.insert(note);
      await this.outbox.append(InvoiceCreditedV1, invoiceCredited(note, invoice));
      return note;
    });
  }
}
