/**
 * Event bus benchmark: how fast events go outbox → relay (publisher confirms) → RabbitMQ quorum
 * queue → consumer (inbox claim + handler, one transaction), next to raw amqplib confirmed
 * publishing of the same messages into a queue of the same kind, measured in the same run on the
 * same broker. Prints figures; asserts nothing.
 *   npm run bench:events -- --events 20000 --rate 1000 --seconds 5
 */
import 'reflect-metadata';
import * as amqp from 'amqplib';
import { CustomerUpsertedV1 } from '@assistenza/contracts';
import { assertConsumerQueue, assertExchanges, OutboxRelay, OutboxWriter } from '@assistenza/platform/messaging';
import { requestContext } from '@assistenza/platform/observability';
import { UnitOfWork } from '@assistenza/platform/persistence';
import { dropTestDatabase, newRunId, startService, testServiceConfig, TestBroker, waitFor, type RunningService } from '@assistenza/testing';
import { createProbeApp } from '../libs/testing/src/event-bus/probe.module';
import { cpuPerUnit, readCpu } from './process-cpu';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg('events', 20_000);
const RATE = arg('rate', 1_000);
const SECONDS = arg('seconds', 5);
const ctx = { correlationId: 'bench', causationId: null, company: 'DAT', actor: 'bench', roles: [], customerAccount: null };
const sampleBody = () => Buffer.from(JSON.stringify({ eventId: '00000000-0000-4000-8000-000000000000', type: CustomerUpsertedV1.type, payload: CustomerUpsertedV1.example, pad: 'x'.repeat(300) }));

