process.env['LOG_LEVEL'] = 'silent';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createGatewayApp } from './bootstrap';
import { loadGatewayConfig } from './gateway-config';
import { openApiDoc, startFakeService, unusedUrl, type FakeService } from './testing/fake-services';

const customer = { type: 'object', properties: { id: { type: 'string' } } };
const agreementCustomer = { type: 'object', properties: { number: { type: 'string' } } };

describe('gateway documentation and health', () => {
  let billing: FakeService;
  let agreement: FakeService;
  let gateway: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    billing = await startFakeService((app) => {
      app.get('/openapi.json', async () =>
        openApiDoc('Billing', { '/api/v1/customers': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Customer' } } } } } } } }, { Customer: customer }),
      );
      app.get('/health/ready', async () => ({ status: 'up' }));
    });
    agreement = await startFakeService((app) => {
      app.get('/openapi.json', async () =>
        openApiDoc('Agreements', { '/api/v1/service-agreements': { get: { responses: { 200: { description: 'ok' } } } }, '/health/ready': { get: { responses: {} } } }, { Customer: agreementCustomer }),
      );
      app.get('/health/ready', async (_request, reply) => reply.status(503).send({ status: 'down' }));
    });
    const config = loadGatewayConfig();
    config.services = [
      { name: 'billing-service', url: billing.url, prefixes: ['/api/v1/customers'] },
      { name: 'agreement-service', url: agreement.url, prefixes: ['/api/v1/service-agreements'] },
      { name: 'subscription-service', url: await unusedUrl(), prefixes: ['/api/v1/subscriptions'] },
    ];
    gateway = await createGatewayApp(config);
    await gateway.listen(0, '127.0.0.1');
    base = await gateway.getUrl();
  });

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([billing?.app.close(), agreement?.app.close()]);
  });

  it('serves one OpenAPI document merged from the running services, naming the unreachable ones', async () => {
    const response = await fetch(`${base}/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { paths: object; components: { schemas: object } };
    expect(Object.keys(doc.paths).sort()).toEqual(['/api/v1/customers', '/api/v1/service-agreements', '/dev/tokens']);
    expect(Object.keys(doc.components.schemas).sort()).toEqual(['Agreement_Customer', 'Billing_Customer']);
    expect(doc).toMatchObject({
      info: { title: 'Assistenza API', 'x-unavailable-services': ['subscription-service'] },
      servers: [{ url: '/' }],
      paths: { '/api/v1/customers': { get: { responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Billing_Customer' } } } } } } } },
    });
  });

  it('serves Swagger UI showing the merged document', async () => {
    const page = await fetch(`${base}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('swagger-ui-init.js');
    const init = await (await fetch(`${base}/docs/swagger-ui-init.js`)).text();
    expect(init).toContain('/api/v1/service-agreements');
    const bundle = await fetch(`${base}/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000); // read it all, or the connection stays busy
  });

  it('serves the AsyncAPI document of the event catalog', async () => {
    const response = await fetch(`${base}/asyncapi.json`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ asyncapi: '3.0.0' });
  });

  it('is live whatever the services do', async () => {
    const response = await fetch(`${base}/health/live`);
    expect(response.status).toBe(200);
  });

  it('is not ready while one service is not, and says which', async () => {
    const response = await fetch(`${base}/health/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'down',
      services: {
        'billing-service': { status: 'up' },
        'agreement-service': { status: 'down', httpStatus: 503 },
        'subscription-service': { status: 'down', error: expect.any(String) },
      },
    });
  });

  it('exposes Prometheus metrics including the request latency histogram', async () => {
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('http_request_duration_seconds');
  });

  it('answers unknown non-API paths with 404 problem+json', async () => {
    const response = await fetch(`${base}/nothing-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
