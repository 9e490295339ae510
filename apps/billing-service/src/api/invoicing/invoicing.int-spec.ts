import { FeeTransactionsCreatedV1 } from '@assistenza/contracts';
import { authHeaders, waitFor } from '@assistenza/testing';
import { envelopeOf, postedOrder, seededBilling } from '../test-fixtures';

describe('invoice proposals, invoices and credit notes, against the real PostgreSQL and RabbitMQ', () => {
  const billing = seededBilling();
  const { http, count, postOrder } = billing;
  const range = { from: '2024-12-01', to: '2024-12-31' };

  async function proposeAndPost(orderId: string, lines: Parameters<typeof postedOrder>[2]) {
    await postOrder(orderId, lines);
    const proposal = await http('POST', 'invoice-proposals', { serviceOrderId: orderId, ...range });
    expect(proposal.status).toBe(201);
    const invoice = await http('POST', `invoice-proposals/${proposal.body.id}/post`, { invoiceDate: '2024-12-06' }, { 'if-match': '"1"' });
    expect(invoice.status).toBe(201);
    return invoice.body;
  }

  it('proposes a service order with lines, 22 % tax per line and totals, all decimal (0.1 + 0.2 = 0.30)', async () => {
    await postOrder('SO-A', [{ quantity: '1', price: '0.1' }, { quantity: '1', price: '0.2' }, { quantity: '3', price: '0.335' }]);
    const res = await http('POST', 'invoice-proposals', { serviceOrderId: 'SO-A', ...range });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body.lines.map((l: { netAmount: string; taxAmount: string }) => [l.netAmount, l.taxAmount])).toEqual([['0.10', '0.02'], ['0.20', '0.04'], ['1.01', '0.22']]);
    expect(res.body.totals).toEqual({ net: '1.31', tax: '0.28', gross: '1.59' });
    expect(res.body.lines[0].source).toMatchObject({ type: 'service-order-line', id: 'SO-A-1', document: 'SO-A' });
    // The same transactions cannot be proposed twice.
    expect((await http('POST', 'invoice-proposals', { serviceOrderId: 'SO-A', ...range })).status).toBe(422);
  });

  it('excludes a line, posts the rest as INV-000001 due in 30 days, and frees the excluded transaction', async () => {
    await postOrder('SO-B', [{ quantity: '2.5', price: '95.00' }, { quantity: '1', price: '10' }]);
    const proposal = (await http('POST', 'invoice-proposals', { serviceOrderId: 'SO-B', ...range })).body;
    const changed = await http('PATCH', `invoice-proposals/${proposal.id}/lines`, { lines: [{ lineNo: 2, included: false }] }, { 'if-match': '"1"' });
    expect(changed.body.totals).toEqual({ net: '237.50', tax: '52.25', gross: '289.75' });
    expect((await http('POST', `invoice-proposals/${proposal.id}/post`, {}, { 'if-match': '"1"' })).status).toBe(412);
    const invoice = await http('POST', `invoice-proposals/${proposal.id}/post`, { invoiceDate: '2024-12-06' }, { 'if-match': '"2"' });
    expect(invoice.status).toBe(201);
    expect(invoice.body).toMatchObject({ number: 'INV-000001', invoiceDate: '2024-12-06', dueDate: '2025-01-05', totals: { gross: '289.75' } });
    expect(invoice.body.lines).toEqual([expect.objectContaining({ lineNo: 1, quantity: '2.5', unitPrice: '95', source: expect.objectContaining({ id: 'SO-B-1' }) })]);
    expect(await count(`SELECT 1 FROM project_transactions WHERE source_id = 'SO-B-2' AND proposal_id IS NULL AND invoice_id IS NULL`)).toBe(1);
    expect((await http('GET', `invoices/${invoice.body.id}`)).headers.get('etag')).toBe('"1"');
  });

  it('rejects posting an empty invoice proposal with 422, takes no invoice number and changes nothing', async () => {
    await postOrder('SO-EMPTY', [{ quantity: '1', price: '5' }]);
    const proposal = (await http('POST', 'invoice-proposals', { serviceOrderId: 'SO-EMPTY', ...range })).body;
    await http('PATCH', `invoice-proposals/${proposal.id}/lines`, { lines: [{ lineNo: 1, included: false }] }, { 'if-match': '"1"' });
    const res = await http('POST', `invoice-proposals/${proposal.id}/post`, {}, { 'if-match': '"2"' });
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/without included lines cannot be posted/);
    expect((await http('GET', `invoice-proposals/${proposal.id}`)).body).toMatchObject({ status: 'open', version: 2 });
    expect((await billing.svc.db.query('SELECT next FROM invoice_numbers'))[0]?.next ?? '2').toBe('2');
    expect((await http('DELETE', `invoice-proposals/${proposal.id}`, undefined, { 'if-match': '"2"' })).status).toBe(204);
    expect(await count(`SELECT 1 FROM project_transactions WHERE source_document = 'SO-EMPTY' AND proposal_id IS NULL`)).toBe(1);
  });

  it('rejects a proposal mixing currencies with 422 and reserves no transaction', async () => {
    await postOrder('SO-USD', [{ quantity: '1', price: '1' }]);
    await postOrder('SO-EUR', [{ quantity: '1', price: '1' }], { currency: 'EUR' });
    const res = await http('POST', 'invoice-proposals', { projectId: 'PRJ-1', ...range });
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/several currencies \(EUR, USD\)/);
    expect(await count(`SELECT 1 FROM project_transactions WHERE proposal_id IS NOT NULL AND source_document IN ('SO-USD', 'SO-EUR')`)).toBe(0);
    await http('POST', 'invoice-proposals', { serviceOrderId: 'SO-EUR', ...range }); // clears EUR from later project proposals
  });

  it('invoices subscription fees, a reduction included, with lines pointing at the fee transactions', async () => {
    const fees = { ...FeeTransactionsCreatedV1.example, projectId: 'PRJ-1', customerAccount: 'C-1', lines: FeeTransactionsCreatedV1.example.lines.map((l) => ({ ...l, periodFrom: '2024-12-01', periodTo: '2024-12-31' })) };
    await billing.publish(FeeTransactionsCreatedV1, envelopeOf(FeeTransactionsCreatedV1, fees));
    await waitFor(async () => (await count(`SELECT 1 FROM project_transactions WHERE source_type = 'subscription-fee'`)) === 2, { what: 'fee transactions' });
    const proposal = await http('POST', 'invoice-proposals', { subscriptionId: 'SUB-0042', ...range });
    expect(proposal.body.totals).toEqual({ net: '187.10', tax: '41.16', gross: '228.26' });
    expect(proposal.body.lines[1].source).toMatchObject({ type: 'subscription-fee', id: 'FEE-0042-2024-03-R', document: 'SUB-0042' });
  });

  it('numbers concurrent postings gap-free: 8 proposals posted at once get 8 consecutive numbers', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      await postOrder(`SO-C${i}`, [{ quantity: '1', price: '1' }]);
      ids.push((await http('POST', 'invoice-proposals', { serviceOrderId: `SO-C${i}`, ...range })).body.id);
    }
    const answers = await Promise.all(ids.map((id) => http('POST', `invoice-proposals/${id}/post`, {}, { 'if-match': '"1"' })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    const numbers = (await billing.svc.db.query(`SELECT number FROM invoices ORDER BY number`)).map((r: { number: string }) => Number(r.number.slice(4)));
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
  });

  it('credits chosen lines, refuses crediting more than was invoiced with 422, then credits the rest of the invoice', async () => {
    const invoice = await proposeAndPost('SO-CR', [{ quantity: '3', price: '33.333333' }, { quantity: '1', price: '10' }]);
    const partial = await http('POST', `invoices/${invoice.id}/credit`, { lines: [{ lineNo: 1, quantity: '1' }], creditDate: '2024-12-10' }, { 'if-match': '"1"' });
    expect(partial.status).toBe(201);
    expect(partial.body).toMatchObject({ kind: 'credit-note', creditedInvoiceId: invoice.id, totals: { net: '-33.33', tax: '-7.33', gross: '-40.66' } });
    const tooMuch = await http('POST', `invoices/${invoice.id}/credit`, { lines: [{ lineNo: 1, quantity: '2.5' }] }, { 'if-match': '"2"' });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.detail).toMatch(/has 2 left to credit; 2.5 is more than was invoiced/);
    const rest = await http('POST', `invoices/${invoice.id}/credit`, {}, { 'if-match': '"2"' });
    expect(rest.status).toBe(201);
    // Together the two credit notes take back exactly the invoice: 100.00 (3 × 33.333333) + 10.00 net, 22.00 + 2.20 tax.
    expect(rest.body.totals).toEqual({ net: '-76.67', tax: '-16.87', gross: '-93.54' });
    expect((await http('POST', `invoices/${invoice.id}/credit`, {}, { 'if-match': '"3"' })).status).toBe(422);
  });

  it('moves the invoice ETag with every credit note: a second credit with the stale ETag is 412 and credits nothing, with the fresh one it passes', async () => {
    const invoice = await proposeAndPost('SO-ETAG', [{ quantity: '2', price: '10' }]);
    expect((await http('GET', `invoices/${invoice.id}`)).headers.get('etag')).toBe('"1"');
    const first = await http('POST', `invoices/${invoice.id}/credit`, { lines: [{ lineNo: 1, quantity: '1' }] }, { 'if-match': '"1"' });
    expect(first.status).toBe(201);
    // The answer is the credit note: its own ETag and Location, not the credited invoice's.
    expect([first.headers.get('etag'), first.headers.get('location')]).toEqual(['"1"', `/api/v1/invoices/${first.body.id}`]);
    const afterFirst = await http('GET', `invoices/${invoice.id}`);
    expect(afterFirst.headers.get('etag')).toBe('"2"');
    const documents = await count('SELECT 1 FROM invoices');
    const stale = await http('POST', `invoices/${invoice.id}/credit`, {}, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(await count('SELECT 1 FROM invoices')).toBe(documents);
    expect((await http('GET', `invoices/${invoice.id}`)).body.lines[0].creditedQuantity).toBe('1');
    const fresh = await http('POST', `invoices/${invoice.id}/credit`, {}, { 'if-match': afterFirst.headers.get('etag') as string });
    expect(fresh.status).toBe(201);
    expect(fresh.body.totals).toEqual({ net: '-10.00', tax: '-2.20', gross: '-12.20' });
    const credited = await http('GET', `invoices/${invoice.id}`);
    expect([credited.headers.get('etag'), credited.body.lines[0].creditedQuantity]).toEqual(['"3"', '2']);
  });

  it('shows a customer-portal caller its own invoices only; another customer\'s invoice answers 404', async () => {
    const invoice = await proposeAndPost('SO-PORTAL', [{ quantity: '1', price: '1' }]);
    const own = await authHeaders('customer', { customerAccount: 'C-1' });
    const other = await authHeaders('customer', { customerAccount: 'C-2' });
    expect((await http('GET', `invoices/${invoice.id}`, undefined, own)).status).toBe(200);
    expect((await http('GET', `invoices/${invoice.id}`, undefined, other)).status).toBe(404);
    expect((await http('GET', 'invoices', undefined, other)).body.items).toEqual([]);
    expect((await http('POST', `invoices/${invoice.id}/credit`, {}, { ...own, 'if-match': '"1"' })).status).toBe(403);
  });

  it("answers 404 for another company's invoice proposal and invoice, as if they did not exist", async () => {
    await postOrder('SO-SCOPE', [{ quantity: '1', price: '10' }]);
    const proposal = (await http('POST', 'invoice-proposals', { serviceOrderId: 'SO-SCOPE', ...range })).body;
    const invoice = (await http('POST', `invoice-proposals/${proposal.id}/post`, { invoiceDate: '2024-12-06' }, { 'if-match': '"1"' })).body;
    const elsewhere = await authHeaders('billing-clerk', { companies: ['USMF'] });
    expect((await http('GET', `invoices/${invoice.id}`, undefined, elsewhere)).status).toBe(404);
    expect((await http('GET', `invoice-proposals/${proposal.id}`, undefined, elsewhere)).status).toBe(404);
    expect((await http('POST', `invoices/${invoice.id}/credit`, {}, { ...elsewhere, 'if-match': '"1"' })).status).toBe(404);
  });
});
