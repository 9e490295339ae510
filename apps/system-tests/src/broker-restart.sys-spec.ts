import { execFileSync } from 'node:child_process';
import { authHeaders, countRows, http, waitFor } from '@assistenza/testing';
import { BillingAndAgreement } from './two-services';

/** Stops and starts the RabbitMQ application on this machine, as an outage would. */
function rabbit(action: 'stop_app' | 'start_app'): void {
  execFileSync('rabbitmqctl', ['-q', action], { stdio: 'ignore', timeout: 60_000 });
}

describe('RabbitMQ stopped and started while events are being produced', () => {
  let system: BillingAndAgreement;

  beforeAll(async () => {
    system = await new BillingAndAgreement().init();
    await system.start(system.agreement);
    await system.start(system.billing);
  });

  afterAll(async () => {
    rabbit('start_app');
    await system.cleanUp();
  });

  it('loses nothing: writes keep succeeding through the outage, every event arrives afterwards and the consumers come back', async () => {
    const url = `${system.url(system.billing)}/api/v1/customers`;
    const statuses: number[] = [];
    const integration = await authHeaders('integration');
    const post = async (i: number) => statuses.push((await http('POST', url, { account: `OUT-${i}`, name: `Outage ${i}`, currency: 'USD' }, integration)).status);

    for (let i = 0; i < 40; i++) await post(i);
    rabbit('stop_app');
    for (let i = 40; i < 80; i++) await post(i);
    expect((await fetch(`${system.url(system.agreement)}/health/ready`)).status).toBe(503);
    rabbit('start_app');
    for (let i = 80; i < 120; i++) await post(i);

    expect(statuses).toEqual(Array(120).fill(201));
    await waitFor(async () => (await countRows(system.agreement, "SELECT 1 FROM customer_replica WHERE account LIKE 'OUT-%'")) === 120, {
      timeoutMs: 60_000,
      intervalMs: 250,
      what: 'all 120 replicas',
    });
    await waitFor(async () => (await fetch(`${system.url(system.agreement)}/health/ready`)).status === 200, { timeoutMs: 30_000, what: 'agreement ready' });
    await waitFor(async () => (await fetch(`${system.url(system.billing)}/health/ready`)).status === 200, { timeoutMs: 30_000, what: 'billing ready' });
    expect(await countRows(system.billing, 'SELECT 1 FROM outbox WHERE published_at IS NULL')).toBe(0);
  });
});
