import { BusinessRuleViolation, NotFoundError } from '@assistenza/platform/ddd';
import { lineAmount, money, plain, taxAmount, type DecimalText } from '../money/money';
import type { TransactionType } from '../project/transaction-type';
import type { InvoiceLine, LineSource, Totals } from './invoice-line';
import { totalsOf } from './totals';

/** An uninvoiced chargeable project transaction as a proposal sees it, with the tax that applies. */
export interface ProposalTransaction {
  transactionId: string;
  customerAccount: string;
  currency: string;
  transactionType: TransactionType;
  description: string;
  categoryId: string;
  quantity: DecimalText;
  salesPrice: DecimalText;
  taxGroup: string | null;
  taxRate: DecimalText;
  source: LineSource;
}

export interface ProposalLine extends InvoiceLine {
  included: boolean;
}

export type ProposalSelection =
  | { by: 'project'; projectId: string; from: string; to: string }
  | { by: 'customer'; customerAccount: string; from: string; to: string }
  | { by: 'service-order'; serviceOrderId: string; from: string; to: string }
  | { by: 'subscription'; subscriptionId: string; from: string; to: string };

export interface InvoiceProposalState {
  company: string;
  id: string;
  customerAccount: string;
  projectId: string | null;
  selection: ProposalSelection;
  currency: string;
  status: 'open' | 'posted';
  invoiceId: string | null;
  lines: ProposalLine[];
  version: number;
}

function priced(lineNo: number, t: ProposalTransaction): ProposalLine {
  const net = lineAmount(t.quantity, t.salesPrice);
  return {
    lineNo,
    transactionType: t.transactionType,
    description: t.description,
    categoryId: t.categoryId,
    quantity: plain(t.quantity),
    unitPrice: plain(t.salesPrice),
    netAmount: money(net),
    taxGroup: t.taxGroup,
    taxRate: plain(t.taxRate),
    taxAmount: money(taxAmount(net, t.taxRate)),
    source: t.source,
    included: true,
  };
}

/** A project invoice proposal (domain.md §2.8 R-PO-5): the chargeable transactions to invoice, for review before posting. */
export class InvoiceProposal {
  private constructor(private state: InvoiceProposalState) {}

  /** One customer and one currency per proposal: an invoice can have only one of each. */
  static collect(input: { company: string; id: string; selection: ProposalSelection }, transactions: readonly ProposalTransaction[]): InvoiceProposal {
    if (transactions.length === 0) throw new BusinessRuleViolation('There are no uninvoiced chargeable transactions for this selection and date range');
    const currencies = [...new Set(transactions.map((t) => t.currency))].sort();
    if (currencies.length > 1) throw new BusinessRuleViolation(`The selected transactions are in several currencies (${currencies.join(', ')}); a proposal takes one currency only`, 'currency');
    const customers = [...new Set(transactions.map((t) => t.customerAccount))].sort();
    if (customers.length > 1) throw new BusinessRuleViolation(`The selected transactions belong to several customers (${customers.join(', ')}); narrow the selection`);
    const projects = [...new Set(transactions.map((t) => t.source.projectId))];
    return new InvoiceProposal({
      ...input,
      customerAccount: customers[0],
      projectId: projects.length === 1 ? projects[0] : null,
      currency: currencies[0],
      status: 'open',
      invoiceId: null,
      lines: transactions.map((t, i) => priced(i + 1, t)),
      version: 1,
    });
  }

  static restore(state: InvoiceProposalState): InvoiceProposal {
    return new InvoiceProposal({ ...state, lines: state.lines.map((l) => ({ ...l })) });
  }

  setIncluded(lineNo: number, included: boolean): void {
    this.assertOpen();
    const line = this.state.lines.find((l) => l.lineNo === lineNo);
    if (!line) throw new NotFoundError('Invoice proposal line', String(lineNo));
    line.included = included;
  }

  /** The lines the invoice will carry, numbered from 1; an empty proposal cannot be posted. */
  linesToInvoice(): InvoiceLine[] {
    this.assertOpen();
    const included = this.state.lines.filter((l) => l.included);
    if (included.length === 0) throw new BusinessRuleViolation('An invoice proposal without included lines cannot be posted');
    return included.map(({ included: _included, ...line }, i) => ({ ...line, lineNo: i + 1 }));
  }

  markPosted(invoiceId: string): void {
    this.assertOpen();
    this.state.status = 'posted';
    this.state.invoiceId = invoiceId;
  }

  assertOpen(): void {
    if (this.state.status !== 'open') throw new BusinessRuleViolation('The invoice proposal has been posted and can no longer change');
  }

  markStored(version: number): void {
    this.state.version = version;
  }

  totals(): Totals {
    return totalsOf(this.state.lines.filter((l) => l.included));
  }

  get id(): string {
    return this.state.id;
  }

  get version(): number {
    return this.state.version;
  }

  snapshot(): Readonly<InvoiceProposalState> {
    return { ...this.state, lines: this.state.lines.map((l) => ({ ...l })) };
  }
}
