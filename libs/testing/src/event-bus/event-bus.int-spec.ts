import { randomUUID } from 'node:crypto';
import { CustomerUpsertedV1, type EventEnvelope } from '@assistenza/contracts';
import { AmqpEventServer, OutboxWriter } from '@assistenza/platform/messaging';
import { requestContext } from '@assistenza/platform/observability';
import { UnitOfWork } from '@assistenza/platform/persistence';
import { TestBroker } from '../broker';
import { dropTestDatabase, startService, type RunningService } from '../service-harness';
import { newRunId, testServiceConfig } from '../test-config';
import { waitFor } from '../wait-for';
import { createProbeApp } from './probe.module';

const ctx = { correlationId: 'corr-1', causationId: null, company: 'DAT', actor: 'test', roles: [], customerAccount: null };

function envelope(overrides: Partial<EventEnvelope> = {}, payload: object = {}): EventEnvelope {
  return {
    eventId: randomUUID(),
    type: CustomerUpsertedV1.type,
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateType: 'customer',
    aggregateId: 'US-001',
    aggregateVersion: 1,
    correlationId: 'corr-raw',
    causationId: null,
    company: 'DAT',
    actor: 'test',
    payload: { ...CustomerUpsertedV1.example, ...payload },
    ...overrides,
  };
}

