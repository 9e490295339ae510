import { authHeaders, countRows, http, queryDb, waitFor } from '@assistenza/testing';
import { RunningSystem } from './running-system';

describe('the whole system started as the README starts it (npm start)', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await new RunningSystem().start();
  });

  afterAll(() => system?.stop()); // unset when start failed: it cleaned up itself

  it('has every process ready, each with its own migrated database', async () => {
    for (const config of system.configs.values()) {
      expect((await fetch(`http://127.0.0.1:${config.port}/health/ready`)).status).toBe(200);
      expect(await countRows(config, 'SELECT 1 FROM migrations')).toBeGreaterThan(0);
    }
  });

  it('publishes one merged OpenAPI document, Swagger UI and the AsyncAPI document', async () => {
    const openapi = await http('GET', `${system.gateway}/openapi.json`);
    expect(openapi.body.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/api/v1/customers', '/api/v1/customers/{account}']));
    expect(openapi.body.info['x-unavailable-services'] ?? []).toEqual([]);
    expect((await fetch(`${system.gateway}/docs`)).headers.get('content-type')).toContain('text/html');
    const asyncapi = await http('GET', `${system.gateway}/asyncapi.json`);
    expect(Object.values(asyncapi.body.channels).map((c: any) => c.address)).toContain('billing.customer.upserted.v1');
  });

  it('carries a customer created through the gateway into the agreement service over the bus, with the request correlation id', async () => {
    const correlationId = `system-test-${system.runId}`;
    const created = await http('POST', `${system.gateway}/api/v1/customers`, { account: 'SYS-1', name: 'Fabrikam', currency: 'EUR' }, {
      ...(await authHeaders('integration')),
      'x-correlation-id': correlationId,
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-correlation-id')).toBe(correlationId);

    await waitFor(() => countRows(system.config('agreement-service'), "SELECT 1 FROM customer_replica WHERE account = 'SYS-1' AND company = 'DAT'"), {
      timeoutMs: 15_000,
      what: 'the replica',
    });
    const [event] = await queryDb<{ body: string }>(system.config('billing-service'), "SELECT body FROM outbox WHERE aggregate_id = 'SYS-1'");
    expect(JSON.parse(event.body)).toMatchObject({ correlationId, company: 'DAT', type: 'billing.customer.upserted' });
  });
});
