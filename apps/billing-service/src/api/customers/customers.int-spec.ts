import { AmqpEventServer } from '@assistenza/platform/messaging';
import { authHeaders, dropTestDatabase, http as rawHttp, newRunId, startService, testServiceConfig, TestBroker, type RunningService } from '@assistenza/testing';
import { createBillingApp } from '../../bootstrap';

describe('customers over HTTP, against the real PostgreSQL and RabbitMQ', () => {
  let svc: RunningService;
  const url = (path = '') => `${svc.url}/api/v1/customers${path}`;
  const customer = (account: string) => ({ account, name: `Customer ${account}`, currency: 'USD' });
  const count = async (account: string) => Number((await svc.db.query('SELECT count(*)::int AS n FROM customers WHERE account = $1', [account]))[0].n);

  let clerk: Record<string, string>;
  /** Calls as a billing clerk of companies DAT, USMF and PAGE unless the headers say otherwise. */
  const http = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => rawHttp(method, url, body, { ...clerk, ...headers });

  beforeAll(async () => {
    svc = await startService(createBillingApp, testServiceConfig('billing-service', newRunId()));
    clerk = await authHeaders('billing-clerk', { companies: ['DAT', 'USMF', 'PAGE'] });
  });

  afterAll(async () => {
    // Billing consumes events now, so it declared its own queue: remove it too.
    const queue = svc.app.get(AmqpEventServer).queue;
    await svc.close();
    const broker = await TestBroker.connect();
    await broker.removeTopology(svc.config.broker, [queue]);
    await broker.close();
    await dropTestDatabase(svc.config);
  });

  it('creates a customer and answers 201 with its ETag and Location', async () => {
    const res = await http('POST', url(), customer('C-1'));
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('location')).toBe('/api/v1/customers/C-1');
    expect((await http('GET', url('/C-1'))).body).toMatchObject({ account: 'C-1', version: 1, company: 'DAT' });
  });

  it('rejects an unknown field with 400 problem+json naming it, and creates nothing', async () => {
    const res = await http('POST', url(), { ...customer('C-MASS'), version: 7, company: 'OTHER' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['company', 'version']);
    expect(await count('C-MASS')).toBe(0);
  });

  it('rejects a malformed currency with 400 naming the field', async () => {
    const res = await http('POST', url(), { ...customer('C-CUR'), currency: 'dollars' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'currency' })]);
  });

  it('answers 409 for an account that already exists', async () => {
    await http('POST', url(), customer('C-DUP'));
    expect((await http('POST', url(), customer('C-DUP'))).status).toBe(409);
  });

  it('answers 404 problem+json for an account of another company', async () => {
    await http('POST', url(), customer('C-SCOPED'), { 'x-company': 'USMF' });
    const res = await http('GET', url('/C-SCOPED'), undefined, { 'x-company': 'DAT' });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('creates one customer from 20 concurrent POSTs with the same Idempotency-Key and replays the same answer to all', async () => {
    const headers = { 'idempotency-key': 'key-20-concurrent' };
    const answers = await Promise.all(Array.from({ length: 20 }, () => http('POST', url(), customer('C-IDEM'), headers)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers.every((a) => a.headers.get('etag') === '"1"')).toBe(true);
    expect(await count('C-IDEM')).toBe(1);
    const [{ n }] = await svc.db.query(`SELECT count(*)::int AS n FROM outbox WHERE aggregate_id = 'C-IDEM'`);
    expect(n).toBe(1);
  });

  it('answers 422 when an Idempotency-Key is reused with another body', async () => {
    const headers = { 'idempotency-key': 'key-reused' };
    expect((await http('POST', url(), customer('C-K1'), headers)).status).toBe(201);
    const res = await http('POST', url(), customer('C-K2'), headers);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    expect(await count('C-K2')).toBe(0);
  });

  it('keeps Idempotency-Keys apart per client: the same key from two clients creates two customers', async () => {
    const key = { 'idempotency-key': 'shared-by-chance' };
    const first = await rawHttp('POST', url(), customer('C-CLIENT-A'), { ...(await authHeaders('integration', { subject: 'erp-a' })), ...key });
    const second = await rawHttp('POST', url(), customer('C-CLIENT-B'), { ...(await authHeaders('integration', { subject: 'erp-b' })), ...key });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.account).toBe('C-CLIENT-B');
  });

  it('lets exactly one of 50 concurrent updates with the same If-Match win; the others get 412', async () => {
    await http('POST', url(), customer('C-RACE'));
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => http('PATCH', url('/C-RACE'), { name: `Writer ${i}` }, { 'if-match': '"1"' })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(49);
    const winner = answers.find((a) => a.status === 200);
    const current = await http('GET', url('/C-RACE'));
    expect(current.body).toMatchObject({ version: 2, name: winner?.body.name });
  });

  it('requires If-Match on updates (428)', async () => {
    await http('POST', url(), customer('C-NOIF'));
    expect((await http('PATCH', url('/C-NOIF'), { name: 'x' })).status).toBe(428);
  });

  it('pages through customers in account order with a cursor, each page at most the limit', async () => {
    for (const a of ['P-1', 'P-2', 'P-3']) await http('POST', url(), customer(a), { 'x-company': 'PAGE' });
    const first = await http('GET', url('?limit=2'), undefined, { 'x-company': 'PAGE' });
    expect(first.body.items.map((c: { account: string }) => c.account)).toEqual(['P-1', 'P-2']);
    const second = await http('GET', url(`?limit=2&cursor=${first.body.nextCursor}`), undefined, { 'x-company': 'PAGE' });
    expect(second.body).toMatchObject({ items: [expect.objectContaining({ account: 'P-3' })], nextCursor: null });
    expect((await http('GET', url('?limit=500'))).status).toBe(400);
  });

  it('answers 401 problem+json without a token, with a bad signature, or with an expired token', async () => {
    const token = (await authHeaders('billing-clerk')).authorization;
    const forged = `${token.slice(0, -4)}AAAA`;
    const expired = (await authHeaders('billing-clerk', { expiresIn: -60 })).authorization;
    for (const authorization of ['', forged, expired]) {
      const res = await rawHttp('GET', url(), undefined, authorization ? { authorization } : {});
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('answers 403 to a role the route does not allow, and changes nothing', async () => {
    const res = await rawHttp('POST', url(), customer('C-TECH'), await authHeaders('technician'));
    expect(res.status).toBe(403);
    expect(await count('C-TECH')).toBe(0);
  });

  it('answers 403 when X-Company names a company the token does not allow', async () => {
    const res = await rawHttp('GET', url(), undefined, { ...(await authHeaders('billing-clerk', { companies: ['DAT'] })), 'x-company': 'USMF' });
    expect(res.status).toBe(403);
  });

  it('shows a customer-portal caller its own account only; another account answers 404', async () => {
    await http('POST', url(), customer('C-OWN'));
    await http('POST', url(), customer('C-OTHER'));
    const portal = await authHeaders('customer', { customerAccount: 'C-OWN' });
    expect((await rawHttp('GET', url('/C-OWN'), undefined, portal)).status).toBe(200);
    expect((await rawHttp('GET', url('/C-OTHER'), undefined, portal)).status).toBe(404);
    const list = await rawHttp('GET', url(), undefined, portal);
    expect(list.body.items.map((c: { account: string }) => c.account)).toEqual(['C-OWN']);
  });
});
