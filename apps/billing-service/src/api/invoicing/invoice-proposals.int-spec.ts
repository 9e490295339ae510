import { FeeTransactionsCreatedV1 } from '@assistenza/contracts';
import { waitFor } from '@assistenza/testing';
import { envelopeOf, seededBilling } from '../test-fixtures';

type Line = { netAmount: string; source: { projectId: string; document: string; type: string } };

describe('invoice proposals by project, customer, service order and subscription, against the real PostgreSQL and RabbitMQ', () => {
  const billing = seededBilling();
  const { http, count } = billing;
  const december = { from: '2024-12-01', to: '2024-12-31' };
  const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
  const documents = (lines: Line[]) => lines.map((l) => l.source.document);

  async function project(id: string, customer: string, currency = 'USD') {
    await http('POST', 'customers', { account: customer, name: customer, currency });
    expect((await http('POST', 'projects', { id, name: id, customerAccount: customer, type: 'time-and-material', currency, taxGroup: 'STD' })).status).toBe(201);
  }

  /** Posts a service order of a project and customer through the bus and waits for its transactions. */
  const postOrder = (orderId: string, projectId: string, customer: string, lines: Parameters<typeof billing.postOrder>[1], over: { postingDate?: string; currency?: string } = {}) =>
    billing.postOrder(orderId, lines, { projectId, customer, ...over });

  it('proposes for a customer across several of its projects in one currency: no single project on proposal or invoice, each line naming its own', async () => {
    await project('PRJ-M1', 'C-M');
    await project('PRJ-M2', 'C-M');
    await project('PRJ-O', 'C-O');
    await postOrder('SO-M1', 'PRJ-M1', 'C-M', [{ quantity: '1', price: '100' }]);
    await postOrder('SO-M2', 'PRJ-M2', 'C-M', [{ quantity: '2', price: '25.5' }]);
    await postOrder('SO-O', 'PRJ-O', 'C-O', [{ quantity: '1', price: '1' }]);
    const proposal = await http('POST', 'invoice-proposals', { customerAccount: 'C-M', ...december });
    expect(proposal.status).toBe(201);
    expect(proposal.body).toMatchObject({ customerAccount: 'C-M', projectId: null, currency: 'USD', totals: { net: '151.00', tax: '33.22', gross: '184.22' } });
    expect(proposal.body.lines.map((l: Line) => [l.source.projectId, l.netAmount])).toEqual([['PRJ-M1', '100.00'], ['PRJ-M2', '51.00']]);
    const invoice = await http('POST', `invoice-proposals/${proposal.body.id}/post`, { invoiceDate: '2024-12-31' }, ifMatch(1));
    expect(invoice.body).toMatchObject({ customerAccount: 'C-M', projectId: null });
    expect(invoice.body.lines.map((l: Line) => l.source.projectId)).toEqual(['PRJ-M1', 'PRJ-M2']);
    expect(await count(`SELECT 1 FROM project_transactions WHERE source_document = 'SO-O' AND proposal_id IS NULL`)).toBe(1);
  });

  it('refuses a customer proposal over projects in two currencies with 422; one project at a time is proposed', async () => {
    await project('PRJ-U', 'C-CUR');
    await project('PRJ-E', 'C-CUR', 'EUR');
    await postOrder('SO-U', 'PRJ-U', 'C-CUR', [{ quantity: '1', price: '1' }]);
    await postOrder('SO-E', 'PRJ-E', 'C-CUR', [{ quantity: '1', price: '1' }], { currency: 'EUR' });
    const mixed = await http('POST', 'invoice-proposals', { customerAccount: 'C-CUR', ...december });
    expect(mixed.status).toBe(422);
    expect(mixed.body.detail).toMatch(/several currencies \(EUR, USD\)/);
    expect((await http('POST', 'invoice-proposals', { projectId: 'PRJ-E', ...december })).body).toMatchObject({ currency: 'EUR', projectId: 'PRJ-E' });
  });

  it('proposes for a project only its transactions inside the date range, leaving the others for a later proposal', async () => {
    await project('PRJ-R', 'C-R');
    await postOrder('SO-NOV', 'PRJ-R', 'C-R', [{ quantity: '1', price: '10' }], { postingDate: '2024-11-20' });
    await postOrder('SO-DEC', 'PRJ-R', 'C-R', [{ quantity: '1', price: '20' }, { type: 'expense', quantity: '1', price: '5' }]);
    expect(documents((await http('POST', 'invoice-proposals', { projectId: 'PRJ-R', ...december })).body.lines)).toEqual(['SO-DEC', 'SO-DEC']);
    expect(documents((await http('POST', 'invoice-proposals', { projectId: 'PRJ-R', from: '2024-11-01', to: '2024-12-31' })).body.lines)).toEqual(['SO-NOV']);
    expect((await http('POST', 'invoice-proposals', { projectId: 'PRJ-R', ...december })).status).toBe(422);
  });

  it("proposes one service order or one subscription only, not the project's other orders or subscriptions", async () => {
    await project('PRJ-S', 'C-S');
    await postOrder('SO-S1', 'PRJ-S', 'C-S', [{ quantity: '1', price: '1' }]);
    await postOrder('SO-S2', 'PRJ-S', 'C-S', [{ quantity: '1', price: '2' }]);
    const fee = (subscriptionId: string, amount: string) => ({
      ...FeeTransactionsCreatedV1.example,
      subscriptionId,
      projectId: 'PRJ-S',
      customerAccount: 'C-S',
      lines: [{ feeTransactionId: `FEE-${subscriptionId}-12`, periodFrom: '2024-12-01', periodTo: '2024-12-31', amount, categoryId: 'SUBFEE', description: 'December fee' }],
    });
    for (const [sub, amount] of [['SUB-A', '200.00'], ['SUB-B', '300.00']]) {
      await billing.publish(FeeTransactionsCreatedV1, envelopeOf(FeeTransactionsCreatedV1, fee(sub, amount)));
    }
    await waitFor(async () => (await count(`SELECT 1 FROM project_transactions WHERE project_id = 'PRJ-S' AND source_type = 'subscription-fee'`)) === 2, { what: 'fees' });
    const order = (await http('POST', 'invoice-proposals', { serviceOrderId: 'SO-S2', ...december })).body;
    expect(order.lines.map((l: Line) => [l.source.type, l.source.document, l.netAmount])).toEqual([['service-order-line', 'SO-S2', '2.00']]);
    const subscription = (await http('POST', 'invoice-proposals', { subscriptionId: 'SUB-A', ...december })).body;
    expect(subscription.lines.map((l: Line) => [l.source.type, l.source.document, l.netAmount])).toEqual([['subscription-fee', 'SUB-A', '200.00']]);
    expect(documents((await http('POST', 'invoice-proposals', { projectId: 'PRJ-S', ...december })).body.lines).sort()).toEqual(['SO-S1', 'SUB-B']);
  });

  it('rejects a proposal that names two selections, or none, with 400', async () => {
    expect((await http('POST', 'invoice-proposals', { projectId: 'PRJ-S', customerAccount: 'C-S', ...december })).status).toBe(400);
    expect((await http('POST', 'invoice-proposals', { ...december })).status).toBe(400);
  });

  it('excludes and includes a line again with If-Match, the totals following each time, a stale ETag being 412', async () => {
    await project('PRJ-X', 'C-X');
    await postOrder('SO-X', 'PRJ-X', 'C-X', [{ quantity: '1', price: '10' }, { quantity: '1', price: '20' }]);
    const proposal = (await http('POST', 'invoice-proposals', { serviceOrderId: 'SO-X', ...december })).body;
    const excluded = await http('PATCH', `invoice-proposals/${proposal.id}/lines`, { lines: [{ lineNo: 1, included: false }] }, ifMatch(1));
    expect(excluded.body.totals).toEqual({ net: '20.00', tax: '4.40', gross: '24.40' });
    expect((await http('PATCH', `invoice-proposals/${proposal.id}/lines`, { lines: [{ lineNo: 1, included: true }] }, ifMatch(1))).status).toBe(412);
    const included = await http('PATCH', `invoice-proposals/${proposal.id}/lines`, { lines: [{ lineNo: 1, included: true }] }, ifMatch(2));
    expect(included.headers.get('etag')).toBe('"3"');
    expect(included.body.totals).toEqual({ net: '30.00', tax: '6.60', gross: '36.60' });
    expect(included.body.lines.map((l: { included: boolean }) => l.included)).toEqual([true, true]);
  });

  it('deletes an open proposal with If-Match so its transactions can be proposed again; a stale ETag is 412 and a posted proposal stays', async () => {
    await project('PRJ-D', 'C-D');
    await postOrder('SO-D', 'PRJ-D', 'C-D', [{ quantity: '1', price: '7' }]);
    const first = (await http('POST', 'invoice-proposals', { projectId: 'PRJ-D', ...december })).body;
    await http('PATCH', `invoice-proposals/${first.id}/lines`, { lines: [{ lineNo: 1, included: true }] }, ifMatch(1));
    expect((await http('DELETE', `invoice-proposals/${first.id}`, undefined, ifMatch(1))).status).toBe(412);
    expect((await http('DELETE', `invoice-proposals/${first.id}`, undefined, ifMatch(2))).status).toBe(204);
    expect((await http('GET', `invoice-proposals/${first.id}`)).status).toBe(404);
    expect(await count(`SELECT 1 FROM invoice_proposal_lines WHERE proposal_id = '${first.id}'`)).toBe(0);
    const again = (await http('POST', 'invoice-proposals', { projectId: 'PRJ-D', ...december })).body;
    expect(documents(again.lines)).toEqual(['SO-D']);
    await http('POST', `invoice-proposals/${again.id}/post`, {}, ifMatch(1));
    const posted = await http('DELETE', `invoice-proposals/${again.id}`, undefined, ifMatch(2));
    expect(posted.status).toBe(422);
    expect((await http('GET', `invoice-proposals/${again.id}`)).body).toMatchObject({ status: 'posted' });
  });

  it('lists proposals with two queries per page whatever the page size, each with the lines reading it alone shows', async () => {
    const manager = billing.svc.db.manager;
    const spy = jest.spyOn(manager, 'query');
    const proposalQueries = async (path: string) => {
      spy.mockClear();
      const page = await http('GET', path);
      return { page: page.body, queries: spy.mock.calls.filter(([sql]) => /invoice_proposal/.test(String(sql))).length };
    };
    try {
      const small = await proposalQueries('invoice-proposals?limit=1');
      const large = await proposalQueries('invoice-proposals?limit=200');
      expect(large.page.items.length).toBeGreaterThanOrEqual(8);
      expect([small.queries, large.queries]).toEqual([2, 2]);
      for (const item of large.page.items) expect(item).toEqual((await http('GET', `invoice-proposals/${item.id}`)).body);
    } finally {
      spy.mockRestore();
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await http('GET', `invoice-proposals?limit=3${cursor ? `&cursor=${cursor}` : ''}`)).body;
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await count('SELECT 1 FROM invoice_proposals'));
  });
});
