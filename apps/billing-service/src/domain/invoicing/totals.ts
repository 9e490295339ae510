import { money, sum } from '../money/money';
import type { InvoiceLine, Totals } from './invoice-line';

/** Totals are sums of the rounded lines, so lines and totals always agree to the cent. */
export function totalsOf(lines: readonly Pick<InvoiceLine, 'netAmount' | 'taxAmount'>[]): Totals {
  const net = sum(lines.map((l) => l.netAmount));
  const tax = sum(lines.map((l) => l.taxAmount));
  return { net: money(net), tax: money(tax), gross: money(net.plus(tax)) };
}
