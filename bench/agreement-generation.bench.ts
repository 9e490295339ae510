/**
 * Agreement generation benchmark: service orders planned from 10,000 agreements × 2 lines × 12
 * months (monthly lines sharing their dates, combined by agreement: 12 orders of 2 lines per
 * agreement), as one batch run of the agreement service (its slices and workers as configured),
 * next to raw PostgreSQL COPY (pg-copy-streams, median of three rounds) of the same number of
 * rows, each an outbox row with a body like one requested-order event, into a table of the
 * outbox's shape and indexes, in the same run on the same database. Setting up the agreements
 * (multi-row INSERT … SELECT) is not measured; the outbox relay is off, so the figure is
 * generation itself (planning, keys, outbox rows), not the broker. Prints figures; asserts nothing.
 *   node scripts/build.mjs && node dist/bench/agreement-generation.bench.js -- --agreements 10000 --lines 2 --months 12
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ServiceConfig } from '@assistenza/platform/config';
import { requestContext } from '@assistenza/platform/observability';
import { dropTestDatabase, newRunId, startService, testServiceConfig, TestBroker, waitFor, type RunningService } from '@assistenza/testing';
import { GenerationRuns } from '../apps/agreement-service/src/application/generation/generation-runs.service';
import { createAgreementApp } from '../apps/agreement-service/src/bootstrap';
import { readCpu } from './process-cpu';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const AGREEMENTS = arg('agreements', 10_000);
const LINES = arg('lines', 2);
const MONTHS = arg('months', 12);
const PERIOD = { from: '2024-01-01', to: new Date(Date.UTC(2024, MONTHS, 0)).toISOString().slice(0, 10) };
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const ctx = { correlationId: 'bench', causationId: null, company: 'DAT', actor: 'bench', roles: ['service-manager'], customerAccount: null };

/** Agreements, lines and one object relation each, written straight into the agreement database. */
async function seed(svc: RunningService): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => svc.db.query(sql, params);
  await q(`INSERT INTO agreement_groups (company, code, description, version) VALUES ('DAT', 'STD', 'Standard', 1)`);
  await q(`INSERT INTO service_intervals (company, code, description, attributes, version) VALUES ('DAT', 'M1', 'Monthly', '{"unit": "month", "frequency": 1}', 1)`);
  await q(`INSERT INTO service_objects (company, code, description, version) SELECT 'DAT', 'OBJ-' || i, 'Boiler ' || i, 1 FROM generate_series(1, 100) AS i`);
  await q(
    `INSERT INTO service_agreements (company, agreement_id, description, project_id, customer_account, group_id, start_date, combine_by, responsible, version)
     SELECT 'DAT', 'B-' || lpad(i::text, 7, '0'), 'Maintenance contract ' || i, 'PRJ-' || (i % 200), 'C-' || lpad((i % 1000)::text, 4, '0'), 'STD', '2024-01-01', 'agreement', '000123', 1
       FROM generate_series(1, $1) AS i`,
    [AGREEMENTS],
  );
  await q(
    `INSERT INTO agreement_lines (company, agreement_id, line_num, transaction_type, description, worker, category_id, quantity, object_id, interval_id, start_date,
       service_time_start_after, service_time_end_before)
     SELECT 'DAT', 'B-' || lpad(i::text, 7, '0'), n, CASE WHEN n % 2 = 1 THEN 'hour' ELSE 'expense' END, 'Monthly inspection, step ' || n, '000123', 'SERVICE', 1.5,
            'OBJ-' || (i % 100 + 1), 'M1', '2024-01-01', '08:00', '12:00'
       FROM generate_series(1, $1) AS i, generate_series(1, $2) AS n`,
    [AGREEMENTS, LINES],
  );
  await q(
    `INSERT INTO agreement_object_relations (company, agreement_id, object_id, reference)
     SELECT 'DAT', 'B-' || lpad(i::text, 7, '0'), 'OBJ-' || (i % 100 + 1), 'Basement' FROM generate_series(1, $1) AS i`,
    [AGREEMENTS],
  );
  // Statistics for what was seeded only: generation's own tables start empty and fill during the run.
  await q('ANALYZE service_agreements, agreement_lines, agreement_object_relations');
}

/** One batch run over every agreement; returns its counts and the wall time from POST-equivalent to completed. */
async function generate(svc: RunningService) {
  const runs = svc.app.get(GenerationRuns);
  const started = process.hrtime.bigint();
  const run = await requestContext.run(ctx, () => runs.start({ ...PERIOD, transactionTypes: ['hour', 'expense', 'item', 'fee'], continuous: false, calendarId: null, agreementId: null, customerAccount: null }));
  const done = await waitFor(
    async () => {
      const [row] = await svc.db.query('SELECT status, orders_requested AS orders, lines_planned AS lines, error FROM generation_runs WHERE run_id = $1', [run.runId]);
      return row.status === 'completed' || row.status === 'failed' ? row : null;
    },
    { timeoutMs: 1_800_000, intervalMs: 25, what: 'the generation run' },
  );
  if (done.status !== 'completed') throw new Error(`generation failed: ${done.error}`);
  return { orders: Number(done.orders), lines: Number(done.lines), seconds: seconds(started) };
}