describe('event bus: outbox → RabbitMQ → inbox, against the real PostgreSQL and RabbitMQ', () => {
  let svc: RunningService;
  let broker: TestBroker;
  let queue: string;

  const received = async (account: string) =>
    Number((await svc.db.query('SELECT count(*)::int AS n FROM probe_received WHERE account = $1', [account]))[0].n);
  const inboxRows = async (eventId: string) => Number((await svc.db.query('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [eventId]))[0].n);

  async function emit(account: string, name = 'Contoso', fail = false) {
    const uow = svc.app.get(UnitOfWork);
    const outbox = svc.app.get(OutboxWriter);
    return requestContext.run(ctx, () =>
      uow.transaction(async () => {
        const event = await outbox.append(CustomerUpsertedV1, { aggregateId: account, aggregateVersion: 1, payload: { ...CustomerUpsertedV1.example, account, name } });
        if (fail) throw new Error('business change failed after the event was written');
        return event;
      }),
    );
  }

  beforeAll(async () => {
    svc = await startService(createProbeApp, testServiceConfig('bus-probe', newRunId()));
    queue = svc.app.get(AmqpEventServer).queue;
    broker = await TestBroker.connect();
  });

  afterAll(async () => {
    await svc.close();
    await broker.removeTopology(svc.config.broker, [queue]);
    await broker.close();
    await dropTestDatabase(svc.config);
  });

  it('delivers an event committed with the change, carrying the correlation id of the work that caused it', async () => {
    const event = await emit('A-1');
    await waitFor(() => received('A-1'), { what: 'the event to be handled' });
    const [row] = await svc.db.query('SELECT published_at, body FROM outbox WHERE event_id = $1', [event.eventId]);
    expect(row.published_at).not.toBeNull();
    expect(JSON.parse(row.body)).toMatchObject({ correlationId: 'corr-1', company: 'DAT', type: 'billing.customer.upserted', version: 1 });
  });

  it('writes many events with one call, all or none, and delivers each of them', async () => {
    const uow = svc.app.get(UnitOfWork);
    const outbox = svc.app.get(OutboxWriter);
    const events = ['BULK-1', 'BULK-2', 'BULK-3'].map((account) => ({ aggregateId: account, aggregateVersion: 1, payload: { ...CustomerUpsertedV1.example, account } }));
    const written = await requestContext.run(ctx, () => uow.transaction(() => outbox.appendMany(CustomerUpsertedV1, events)));
    expect(new Set(written.map((e) => e.eventId)).size).toBe(3);
    await waitFor(async () => (await received('BULK-1')) + (await received('BULK-2')) + (await received('BULK-3')) === 3, { what: 'the bulk events' });
    const invalid = [...events, { aggregateId: 'BULK-BAD', aggregateVersion: 1, payload: { ...CustomerUpsertedV1.example, currency: 'euro' } }];
    await expect(requestContext.run(ctx, () => uow.transaction(() => outbox.appendMany(CustomerUpsertedV1, invalid)))).rejects.toThrow(/currency/);
  });

  it('publishes nothing when the transaction that wrote the event rolls back', async () => {
    await expect(emit('A-ROLLBACK', 'Contoso', true)).rejects.toThrow('business change failed');
    const [{ n }] = await svc.db.query(`SELECT count(*)::int AS n FROM outbox WHERE aggregate_id = 'A-ROLLBACK'`);
    expect(n).toBe(0);
  });

  it('refuses to write an event whose payload breaks its contract', async () => {
    const uow = svc.app.get(UnitOfWork);
    const outbox = svc.app.get(OutboxWriter);
    const bad = { ...CustomerUpsertedV1.example, currency: 'dollars' };
    await expect(
      requestContext.run(ctx, () => uow.transaction(() => outbox.append(CustomerUpsertedV1, { aggregateId: 'X', aggregateVersion: 1, payload: bad }))),
    ).rejects.toThrow(/payload\/currency/);
  });

  it('handles the same event delivered 1,000 times exactly once', async () => {
    const duplicate = envelope({}, { account: 'DUP-1' });
    await Promise.all(Array.from({ length: 1000 }, () => broker.publish(svc.config.broker.exchange, CustomerUpsertedV1.routingKey, duplicate)));
    await waitFor(async () => (await broker.messageCount(queue)) === 0 && (await received('DUP-1')) === 1, { timeoutMs: 30_000, what: 'the queue to drain' });
    await new Promise((r) => setTimeout(r, 200));
    expect(await received('DUP-1')).toBe(1);
    expect(await inboxRows(duplicate.eventId)).toBe(1);
  });

  it('dead-letters malformed JSON, an unknown type and a schema-invalid payload with their reasons, and handles the valid messages behind them', async () => {
    const exchange = svc.config.broker.exchange;
    const rk = CustomerUpsertedV1.routingKey;
    await broker.publish(exchange, rk, '{"eventId": not json');
    await broker.publish(exchange, rk, envelope({ type: 'billing.customer.teleported' }));
    await broker.publish(exchange, rk, envelope({}, { account: 'BAD-1', currency: 42 }));
    await broker.publish(exchange, rk, { hello: 'no envelope' });
    for (let i = 0; i < 20; i++) await broker.publish(exchange, rk, envelope({}, { account: `OK-${i}` }));

    await waitFor(async () => (await received('OK-19')) === 1, { what: 'the valid messages behind the bad ones' });
    const letters = await waitFor(async () => {
      const count = await broker.messageCount(`${queue}.dlq`);
      return count >= 4 ? broker.drainDeadLetters(`${queue}.dlq`) : null;
    });
    const reasons = letters.map((l) => l.reason).sort();
    expect(reasons).toEqual([
      expect.stringMatching(/^invalid-envelope: /),
      expect.stringMatching(/^malformed-json: /),
      expect.stringMatching(/^schema-invalid: payload\/currency must be string/),
      expect.stringMatching(/^unknown-event-type: billing.customer.teleported v1/),
    ]);
    expect(await received('BAD-1')).toBe(0);
  });

  it('dead-letters an event whose handler keeps failing once the delivery limit is reached, without stalling the others', async () => {
    const poison = envelope({}, { account: 'POISON-1', name: 'poison' });
    await broker.publish(svc.config.broker.exchange, CustomerUpsertedV1.routingKey, poison);
    for (let i = 0; i < 10; i++) await emit(`AFTER-POISON-${i}`);

    await waitFor(async () => (await received('AFTER-POISON-9')) === 1, { what: 'events behind the poison message' });
    const [letter] = await waitFor(async () => ((await broker.messageCount(`${queue}.dlq`)) >= 1 ? broker.drainDeadLetters(`${queue}.dlq`) : null), {
      timeoutMs: 20_000,
      what: 'the poison message in the DLQ',
    });
    expect(letter.reason).toMatch(/^handler-failed after 3 deliveries: poison pill/);
    expect(JSON.parse(letter.body).eventId).toBe(poison.eventId);
    // Each failed attempt rolled back its write together with its inbox record.
    expect(await received('POISON-1')).toBe(0);
    expect(await inboxRows(poison.eventId)).toBe(0);
  });
});
