import { BusinessRuleViolation } from '@assistenza/platform/ddd';
import { creditLines } from './credit-note';
import { addDays, invoiceNumber, newInvoice, type InvoiceState } from './invoice';
import { InvoiceProposal, type ProposalTransaction } from './invoice-proposal';

let n = 0;
const tx = (over: Partial<ProposalTransaction> = {}): ProposalTransaction => {
  n++;
  return {
    transactionId: `t${n}`, customerAccount: 'US-001', currency: 'USD', transactionType: 'hour', description: `line ${n}`, categoryId: 'REPAIR',
    quantity: '1', salesPrice: '10', taxGroup: 'STD', taxRate: '22',
    source: { type: 'service-order-line', id: `SO-1-${n}`, document: 'SO-1', projectId: 'PRJ-1', projectTransactionId: `t${n}` },
    ...over,
  };
};
const selection = { by: 'project' as const, projectId: 'PRJ-1', from: '2024-01-01', to: '2024-12-31' };
const propose = (txs: ProposalTransaction[]) => InvoiceProposal.collect({ company: 'DAT', id: 'p1', selection }, txs);
const post = (proposal: InvoiceProposal): InvoiceState =>
  newInvoice({ company: 'DAT', id: 'i1', number: invoiceNumber(1), kind: 'invoice', creditedInvoiceId: null, proposalId: 'p1', customerAccount: 'US-001', projectId: 'PRJ-1', invoiceDate: '2024-12-06', currency: 'USD', lines: proposal.linesToInvoice() });

describe('invoice proposals', () => {
  it('prices each line as quantity × sales price rounded half-up, with tax per line, and totals from the rounded lines', () => {
    const p = propose([tx({ quantity: '1', salesPrice: '0.1' }), tx({ quantity: '1', salesPrice: '0.2' }), tx({ quantity: '3', salesPrice: '0.335' })]);
    expect(p.snapshot().lines.map((l) => [l.netAmount, l.taxAmount])).toEqual([['0.10', '0.02'], ['0.20', '0.04'], ['1.01', '0.22']]);
    expect(p.totals()).toEqual({ net: '1.31', tax: '0.28', gross: '1.59' });
  });

  it('splits 100 in thirds into lines of 33.33 that total 99.99, the same total the lines show', () => {
    const third = '33.333333';
    const p = propose([tx({ salesPrice: third, taxRate: '0' }), tx({ salesPrice: third, taxRate: '0' }), tx({ salesPrice: third, taxRate: '0' })]);
    expect(p.totals().net).toBe('99.99');
  });

  it('rejects mixing currencies in one proposal', () => {
    expect(() => propose([tx({ currency: 'USD' }), tx({ currency: 'EUR' })])).toThrow(/several currencies \(EUR, USD\)/);
  });

  it('rejects a selection with nothing to invoice', () => {
    expect(() => propose([])).toThrow(BusinessRuleViolation);
  });

  it('rejects posting an invoice proposal whose lines are all excluded', () => {
    const p = propose([tx()]);
    p.setIncluded(1, false);
    expect(() => p.linesToInvoice()).toThrow('An invoice proposal without included lines cannot be posted');
  });

  it('invoices only the included lines, renumbered, and leaves the totals of the excluded out', () => {
    const p = propose([tx({ salesPrice: '10' }), tx({ salesPrice: '20' })]);
    p.setIncluded(1, false);
    expect(p.totals()).toEqual({ net: '20.00', tax: '4.40', gross: '24.40' });
    expect(p.linesToInvoice().map((l) => [l.lineNo, l.netAmount])).toEqual([[1, '20.00']]);
  });

  it('refuses changes after posting', () => {
    const p = propose([tx()]);
    p.markPosted('i1');
    expect(() => p.setIncluded(1, false)).toThrow(BusinessRuleViolation);
  });
});

describe('invoices and credit notes', () => {
  it('sets the due date from the payment terms (30 days by default), across a year end', () => {
    expect(addDays('2024-12-06', 30)).toBe('2025-01-05');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(invoiceNumber(42)).toBe('INV-000042');
  });

  it('credits a whole invoice with the exact negated amounts', () => {
    const invoice = post(propose([tx({ quantity: '3', salesPrice: '0.335' }), tx({ salesPrice: '10' })]));
    const lines = creditLines(invoice, null).map((c) => c.line);
    expect(lines.map((l) => [l.quantity, l.netAmount, l.taxAmount])).toEqual([['-3', '-1.01', '-0.22'], ['-1', '-10.00', '-2.20']]);
  });

  it('credits part of a line and then the rest, never more than was invoiced, leaving no cent behind', () => {
    const invoice = post(propose([tx({ quantity: '3', salesPrice: '33.333333', taxRate: '22' })]));
    const [first] = creditLines(invoice, [{ lineNo: 1, quantity: '1' }]);
    expect([first.line.netAmount, first.line.taxAmount]).toEqual(['-33.33', '-7.33']);
    invoice.lines[0] = { ...invoice.lines[0], creditedQuantity: '1', creditedNet: '33.33', creditedTax: '7.33' };
    expect(() => creditLines(invoice, [{ lineNo: 1, quantity: '2.5' }])).toThrow(/has 2 left to credit; 2.5 is more than was invoiced/);
    const [rest] = creditLines(invoice, [{ lineNo: 1 }]);
    expect([rest.line.quantity, rest.line.netAmount, rest.line.taxAmount]).toEqual(['-2', '-66.67', '-14.67']);
  });

  it('rejects crediting an invoice credited in full already', () => {
    const invoice = post(propose([tx()]));
    invoice.lines[0] = { ...invoice.lines[0], creditedQuantity: '1', creditedNet: '10.00', creditedTax: '2.20' };
    expect(() => creditLines(invoice, null)).toThrow(/credited in full already/);
  });
});