/** Raw amqplib: persistent messages into a durable quorum queue, confirmed in windows of 1,000. */
async function rawConfirmedPublish(count: number): Promise<{ rate: number; used: string }> {
  const conn = await amqp.connect(process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672');
  const ch = await conn.createConfirmChannel();
  const queue = `bench.raw.${newRunId()}`;
  await ch.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  const body = sampleBody();
  const cpu = readCpu();
  const started = process.hrtime.bigint();
  for (let sent = 0; sent < count; ) {
    const window = Math.min(1_000, count - sent);
    for (let i = 0; i < window; i++) ch.sendToQueue(queue, body, { persistent: true });
    await ch.waitForConfirms();
    sent += window;
  }
  const rate = count / (Number(process.hrtime.bigint() - started) / 1e9);
  const used = cpuPerUnit(cpu, readCpu(), count);
  await ch.deleteQueue(queue);
  await conn.close();
  return { rate, used };
}

/**
 * What RabbitMQ alone allows for the bus's traffic: the same messages (persistent, with the
 * relay's AMQP properties) published with confirms through the bus's topology (topic exchange
 * with an alternate exchange, quorum queue with delivery limit and dead-letter exchange) and
 * consumed with acks by a plain amqplib consumer on its own connection; no database at all.
 */
async function brokerCeiling(count: number): Promise<{ rate: number; used: string }> {
  const url = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
  const broker = testServiceConfig('bench-ceiling', newRunId()).broker;
  const queue = `${broker.exchange}.bench-ceiling`;
  const routingKey = CustomerUpsertedV1.routingKey;
  const [pubConn, subConn] = [await amqp.connect(url, { noDelay: true }), await amqp.connect(url, { noDelay: true })];
  const pub = await pubConn.createConfirmChannel();
  await assertExchanges(pub, broker);
  await assertConsumerQueue(pub, broker, queue, [routingKey]);
  const sub = await subConn.createChannel();
  await sub.prefetch(broker.prefetch);
  let received = 0;
  const allReceived = new Promise<void>((resolve) => {
    void sub.consume(queue, (msg) => {
      if (!msg) return;
      if (++received % 100 === 0 || received === count) sub.ack(msg, true);
      if (received === count) resolve();
    });
  });
  const body = sampleBody();
  const cpu = readCpu();
  const started = process.hrtime.bigint();
  for (let sent = 0; sent < count; ) {
    const window = Math.min(500, count - sent);
    for (let i = 0; i < window; i++) {
      const props = { persistent: true, contentType: 'application/json', messageId: '00000000-0000-4000-8000-000000000000', correlationId: 'bench', type: routingKey, timestamp: Math.floor(Date.now() / 1000) };
      pub.publish(broker.exchange, routingKey, body, props);
    }
    await pub.waitForConfirms();
    sent += window;
  }
  await allReceived;
  const rate = count / (Number(process.hrtime.bigint() - started) / 1e9);
  const used = cpuPerUnit(cpu, readCpu(), count);
  await Promise.all([subConn.close(), pubConn.close()]);
  const admin = await TestBroker.connect();
  await admin.removeTopology(broker, [queue]);
  await admin.close();
  return { rate, used };
}

const append = (svc: RunningService, account: string) =>
  svc.app.get(OutboxWriter).append(CustomerUpsertedV1, { aggregateId: account, aggregateVersion: 1, payload: { ...CustomerUpsertedV1.example, account } });

async function fillOutbox(svc: RunningService, count: number, prefix: string): Promise<void> {
  const uow = svc.app.get(UnitOfWork);
  for (let done = 0; done < count; done += 500) {
    await requestContext.run(ctx, () =>
      uow.transaction(async () => {
        for (let i = done; i < Math.min(done + 500, count); i++) await append(svc, `${prefix}${i}`);
      }),
    );
  }
}

/** Events whose handler transaction committed (the probe's inbox holds nothing else). */
const handled = async (svc: RunningService) => Number((await svc.db.query('SELECT count(*)::int AS n FROM inbox'))[0].n);

/** Fills the outbox while the relay is off, then times relay + broker + consumer draining it. */
async function drainThroughput(svc: RunningService, prefix: string): Promise<{ rate: number; used: string }> {
  await fillOutbox(svc, EVENTS, prefix);
  const before = await handled(svc);
  const cpu = readCpu();
  const started = process.hrtime.bigint();
  svc.app.get(OutboxRelay).start();
  await waitFor(async () => (await handled(svc)) - before === EVENTS, { timeoutMs: 600_000, intervalMs: 20, what: 'all events handled' });
  const rate = EVENTS / (Number(process.hrtime.bigint() - started) / 1e9);
  const used = cpuPerUnit(cpu, readCpu(), EVENTS);
  await svc.app.get(OutboxRelay).stop();
  return { rate, used };
}

/** Commits one event per transaction at a steady rate; latency = commit → the handler's transaction (inbox row). */
async function pacedLatency(svc: RunningService): Promise<number[]> {
  svc.app.get(OutboxRelay).start();
  const uow = svc.app.get(UnitOfWork);
  const committedAt = new Map<string, number>();
  const total = RATE * SECONDS;
  const before = await handled(svc);
  const writes: Promise<void>[] = [];
  const started = Date.now();
  for (let n = 0; n < total; ) {
    for (let i = 0; i < Math.max(1, RATE / 100) && n < total; i++, n++) {
      const account = `L-${n}`;
      writes.push(requestContext.run(ctx, () => uow.transaction(() => append(svc, account))).then((e) => void committedAt.set(e.eventId, Date.now())));
    }
    await new Promise((r) => setTimeout(r, Math.max(0, started + (n / RATE) * 1000 - Date.now())));
  }
  await Promise.all(writes);
  await waitFor(async () => (await handled(svc)) - before === total, { timeoutMs: 120_000, what: 'paced events handled' });
  const rows: Array<{ event_id: string; at: number }> = await svc.db.query(
    'SELECT event_id, extract(epoch FROM received_at)::float8 * 1000 AS at FROM inbox WHERE event_id = ANY($1::uuid[])',
    [[...committedAt.keys()]],
  );
  const [split] = await svc.db.query(
    `SELECT percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM o.published_at - o.created_at) * 1000) AS relay,
            percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM i.received_at - o.published_at) * 1000) AS consume
       FROM outbox o JOIN inbox i ON i.event_id = o.event_id WHERE o.event_id = ANY($1::uuid[])`,
    [[...committedAt.keys()]],
  );
  const ms = (v: number[]) => v.map((x) => `${Number(x).toFixed(1)}`).join(' / ');
  console.log(`  (split, p50 / p99 ms: write → confirmed ${ms(split.relay)}; confirmed → handler ${ms(split.consume)})`);
  return rows.map((r) => Math.max(0, r.at - (committedAt.get(r.event_id) ?? r.at))).sort((a, b) => a - b);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function withProbe<T>(record: boolean, work: (svc: RunningService) => Promise<T>): Promise<T> {
  const config = testServiceConfig('bench-bus', newRunId(), { outboxRelay: false });
  const svc = await startService((c) => createProbeApp(c, { record }), config);
  try {
    return await work(svc);
  } finally {
    await svc.close();
    const broker = await TestBroker.connect();
    await broker.removeTopology(config.broker, [`${config.broker.exchange}.bench-bus`]);
    await broker.close();
    await dropTestDatabase(config);
  }
}

async function main() {
  process.env['LOG_LEVEL'] = 'silent';
  const raw = await rawConfirmedPublish(EVENTS);
  const ceiling = await brokerCeiling(EVENTS);
  const [bus, latencies] = await withProbe(false, async (svc) => [await drainThroughput(svc, 'T-'), await pacedLatency(svc)] as const);
  const withWrite = await withProbe(true, (svc) => drainThroughput(svc, 'W-'));
  const f = (n: number) => n.toFixed(0).padStart(7);
  console.log(`\nEvent bus benchmark: ${EVENTS} events, one process, PostgreSQL and RabbitMQ on the same 2 cores`);
  console.log(`  raw amqplib confirmed publish (quorum queue)       ${f(raw.rate)} msg/s`);
  console.log(`  RabbitMQ alone, bus topology, publish + consume    ${f(ceiling.rate)} msg/s     ${((ceiling.rate / raw.rate) * 100).toFixed(0)} % of raw (no database: the ceiling)`);
  console.log(`  outbox → RabbitMQ → inbox                          ${f(bus.rate)} events/s  ${((bus.rate / raw.rate) * 100).toFixed(0)} % of raw, ${((bus.rate / ceiling.rate) * 100).toFixed(0)} % of the ceiling`);
  console.log(`  same, handler writing one row per event            ${f(withWrite.rate)} events/s  ${((withWrite.rate / raw.rate) * 100).toFixed(0)} % of raw`);
  console.log(`  CPU per message: raw publish ${raw.used}`);
  console.log(`                   ceiling     ${ceiling.used}`);
  console.log(`                   bus         ${bus.used}`);
  console.log(`                   bus + write ${withWrite.used}`);
  console.log(`  commit → handled, ${RATE}/s for ${SECONDS} s:  p50 ${pct(latencies, 50).toFixed(1)} ms   p99 ${pct(latencies, 99).toFixed(1)} ms   max ${latencies[latencies.length - 1].toFixed(1)} ms`);
}

void main().then(
  () => process.exit(0),
  (err) => (console.error(err), process.exit(1)),
);
