/**
 * Billing benchmark: posted service order lines → project transactions → invoice proposals →
 * invoices posted → invoice events received by an outside (sales-module style) consumer.
 * Prints total time and lines/s per stage; asserts nothing.
 *   node scripts/build.mjs && node dist/bench/billing-invoicing.bench.js -- --orders 100 --lines 100
 */
import 'reflect-metadata';
import * as amqp from 'amqplib';
import { InvoicePostedV1, ServiceOrderPostedV1 } from '@assistenza/contracts';
import { AmqpEventServer } from '@assistenza/platform/messaging';
import { authHeaders, dropTestDatabase, http, newRunId, startService, testServiceConfig, TestBroker, waitFor } from '@assistenza/testing';
import { createBillingApp } from '../apps/billing-service/src/bootstrap';
import { envelopeOf, postedOrder, seedMasterData } from '../apps/billing-service/src/api/test-fixtures';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ORDERS = arg('orders', 100);
const LINES = arg('lines', 100);
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

async function main() {
  process.env['LOG_LEVEL'] = 'silent';
  const config = testServiceConfig('billing-service', newRunId());
  const svc = await startService(createBillingApp, config);
  const broker = await TestBroker.connect();
  const clerk = await authHeaders('billing-clerk', { companies: ['DAT'] });
  await seedMasterData(svc, clerk);

  // The sales module's side: its own queue on the exchange, plain amqplib.
  const sales = await amqp.connect(process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672');
  const ch = await sales.createChannel();
  const { queue: salesQueue } = await ch.assertQueue('', { exclusive: true });
  await ch.bindQueue(salesQueue, config.broker.exchange, InvoicePostedV1.routingKey);
  const invoiceEvents = new Set<string>();
  await ch.consume(salesQueue, (m) => m && (invoiceEvents.add(JSON.parse(m.content.toString()).eventId), ch.ack(m)));

  const count = async () => Number((await svc.db.query('SELECT count(*)::int AS n FROM project_transactions'))[0].n);
  const total = ORDERS * LINES;
  const started = process.hrtime.bigint();
  for (let o = 0; o < ORDERS; o++) {
    const lines = Array.from({ length: LINES }, (_, i) => ({ quantity: String(1 + (i % 3)), price: `${10 + (i % 7)}.${i % 10}5` }));
    await broker.publish(config.broker.exchange, ServiceOrderPostedV1.routingKey, envelopeOf(ServiceOrderPostedV1, postedOrder(`SO-${o}`, 'PRJ-1', lines)));
  }
  await waitFor(async () => (await count()) === total, { timeoutMs: 600_000, intervalMs: 50, what: 'project transactions' });
  const transactionsDone = seconds(started);

  const invoicing = process.hrtime.bigint();
  for (let o = 0; o < ORDERS; o++) {
    const proposal = await http('POST', `${svc.url}/api/v1/invoice-proposals`, { serviceOrderId: `SO-${o}`, from: '2024-12-01', to: '2024-12-31' }, clerk);
    const posted = await http('POST', `${svc.url}/api/v1/invoice-proposals/${proposal.body.id}/post`, { invoiceDate: '2024-12-06' }, { ...clerk, 'if-match': '"1"' });
    if (posted.status !== 201) throw new Error(`posting ${proposal.body.id}: ${posted.status} ${JSON.stringify(posted.body)}`);
  }
  const invoicesDone = seconds(invoicing);
  await waitFor(() => invoiceEvents.size === ORDERS, { timeoutMs: 120_000, what: 'invoice events at the sales module' });
  const all = seconds(started);

  console.log(`\nBilling benchmark: ${ORDERS} posted service orders × ${LINES} lines = ${total} lines`);
  console.log(`  posted lines → project transactions   ${transactionsDone.toFixed(2)} s   ${(total / transactionsDone).toFixed(0)} lines/s`);
  console.log(`  proposals + invoices posted (HTTP)    ${invoicesDone.toFixed(2)} s   ${(total / invoicesDone).toFixed(0)} lines/s, ${(ORDERS / invoicesDone).toFixed(1)} invoices/s`);
  console.log(`  end to end, events at the sales side  ${all.toFixed(2)} s   ${(total / all).toFixed(0)} lines/s`);

  await sales.close();
  await svc.close();
  await broker.removeTopology(config.broker, [svc.app.get(AmqpEventServer).queue]);
  await broker.close();
  await dropTestDatabase(config);
}

void main().then(
  () => process.exit(0),
  (err) => (console.error(err), process.exit(1)),
);
