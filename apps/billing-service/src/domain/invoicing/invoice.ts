import { ValidationError } from '@assistenza/platform/ddd';
import type { InvoiceLine, Totals } from './invoice-line';
import { totalsOf } from './totals';

/** An invoice line plus how much of it credit notes have taken back. */
export interface PostedInvoiceLine extends InvoiceLine {
  creditedQuantity: string;
  creditedNet: string;
  creditedTax: string;
}

export interface InvoiceState {
  company: string;
  id: string;
  number: string;
  kind: 'invoice' | 'credit-note';
  creditedInvoiceId: string | null;
  proposalId: string | null;
  customerAccount: string;
  projectId: string | null;
  invoiceDate: string;
  dueDate: string;
  currency: string;
  lines: PostedInvoiceLine[];
  totals: Totals;
  version: number;
}

export const DEFAULT_PAYMENT_TERMS_DAYS = 30;

/** Adds days to an ISO business date, in UTC so no time zone shifts the day. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new ValidationError('invoiceDate must be a date YYYY-MM-DD', 'invoiceDate');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Formats the gap-free sequence number of a company's invoices and credit notes. */
export const invoiceNumber = (sequence: number | string) => `INV-${String(sequence).padStart(6, '0')}`;

/** Builds a posted invoice or credit note: totals come from its rounded lines. */
export function newInvoice(input: Omit<InvoiceState, 'totals' | 'version' | 'lines' | 'dueDate'> & { lines: InvoiceLine[]; paymentTermsDays?: number }): InvoiceState {
  const { paymentTermsDays = DEFAULT_PAYMENT_TERMS_DAYS, lines, ...rest } = input;
  if (!Number.isInteger(paymentTermsDays) || paymentTermsDays < 0 || paymentTermsDays > 365) {
    throw new ValidationError('paymentTermsDays must be a whole number of days from 0 to 365', 'paymentTermsDays');
  }
  return {
    ...rest,
    dueDate: addDays(input.invoiceDate, paymentTermsDays),
    lines: lines.map((l) => ({ ...l, creditedQuantity: '0', creditedNet: '0.00', creditedTax: '0.00' })),
    totals: totalsOf(lines),
    version: 1,
  };
}
