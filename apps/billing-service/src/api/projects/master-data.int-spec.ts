import { PriceUpsertedV1, ProjectUpsertedV1, SalesCustomerUpsertedV1, ServiceOrderPostedV1 } from '@assistenza/contracts';
import { authHeaders, waitFor } from '@assistenza/testing';
import { envelopeOf, postedOrder, seededBilling } from '../test-fixtures';

describe('billing master data and project transactions, against the real PostgreSQL and RabbitMQ', () => {
  const billing = seededBilling();
  const { http, count, publish } = billing;

  it('creates a project for an existing customer, answers its ETag and publishes billing.project.upserted.v1', async () => {
    const res = await http('GET', 'projects/PRJ-1');
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toMatchObject({ customerAccount: 'C-1', type: 'time-and-material', chargeable: { hour: true, fee: true } });
    const [row] = await billing.svc.db.query(`SELECT body FROM outbox WHERE routing_key = $1 AND aggregate_id = 'PRJ-1'`, [ProjectUpsertedV1.routingKey]);
    expect(JSON.parse(row.body).payload).toMatchObject({ projectId: 'PRJ-1', taxGroup: 'STD' });
  });

  it('rejects a project for a customer that does not exist with 422, and stores nothing', async () => {
    const res = await http('POST', 'projects', { id: 'PRJ-NOCUST', name: 'x', customerAccount: 'NOBODY', type: 'time', currency: 'USD' });
    expect(res.status).toBe(422);
    expect(res.body.errors ?? [{ field: 'customerAccount' }]).toEqual([expect.objectContaining({ field: 'customerAccount' })]);
    expect(await count(`SELECT 1 FROM projects WHERE id = 'PRJ-NOCUST'`)).toBe(0);
  });

  it('changes a line property with If-Match and refuses a stale one with 412', async () => {
    await http('POST', 'projects', { id: 'PRJ-LP', name: 'x', customerAccount: 'C-1', type: 'fixed-price', currency: 'USD' });
    const ok = await http('PATCH', 'projects/PRJ-LP', { chargeable: { expense: false } }, { 'if-match': '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.body.chargeable).toEqual({ hour: true, expense: false, item: true, fee: true });
    expect((await http('PATCH', 'projects/PRJ-LP', { name: 'y' }, { 'if-match': '"1"' })).status).toBe(412);
  });

  it('stores a tax rate as an exact decimal and rejects a rate above 100', async () => {
    expect((await http('POST', 'tax-groups', { id: 'RED', name: 'Reduced', rate: '7.5' })).body).toMatchObject({ rate: '7.5' });
    expect((await http('POST', 'tax-groups', { id: 'BAD', name: 'Bad', rate: '100.01' })).status).toBe(400);
  });

  it('resolves the most specific price: project and worker over project over all projects', async () => {
    const base = { kind: 'sales', categoryId: 'REPAIR', currency: 'USD', validFrom: '2024-01-01' };
    for (const extra of [{ amount: '80' }, { projectId: 'PRJ-1', amount: '90' }, { projectId: 'PRJ-1', worker: 'W-1', amount: '95.50' }]) {
      expect((await http('POST', 'prices', { ...base, ...extra })).status).toBe(201);
    }
    const resolve = (q: string) => http('GET', `prices/resolve?kind=sales&categoryId=REPAIR&currency=USD&date=2024-06-01&${q}`);
    expect((await resolve('projectId=PRJ-1&worker=W-1')).body.amount).toBe('95.5');
    expect((await resolve('projectId=PRJ-1&worker=W-2')).body.amount).toBe('90');
    expect((await resolve('projectId=PRJ-LP')).body.amount).toBe('80');
    expect(await count('SELECT 1 FROM outbox WHERE routing_key = $1', [PriceUpsertedV1.routingKey])).toBe(3);
  });

  it('rejects a price whose validity overlaps a line of the same key with 409, and stores nothing', async () => {
    const line = { kind: 'cost', categoryId: 'REPAIR', currency: 'USD', projectId: 'PRJ-1', amount: '40' };
    expect((await http('POST', 'prices', { ...line, validFrom: '2024-01-01', validTo: '2024-06-30' })).status).toBe(201);
    const clash = await http('POST', 'prices', { ...line, validFrom: '2024-06-30', amount: '41' });
    expect(clash.status).toBe(409);
    expect(clash.body.detail).toMatch(/already valid from 2024-01-01 to 2024-06-30/);
    expect((await http('POST', 'prices', { ...line, validFrom: '2024-07-01', amount: '41' })).status).toBe(201);
    expect(await count(`SELECT 1 FROM prices WHERE kind = 'cost'`)).toBe(2);
  });

  it('applies sales.customer.upserted.v1 from the sales module and ignores an older version arriving late', async () => {
    const customer = { ...SalesCustomerUpsertedV1.example, account: 'S-1', name: 'Version 2' };
    await publish(SalesCustomerUpsertedV1, envelopeOf(SalesCustomerUpsertedV1, customer, { aggregateId: 'S-1', aggregateVersion: 2 }));
    await waitFor(async () => (await http('GET', 'customers/S-1')).status === 200, { what: 'the customer from sales' });
    await publish(SalesCustomerUpsertedV1, envelopeOf(SalesCustomerUpsertedV1, { ...customer, name: 'Version 1' }, { aggregateId: 'S-1', aggregateVersion: 1 }));
    await publish(SalesCustomerUpsertedV1, envelopeOf(SalesCustomerUpsertedV1, { ...customer, name: 'Version 3' }, { aggregateId: 'S-1', aggregateVersion: 3 }));
    await waitFor(async () => (await http('GET', 'customers/S-1')).body.name === 'Version 3', { what: 'version 3' });
    expect(await count(`SELECT 1 FROM inbox`)).toBeGreaterThanOrEqual(3);
    expect((await http('GET', 'customers/S-1')).body.version).toBe(2); // created, then changed once: version 1 was skipped
  });

  it('creates exactly one project transaction per posted line, however often the event is delivered or republished', async () => {
    const payload = postedOrder('SO-DUP', 'PRJ-1', [{ quantity: '1', price: '0.1' }, { quantity: '1', price: '0.2' }]);
    const event = envelopeOf(ServiceOrderPostedV1, payload);
    await Promise.all(Array.from({ length: 20 }, () => publish(ServiceOrderPostedV1, event)));
    // The same lines under a new eventId, as a producer retrying after a crash would send them.
    await publish(ServiceOrderPostedV1, envelopeOf(ServiceOrderPostedV1, payload));
    await waitFor(async () => (await billing.broker.messageCount(billing.queue)) === 0 && (await count(`SELECT 1 FROM inbox`)) >= 5, { what: 'the billing.queue to drain' });
    await new Promise((r) => setTimeout(r, 300));
    expect(await count(`SELECT 1 FROM project_transactions WHERE source_document = 'SO-DUP'`)).toBe(2);
    const [sum] = await billing.svc.db.query(`SELECT sum(quantity * sales_price)::text AS total FROM project_transactions WHERE source_document = 'SO-DUP'`);
    expect(Number(sum.total)).toBe(0.3);
  });

  it('marks transactions chargeable or not by the project line property', async () => {
    await http('POST', 'projects', { id: 'PRJ-NOEXP', name: 'x', customerAccount: 'C-1', type: 'time-and-material', currency: 'USD', chargeable: { expense: false } });
    await publish(ServiceOrderPostedV1, envelopeOf(ServiceOrderPostedV1, postedOrder('SO-LP', 'PRJ-NOEXP', [{ type: 'hour', quantity: '1', price: '10' }, { type: 'expense', quantity: '1', price: '5' }])));
    const rows = await waitFor(async () => {
      const r = await billing.svc.db.query(`SELECT transaction_type, chargeable FROM project_transactions WHERE source_document = 'SO-LP' ORDER BY source_id`);
      return r.length === 2 ? r : null;
    });
    expect(rows).toEqual([{ transaction_type: 'hour', chargeable: true }, { transaction_type: 'expense', chargeable: false }]);
  });

  it('dead-letters a posted order for an unknown project with the reason, and writes none of its lines', async () => {
    const event = envelopeOf(ServiceOrderPostedV1, postedOrder('SO-GHOST', 'PRJ-GHOST', [{ quantity: '1', price: '10' }, { quantity: '2', price: '10' }]));
    await publish(ServiceOrderPostedV1, event);
    const [letter] = await waitFor(async () => ((await billing.broker.messageCount(`${billing.queue}.dlq`)) >= 1 ? billing.broker.drainDeadLetters(`${billing.queue}.dlq`) : null), { timeoutMs: 20_000, what: 'the DLQ' });
    expect(letter.reason).toMatch(/^handler-failed after 3 deliveries: Project PRJ-GHOST does not exist in company DAT/);
    expect(JSON.parse(letter.body).eventId).toBe(event.eventId);
    expect(await count(`SELECT 1 FROM project_transactions WHERE source_document = 'SO-GHOST'`)).toBe(0);
  });

  it('answers 403 to a technician writing master data and 404 for a project of another company', async () => {
    expect((await http('POST', 'categories', { id: 'X', name: 'x', transactionType: 'hour' }, await authHeaders('technician'))).status).toBe(403);
    const usmf = await authHeaders('billing-clerk', { companies: ['USMF'] });
    expect((await http('GET', 'projects/PRJ-1', undefined, usmf)).status).toBe(404);
  });
});
