import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ServiceConfig } from '@assistenza/platform/config';
import { authHeaders, countRows, dropTestDatabase, envFor, exited, freePort, http, newRunId, queryDb, testServiceConfig, TestBroker, waitFor } from '@assistenza/testing';

const SERVICES = ['agreement-service', 'service-order-service', 'subscription-service', 'billing-service', 'reporting-service'];
const ROOT = path.resolve(__dirname, '../../..');

describe('the whole system started as the README starts it (npm start)', () => {
  const runId = newRunId();
  const configs = new Map<string, ServiceConfig>();
  let gateway: string;
  let system: ChildProcess;

  beforeAll(async () => {
    for (const service of SERVICES) configs.set(service, testServiceConfig(service, runId, { port: await freePort() }));
    const gatewayPort = await freePort();
    gateway = `http://127.0.0.1:${gatewayPort}`;
    const env = Object.assign({}, process.env, ...[...configs.values()].map(envFor), { PORT: String(gatewayPort) });
    // Its own process group, so that the test can stop npm start and everything it started.
    system = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], { cwd: ROOT, env, stdio: 'ignore', detached: true });
    await waitFor(async () => (await fetch(`${gateway}/health/ready`)).status === 200, { timeoutMs: 90_000, intervalMs: 250, what: 'the gateway to be ready' });
  });

  afterAll(async () => {
    if (system?.pid) process.kill(-system.pid, 'SIGTERM');
    await exited(system);
    const broker = await TestBroker.connect();
    const agreement = configs.get('agreement-service');
    if (agreement) await broker.removeTopology(agreement.broker, [`${agreement.broker.exchange}.agreement-service`]);
    await broker.close();
    for (const config of configs.values()) await dropTestDatabase(config);
  });

  it('has every process ready, each with its own migrated database', async () => {
    for (const config of configs.values()) {
      expect((await fetch(`http://127.0.0.1:${config.port}/health/ready`)).status).toBe(200);
      expect(await countRows(config, 'SELECT 1 FROM migrations')).toBeGreaterThan(0);
    }
  });

  it('publishes one merged OpenAPI document, Swagger UI and the AsyncAPI document', async () => {
    const openapi = await http('GET', `${gateway}/openapi.json`);
    expect(openapi.body.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/api/v1/customers', '/api/v1/customers/{account}']));
    expect(openapi.body.info['x-unavailable-services'] ?? []).toEqual([]);
    expect((await fetch(`${gateway}/docs`)).headers.get('content-type')).toContain('text/html');
    const asyncapi = await http('GET', `${gateway}/asyncapi.json`);
    expect(Object.values(asyncapi.body.channels).map((c: any) => c.address)).toContain('billing.customer.upserted.v1');
  });

  it('carries a customer created through the gateway into the agreement service over the bus, with the request correlation id', async () => {
    const correlationId = `system-test-${runId}`;
    const created = await http('POST', `${gateway}/api/v1/customers`, { account: 'SYS-1', name: 'Fabrikam', currency: 'EUR' }, {
      ...(await authHeaders('integration')),
      'x-correlation-id': correlationId,
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-correlation-id')).toBe(correlationId);

    const agreement = configs.get('agreement-service') as ServiceConfig;
    await waitFor(() => countRows(agreement, "SELECT 1 FROM customer_replica WHERE account = 'SYS-1' AND company = 'DAT'"), { timeoutMs: 15_000, what: 'the replica' });
    const [event] = await queryDb<{ body: string }>(configs.get('billing-service') as ServiceConfig, "SELECT body FROM outbox WHERE aggregate_id = 'SYS-1'");
    expect(JSON.parse(event.body)).toMatchObject({ correlationId, company: 'DAT', type: 'billing.customer.upserted' });
  });
});
