import { PriceDeletedV1, PriceUpsertedV1, ServiceOrderPostedV1 } from '@assistenza/contracts';
import { authHeaders, waitFor } from '@assistenza/testing';
import { envelopeOf, postedOrder, seededBilling } from '../test-fixtures';

describe('changing and deleting prices and categories, against the real PostgreSQL and RabbitMQ', () => {
  const billing = seededBilling();
  const { http } = billing;
  const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
  /** The price events in the outbox for one line, oldest first, as envelopes. */
  const eventsOf = async (priceId: string) =>
    (await billing.svc.db.query(`SELECT body FROM outbox WHERE aggregate_id = $1 ORDER BY seq`, [priceId])).map((r: { body: string }) => JSON.parse(r.body));
  const addPrice = async (line: Record<string, unknown>) => {
    const res = await http('POST', 'prices', { kind: 'sales', currency: 'USD', validFrom: '2024-01-01', ...line });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('changes the amount and validity of a price with If-Match, answers the new ETag and publishes billing.price.upserted.v1 at that version', async () => {
    const id = await addPrice({ categoryId: 'REPAIR', projectId: 'PRJ-1', amount: '90' });
    const res = await http('PATCH', `prices/${id}`, { amount: '92.50', validTo: '2024-12-31' }, ifMatch(1));
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    expect(res.body).toMatchObject({ id, amount: '92.5', validFrom: '2024-01-01', validTo: '2024-12-31', projectId: 'PRJ-1', version: 2 });
    const events = await eventsOf(id);
    expect(events.map((e: { type: string; aggregateVersion: number; payload: { amount: string } }) => [e.type, e.aggregateVersion, e.payload.amount])).toEqual([
      [PriceUpsertedV1.type, 1, '90'],
      [PriceUpsertedV1.type, 2, '92.5'],
    ]);
    // validTo null makes the line open-ended again.
    expect((await http('PATCH', `prices/${id}`, { validTo: null }, ifMatch(2))).body).toMatchObject({ validTo: null, amount: '92.5', version: 3 });
  });

  it('answers 428 to a price change without If-Match and 412 to a stale one, and changes nothing', async () => {
    const id = await addPrice({ categoryId: 'REPAIR', worker: 'W-428', amount: '70' });
    expect((await http('PATCH', `prices/${id}`, { amount: '71' })).status).toBe(428);
    expect((await http('PATCH', `prices/${id}`, { amount: '72' }, ifMatch(1))).status).toBe(200);
    const stale = await http('PATCH', `prices/${id}`, { amount: '73' }, ifMatch(1));
    expect(stale.status).toBe(412);
    expect((await http('GET', `prices/${id}`)).body).toMatchObject({ amount: '72', version: 2 });
    expect(await eventsOf(id)).toHaveLength(2);
  });

  it('refuses a price change whose validity would overlap another line of the same key with 409, and leaves both lines as they were', async () => {
    const line = { kind: 'cost', categoryId: 'PARTS', projectId: 'PRJ-1', amount: '40' };
    const first = await addPrice({ ...line, validTo: '2024-06-30' });
    const second = await addPrice({ ...line, validFrom: '2024-07-01', amount: '41' });
    const clash = await http('PATCH', `prices/${first}`, { validTo: '2024-07-01' }, ifMatch(1));
    expect(clash.status).toBe(409);
    expect(clash.body.detail).toMatch(/already valid from 2024-07-01 to open end/);
    expect((await http('GET', `prices/${first}`)).body).toMatchObject({ validTo: '2024-06-30', version: 1 });
    expect((await http('GET', `prices/${second}`)).body).toMatchObject({ validFrom: '2024-07-01', version: 1 });
    expect(await eventsOf(first)).toHaveLength(1);
    // Its own validity never clashes with itself: changing only the amount passes.
    expect((await http('PATCH', `prices/${first}`, { amount: '39.90' }, ifMatch(1))).status).toBe(200);
  });

  it('refuses a change of the key of a price line (category, project, kind) with 400 naming the fields', async () => {
    const id = await addPrice({ categoryId: 'TRAVEL', amount: '1' });
    const res = await http('PATCH', `prices/${id}`, { categoryId: 'PARTS', projectId: 'PRJ-1', kind: 'cost' }, ifMatch(1));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['categoryId', 'kind', 'projectId']);
  });

  it('deletes a price with If-Match and publishes billing.price.deleted.v1 one version past the line; the next most specific line applies', async () => {
    await addPrice({ categoryId: 'FEE', amount: '80' });
    const specific = await addPrice({ categoryId: 'FEE', projectId: 'PRJ-1', amount: '90' });
    const resolve = () => http('GET', 'prices/resolve?kind=sales&categoryId=FEE&currency=USD&date=2024-06-01&projectId=PRJ-1');
    expect((await resolve()).body.amount).toBe('90');
    expect((await http('DELETE', `prices/${specific}`)).status).toBe(428);
    await http('PATCH', `prices/${specific}`, { amount: '91' }, ifMatch(1));
    expect((await http('DELETE', `prices/${specific}`, undefined, ifMatch(1))).status).toBe(412);
    expect((await http('DELETE', `prices/${specific}`, undefined, ifMatch(2))).status).toBe(204);
    expect((await http('GET', `prices/${specific}`)).status).toBe(404);
    expect((await resolve()).body.amount).toBe('80');
    const deleted = (await eventsOf(specific)).at(-1);
    expect(deleted).toMatchObject({ type: PriceDeletedV1.type, aggregateVersion: 3, payload: { priceId: specific, kind: 'sales', projectId: 'PRJ-1', worker: null, categoryId: 'FEE', currency: 'USD' } });
    expect((await http('DELETE', `prices/${specific}`, undefined, ifMatch(2))).status).toBe(404);
  });

  it('renames a category and moves it to another transaction type while no project transaction uses it', async () => {
    expect((await http('POST', 'categories', { id: 'MISC', name: 'Misc', transactionType: 'hour' })).status).toBe(201);
    const res = await http('PATCH', 'categories/MISC', { name: 'Sundries', transactionType: 'expense' }, ifMatch(1));
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    expect(res.body).toMatchObject({ id: 'MISC', name: 'Sundries', transactionType: 'expense', version: 2 });
    expect((await http('PATCH', 'categories/MISC', { name: 'Late' }, ifMatch(1))).status).toBe(412);
    expect((await http('PATCH', 'categories/MISC', { name: 'Late' })).status).toBe(428);
  });

  it('refuses a new transaction type for a category that a project transaction uses with 422, and still renames it', async () => {
    await billing.publish(ServiceOrderPostedV1, envelopeOf(ServiceOrderPostedV1, postedOrder('SO-CAT', 'PRJ-1', [{ quantity: '1', price: '10' }])));
    await waitFor(async () => (await billing.svc.db.query(`SELECT 1 FROM project_transactions WHERE source_document = 'SO-CAT'`)).length === 1, { what: 'the REPAIR transaction' });
    const res = await http('PATCH', 'categories/REPAIR', { name: 'Repairs', transactionType: 'expense' }, ifMatch(1));
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/Category REPAIR is used by project transactions of type hour; its transaction type can no longer change/);
    expect((await http('GET', 'categories/REPAIR')).body).toMatchObject({ name: 'Category REPAIR', transactionType: 'hour', version: 1 });
    expect((await http('PATCH', 'categories/REPAIR', { name: 'Repairs', transactionType: 'hour' }, ifMatch(1))).body).toMatchObject({ name: 'Repairs', version: 2 });
  });

  it("answers 403 to a technician changing a price or category, and 404 for another company's price", async () => {
    const id = await addPrice({ categoryId: 'TRAVEL', worker: 'W-403', amount: '5' });
    const technician = await authHeaders('technician', { companies: ['DAT'] });
    expect((await http('PATCH', `prices/${id}`, { amount: '6' }, { ...technician, ...ifMatch(1) })).status).toBe(403);
    expect((await http('DELETE', `prices/${id}`, undefined, { ...technician, ...ifMatch(1) })).status).toBe(403);
    expect((await http('PATCH', 'categories/TRAVEL', { name: 'x' }, { ...technician, ...ifMatch(1) })).status).toBe(403);
    const usmf = await authHeaders('billing-clerk', { companies: ['USMF'] });
    expect((await http('PATCH', `prices/${id}`, { amount: '6' }, { ...usmf, ...ifMatch(1) })).status).toBe(404);
    expect((await http('DELETE', `prices/${id}`, undefined, { ...usmf, ...ifMatch(1) })).status).toBe(404);
    expect((await http('GET', `prices/${id}`)).body).toMatchObject({ amount: '5', version: 1 });
  });
});
