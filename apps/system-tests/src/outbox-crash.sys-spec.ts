import { authHeaders, countRows, exited, http, metricValue, queryDb, waitFor } from '@assistenza/testing';
import { BillingAndAgreement } from './two-services';

const customer = (account: string) => ({ account, name: `Customer ${account}`, currency: 'EUR' });

describe('a producer killed around the publish of its outbox (kill -9 through failpoints)', () => {
  let system: BillingAndAgreement;
  let integration: Record<string, string>;

  beforeAll(async () => {
    integration = await authHeaders('integration');
    system = await new BillingAndAgreement().init();
    await system.start(system.agreement);
  });

  afterAll(() => system.cleanUp());

  const replicaCount = (account: string) => countRows(system.agreement, 'SELECT 1 FROM customer_replica WHERE account = $1', [account]);
  const outboxRow = async (account: string) =>
    (await queryDb<{ event_id: string; published_at: Date | null }>(system.billing, 'SELECT event_id, published_at FROM outbox WHERE aggregate_id = $1', [account]))[0];

  it('delivers the event after a restart when the process died after its commit and before the publish, and its effect happens once', async () => {
    const billing = await system.start(system.billing, { FAILPOINTS: 'outbox.before-publish' });
    const created = await http('POST', `${system.url(system.billing)}/api/v1/customers`, customer('CRASH-BEFORE'), integration);
    expect(created.status).toBe(201);
    await exited(billing);

    const pending = await outboxRow('CRASH-BEFORE');
    expect(pending.published_at).toBeNull();
    expect(await replicaCount('CRASH-BEFORE')).toBe(0);

    await system.start(system.billing);
    await waitFor(() => replicaCount('CRASH-BEFORE'), { timeoutMs: 20_000, what: 'the replica after restart' });
    expect((await outboxRow('CRASH-BEFORE')).published_at).not.toBeNull();
    expect(await countRows(system.agreement, 'SELECT 1 FROM inbox WHERE event_id = $1', [pending.event_id])).toBe(1);
    await system.stop(system.billing);
  });

  it('publishes again after a crash between the broker confirm and marking the row sent, and the consumer absorbs the duplicate', async () => {
    const billing = await system.start(system.billing, { FAILPOINTS: 'outbox.after-publish' });
    expect((await http('POST', `${system.url(system.billing)}/api/v1/customers`, customer('CRASH-AFTER'), integration)).status).toBe(201);
    await exited(billing);
    await waitFor(() => replicaCount('CRASH-AFTER'), { what: 'the first delivery' });
    expect((await outboxRow('CRASH-AFTER')).published_at).toBeNull();

    await system.start(system.billing);
    const agreementUrl = system.url(system.agreement);
    await waitFor(() => metricValue(agreementUrl, 'events_consumed_total', { outcome: 'duplicate' }), { timeoutMs: 20_000, what: 'the duplicate delivery' });
    expect((await outboxRow('CRASH-AFTER')).published_at).not.toBeNull();
    expect(await replicaCount('CRASH-AFTER')).toBe(1);
    const { event_id } = await outboxRow('CRASH-AFTER');
    expect(await countRows(system.agreement, 'SELECT 1 FROM inbox WHERE event_id = $1', [event_id])).toBe(1);
  });
});
