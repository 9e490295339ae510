import Decimal from 'decimal.js';
import { BusinessRuleViolation, NotFoundError } from '@assistenza/platform/ddd';
import { decimal, lineAmount, money, plain, taxAmount } from '../money/money';
import type { InvoiceLine } from './invoice-line';
import type { InvoiceState } from './invoice';

export interface CreditRequest {
  lineNo: number;
  /** Omitted: whatever of the line is not yet credited. */
  quantity?: string;
}

/**
 * The lines of a credit note against a posted invoice: all of it (no requests) or the chosen lines.
 * Crediting more than was invoiced, net of earlier credit notes, is refused. A line credited in
 * full takes back exactly its remaining net and tax, so rounding never leaves a cent behind.
 */
export interface CreditLine {
  /** The invoice line it takes back. */
  creditsLineNo: number;
  line: InvoiceLine;
}

export function creditLines(invoice: InvoiceState, requests: readonly CreditRequest[] | null): CreditLine[] {
  if (invoice.kind !== 'invoice') throw new BusinessRuleViolation('A credit note cannot itself be credited');
  const chosen: readonly CreditRequest[] = requests ?? invoice.lines.filter((l) => new Decimal(l.quantity).minus(l.creditedQuantity).greaterThan(0)).map((l) => ({ lineNo: l.lineNo }));
  if (chosen.length === 0) throw new BusinessRuleViolation(`Invoice ${invoice.number} has been credited in full already`);
  if (new Set(chosen.map((r) => r.lineNo)).size !== chosen.length) throw new BusinessRuleViolation('A line may be named only once per credit note', 'lines');

  return chosen.map((request, i) => {
    const line = invoice.lines.find((l) => l.lineNo === request.lineNo);
    if (!line) throw new NotFoundError(`Line of invoice ${invoice.number}`, String(request.lineNo));
    const remaining = new Decimal(line.quantity).minus(line.creditedQuantity);
    const quantity = request.quantity === undefined ? remaining : decimal(request.quantity, 'quantity');
    if (quantity.lessThanOrEqualTo(0)) throw new BusinessRuleViolation('A credited quantity must be positive', 'quantity');
    if (quantity.greaterThan(remaining)) {
      throw new BusinessRuleViolation(`Line ${line.lineNo} of invoice ${invoice.number} has ${plain(remaining)} left to credit; ${plain(quantity)} is more than was invoiced`, 'quantity');
    }
    const full = quantity.equals(remaining);
    const net = full ? new Decimal(line.netAmount).minus(line.creditedNet) : lineAmount(quantity, line.unitPrice);
    const tax = full ? new Decimal(line.taxAmount).minus(line.creditedTax) : taxAmount(net, line.taxRate);
    return {
      creditsLineNo: line.lineNo,
      line: { ...stripCredit(line), lineNo: i + 1, quantity: plain(quantity.negated()), netAmount: money(net.negated()), taxAmount: money(tax.negated()) },
    };
  });
}

function stripCredit(line: InvoiceState['lines'][number]): InvoiceLine {
  const { creditedQuantity: _q, creditedNet: _n, creditedTax: _t, ...rest } = line;
  return rest;
}
