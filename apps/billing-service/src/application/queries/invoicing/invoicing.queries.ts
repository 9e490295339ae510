import { Inject, Injectable } from '@nestjs/common';
import { assertCustomerMayAccess, customerScope } from '@assistenza/platform/auth';
import { NotFoundError } from '@assistenza/platform/ddd';
import { decodeCursor, toPage, type Page } from '@assistenza/platform/http';
import { requestContext } from '@assistenza/platform/observability';
import type { InvoiceState } from '../../../domain/invoicing/invoice';
import type { InvoiceProposal } from '../../../domain/invoicing/invoice-proposal';
import { InvoiceProposalRepository, InvoiceRepository } from '../../ports/invoicing.repository';

const company = () => requestContext.require().company;
const after = (cursor?: string) => {
  const key = decodeCursor(cursor);
  return key ? String(key[0]) : null;
};

/** Reads of proposals and invoices; a customer-portal caller sees only its own invoices. */
@Injectable()
export class InvoicingQueries {
  constructor(
    @Inject(InvoiceProposalRepository) private readonly proposals: InvoiceProposalRepository,
    @Inject(InvoiceRepository) private readonly invoices: InvoiceRepository,
  ) {}

  async proposal(id: string): Promise<InvoiceProposal> {
    const proposal = await this.proposals.find(company(), id);
    if (!proposal) throw new NotFoundError('Invoice proposal', id);
    return proposal;
  }

  async proposalPage(limit: number, cursor?: string): Promise<Page<InvoiceProposal>> {
    return toPage(await this.proposals.list(company(), limit + 1, after(cursor)), limit, (p) => [p.id]);
  }

  async invoice(id: string): Promise<InvoiceState> {
    const invoice = await this.invoices.find(company(), id);
    if (!invoice) throw new NotFoundError('Invoice', id);
    assertCustomerMayAccess('Invoice', id, invoice.customerAccount);
    return invoice;
  }

  async invoicePage(limit: number, cursor?: string): Promise<Page<InvoiceState>> {
    return toPage(await this.invoices.list(company(), limit + 1, after(cursor), customerScope()), limit, (i) => [i.number]);
  }
}