/** `work`'s result with the CPU seconds this process and PostgreSQL used while it ran. */
async function withCpu<T>(work: () => Promise<T>): Promise<T & { nodeCpu: number; pgCpu: number }> {
  const before = readCpu();
  const result = await work();
  const after = readCpu();
  return { ...result, nodeCpu: after.node - before.node, pgCpu: after.postgres - before.postgres };
}

/**
 * COPY of `rows` rows, each an outbox row holding a body like `sampleBody` (a fresh event id per
 * row), into a table of the outbox's shape and indexes; the median rate of three rounds.
 */
async function rawCopy(config: ServiceConfig, rows: number, sampleBody: string): Promise<number> {
  const client = new Client({ ...config.database });
  await client.connect();
  await client.query(`CREATE TABLE bench_copy (
    seq bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, routing_key text NOT NULL, aggregate_type text NOT NULL, aggregate_id text NOT NULL,
    correlation_id text NOT NULL, body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz, attempts integer NOT NULL DEFAULT 0)`);
  await client.query('CREATE INDEX bench_copy_pending ON bench_copy (seq) WHERE published_at IS NULL');
  await client.query('CREATE INDEX bench_copy_created_at ON bench_copy USING brin (created_at)');
  // COPY text format: the body's backslashes are doubled; JSON holds no raw tab or newline.
  const [head, tail] = sampleBody.replace(/\\/g, '\\\\').split(/"eventId":"[0-9a-f-]{36}"/);
  function* lines(): Generator<string> {
    for (let i = 0; i < rows; i += 1_000) {
      let chunk = '';
      for (let j = i; j < Math.min(i + 1_000, rows); j++) {
        const id = randomUUID();
        chunk += `${id}\tagreement.service-order.requested.v1\tservice-agreement\tB-${j}\tbench\t${head}"eventId":"${id}"${tail}\n`;
      }
      yield chunk;
    }
  }
  const rates: number[] = [];
  for (let round = 0; round < 3; round++) {
    await client.query('TRUNCATE bench_copy');
    const started = process.hrtime.bigint();
    await client.query('BEGIN');
    await pipeline(Readable.from(lines()), client.query(copyFrom('COPY bench_copy (event_id, routing_key, aggregate_type, aggregate_id, correlation_id, body) FROM STDIN')));
    await client.query('COMMIT');
    rates.push(rows / seconds(started));
    const [{ n }] = (await client.query('SELECT count(*)::int AS n FROM bench_copy')).rows;
    if (n !== rows) throw new Error(`COPY wrote ${n} rows, not ${rows}`);
  }
  await client.query('DROP TABLE bench_copy');
  await client.end();
  return rates.sort((a, b) => a - b)[1];
}

async function main() {
  process.env['LOG_LEVEL'] = 'silent';
  const config = testServiceConfig('agreement-service', newRunId(), { outboxRelay: false });
  const svc = await startService(createAgreementApp, config);
  try {
    await seed(svc);
    const first = await withCpu(() => generate(svc));
    const again = await generate(svc);
    const [{ body, size }] = await svc.db.query(`SELECT body, avg(length(body)) OVER ()::int AS size FROM outbox WHERE routing_key = 'agreement.service-order.requested.v1' LIMIT 1`);
    const copy = await rawCopy(config, first.orders, body);
    const rate = first.orders / first.seconds;
    const f = (n: number) => n.toFixed(0).padStart(8);
    const cpu = `CPU: node ${first.nodeCpu.toFixed(1)} s, PostgreSQL ${first.pgCpu.toFixed(1)} s`;
    console.log(`\nAgreement generation benchmark: ${AGREEMENTS} agreements × ${LINES} lines × ${MONTHS} months (${PERIOD.from}..${PERIOD.to}), relay off`);
    console.log(`  generation run: ${first.orders} orders, ${first.lines} lines in ${first.seconds.toFixed(2)} s (${cpu})`);
    console.log(`    planned orders                          ${f(rate)} orders/s   ${((rate / copy) * 100).toFixed(0)} % of raw COPY`);
    console.log(`    planned lines                           ${f(first.lines / first.seconds)} lines/s`);
    console.log(`  raw COPY, ${first.orders} outbox-shaped rows of ~${size} B ${f(copy)} rows/s (median of 3)`);
    console.log(`  re-run, nothing new (${again.orders} orders)          ${f(AGREEMENTS / again.seconds)} agreements/s checked, ${again.seconds.toFixed(2)} s`);
  } finally {
    await svc.close();
    const broker = await TestBroker.connect();
    await broker.removeTopology(config.broker, [`${config.broker.exchange}.agreement-service`]);
    await broker.close();
    await dropTestDatabase(config);
  }
}

void main().then(
  () => process.exit(0),
  (err) => (console.error(err), process.exit(1)),
);
