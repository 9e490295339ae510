import { PENDING_BATCH, PENDING_BATCH_PLAN, OutboxRelay } from '@assistenza/platform/messaging';
import { TestBroker } from '../broker';
import { dropTestDatabase, startService, type RunningService } from '../service-harness';
import { newRunId, testServiceConfig } from '../test-config';
import { waitFor } from '../wait-for';
import { createProbeApp } from './probe.module';

const BACKLOG = 5_000;

describe('outbox relay under a backlog, against the real PostgreSQL and RabbitMQ', () => {
  let svc: RunningService;
  const config = testServiceConfig('bus-backlog', newRunId(), { outboxRelay: false });
  const pending = async () => Number((await svc.db.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL'))[0].n);

  beforeAll(async () => {
    svc = await startService(createProbeApp, config);
    // A backlog written faster than statistics follow (as after a broker outage): never analyzed.
    await svc.db.query(
      `INSERT INTO outbox (event_id, routing_key, aggregate_type, aggregate_id, correlation_id, body)
       SELECT gen_random_uuid(), 'bench.unrouted.v1', 'customer', 'C-' || i, 'backlog', repeat('x', 600) FROM generate_series(1, $1) AS i`,
      [BACKLOG],
    );
  });

  afterAll(async () => {
    await svc.close();
    const broker = await TestBroker.connect();
    await broker.removeTopology(config.broker, [`${config.broker.exchange}.bus-backlog`]);
    await broker.close();
    await dropTestDatabase(config);
  });

  it('reads each batch from the pending index in order instead of sorting the whole backlog', async () => {
    const runner = svc.db.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query(PENDING_BATCH_PLAN);
      const [{ 'QUERY PLAN': plan }] = await runner.query(`EXPLAIN (FORMAT JSON) ${PENDING_BATCH}`, [500]);
      const nodeTypes = JSON.stringify(plan).match(/"Node Type":"[^"]+"/g) ?? [];
      expect(nodeTypes).toContain('"Node Type":"Index Scan"');
      expect(nodeTypes).not.toContain('"Node Type":"Sort"');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('publishes the whole backlog once the relay runs', async () => {
    svc.app.get(OutboxRelay).start();
    await waitFor(async () => (await pending()) === 0, { timeoutMs: 60_000, what: 'the backlog published' });
    const [{ once }] = await svc.db.query('SELECT bool_and(attempts = 1) AS once FROM outbox');
    expect(once).toBe(true);
  });
});
