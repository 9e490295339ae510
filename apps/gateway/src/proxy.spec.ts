process.env['LOG_LEVEL'] = 'silent';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { issueDevToken } from '@assistenza/platform/auth';
import { createGatewayApp } from './bootstrap';
import { loadGatewayConfig } from './gateway-config';
import { startFakeService, unusedUrl, type FakeService } from './testing/fake-services';

describe('gateway routing to the owning service', () => {
  let billing: FakeService;
  let gateway: NestFastifyApplication;
  let base: string;
  let unstableCalls = 0;
  let auth: { authorization: string };

  beforeAll(async () => {
    billing = await startFakeService((app) => {
      app.post('/api/v1/customers', async (request, reply) =>
        reply.status(201).header('etag', '"1"').header('location', '/api/v1/customers/C1').send({ id: 'C1', ...(request.body as object) }),
      );
      app.get('/api/v1/customers/missing', async (_request, reply) =>
        reply.status(404).type('application/problem+json').send({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'no customer missing' }),
      );
      app.get('/api/v1/invoices/unstable', async (_request, reply) => {
        unstableCalls++;
        return reply.status(503).send({ status: 'busy' });
      });
      app.get('/api/v1/invoices/slow', (_request, reply) => {
        const late = setTimeout(() => void reply.send({ late: true }), 2_500);
        reply.raw.on('close', () => clearTimeout(late)); // the gateway gave up and hung up
      });
    });
    const config = loadGatewayConfig();
    config.upstreamTimeoutMs = 300; // undici's header timer ticks every ~0.5 s, so this fires within about 1 s
    config.services = [
      { name: 'billing-service', url: billing.url, prefixes: ['/api/v1/customers', '/api/v1/invoices'] },
      { name: 'subscription-service', url: await unusedUrl(), prefixes: ['/api/v1/subscriptions'] },
    ];
    auth = { authorization: `Bearer ${await issueDevToken(config.auth, { role: 'admin' })}` };
    gateway = await createGatewayApp(config);
    await gateway.listen(0, '127.0.0.1');
    base = await gateway.getUrl();
  });

  afterAll(async () => {
    await gateway?.close();
    await billing?.app.close();
  });

  beforeEach(() => (billing.received.length = 0));

  it('passes a POST through with its status, body, ETag and Location, and forwards the client headers', async () => {
    const response = await fetch(`${base}/api/v1/customers?dryRun=false`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1', 'if-match': '"0"', 'x-company': 'DAT', ...auth },
      body: JSON.stringify({ name: 'Rossi' }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.headers.get('location')).toBe('/api/v1/customers/C1');
    expect(await response.json()).toEqual({ id: 'C1', name: 'Rossi' });
    const [upstream] = billing.received;
    expect(upstream).toMatchObject({ method: 'POST', url: '/api/v1/customers?dryRun=false', body: { name: 'Rossi' } });
    expect(upstream.headers).toMatchObject({ 'idempotency-key': 'k-1', 'if-match': '"0"', 'x-company': 'DAT', authorization: auth.authorization });
  });

  it('gives the upstream request a correlation id when the client sent none, and echoes it', async () => {
    const response = await fetch(`${base}/api/v1/customers`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: '{}' });
    const sent = billing.received[0].headers['x-correlation-id'];
    expect(sent).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-correlation-id')).toBe(sent);
  });

  it('keeps the client correlation id', async () => {
    const response = await fetch(`${base}/api/v1/customers/missing`, { headers: { 'x-correlation-id': 'abc-123', ...auth } });
    expect(billing.received[0].headers['x-correlation-id']).toBe('abc-123');
    expect(response.headers.get('x-correlation-id')).toBe('abc-123');
  });

  it("passes the service's problem+json answers through unchanged", async () => {
    const response = await fetch(`${base}/api/v1/customers/missing`, { headers: auth });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'no customer missing' });
  });

  it("passes an upstream 503 on a GET through once, without retrying", async () => {
    const response = await fetch(`${base}/api/v1/invoices/unstable`, { headers: auth });
    expect(response.status).toBe(503);
    expect(unstableCalls).toBe(1);
  });

  it('answers 404 problem+json for an /api/v1 path no service owns', async () => {
    const response = await fetch(`${base}/api/v1/nobody-owns-this/1`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, instance: '/api/v1/nobody-owns-this/1' });
  });

  it('answers 503 problem+json when the owning service is down', async () => {
    const response = await fetch(`${base}/api/v1/subscriptions`, { headers: { 'x-correlation-id': 'down-1', ...auth } });
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 503, correlationId: 'down-1', detail: expect.stringContaining('subscription-service') });
  });

  it('answers 504 problem+json when the owning service does not answer in time', async () => {
    const response = await fetch(`${base}/api/v1/invoices/slow`, { headers: auth });
    expect(response.status).toBe(504);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a body over 1 MiB with 413 problem+json before it reaches the service', async () => {
    const big = JSON.stringify({ blob: 'x'.repeat(1_100_000) });
    const response = await fetch(`${base}/api/v1/customers`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: big });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(billing.received).toHaveLength(0);
  });
});
