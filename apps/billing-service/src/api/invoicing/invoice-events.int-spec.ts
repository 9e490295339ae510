import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import * as amqp from 'amqplib';
import { EventEnvelopeSchema, InvoiceCreditedV1, InvoicePostedV1, ServiceOrderPostedV1, type EventEnvelope } from '@assistenza/contracts';
import { AmqpEventServer } from '@assistenza/platform/messaging';
import { authHeaders, dropTestDatabase, http as rawHttp, newRunId, startService, testServiceConfig, TestBroker, waitFor, type RunningService } from '@assistenza/testing';
import { createBillingApp } from '../../bootstrap';
import { envelopeOf, postedOrder, seedMasterData } from '../test-fixtures';

/**
 * The sales module as an outside consumer would be written: its own durable queue bound to
 * billing.invoice.* on the exchange, plain amqplib, and nothing from Assistenza but the published
 * contracts (JSON Schema). It deduplicates by eventId, as the contract tells consumers to.
 */
class SalesLedgerConsumer {
  readonly received: EventEnvelope[] = [];
  readonly invalid: string[] = [];
  private readonly ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
  private readonly validators = new Map([InvoicePostedV1, InvoiceCreditedV1].map((c) => [c.routingKey, this.ajv.compile(c.payload)]));
  private readonly envelope = this.ajv.compile(EventEnvelopeSchema);
  private connection!: amqp.ChannelModel;

  constructor(private readonly exchange: string, readonly queue: string) {}

  async start(): Promise<void> {
    this.connection = await amqp.connect(process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672');
    const ch = await this.connection.createChannel();
    await ch.assertQueue(this.queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await ch.bindQueue(this.queue, this.exchange, 'billing.invoice.#');
    await ch.consume(this.queue, (msg) => {
      if (!msg) return;
      const event = JSON.parse(msg.content.toString('utf8')) as EventEnvelope;
      const validate = this.validators.get(msg.fields.routingKey);
      if (!this.envelope(event) || !validate || !validate(event.payload)) this.invalid.push(`${msg.fields.routingKey}: ${this.ajv.errorsText(validate?.errors)}`);
      this.received.push(event);
      ch.ack(msg);
    });
  }

  byEventId(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const e of this.received) counts.set(e.eventId, (counts.get(e.eventId) ?? 0) + 1);
    return counts;
  }

  async stop(): Promise<void> {
    await this.connection.close().catch(() => undefined);
  }
}

describe('invoice events reach the sales module exactly once per eventId, valid against the published contract', () => {
  let svc: RunningService;
  let broker: TestBroker;
  let queue: string;
  let sales: SalesLedgerConsumer;
  let clerk: Record<string, string>;
  const http = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => rawHttp(method, `${svc.url}/api/v1/${path}`, body, { ...clerk, ...headers });

  beforeAll(async () => {
    const config = testServiceConfig('billing-service', newRunId());
    svc = await startService(createBillingApp, config);
    queue = svc.app.get(AmqpEventServer).queue;
    broker = await TestBroker.connect();
    sales = new SalesLedgerConsumer(config.broker.exchange, `${config.broker.exchange}.sales-ledger`);
    await sales.start();
    clerk = await authHeaders('billing-clerk', { companies: ['DAT'] });
    await seedMasterData(svc, clerk);
  });

  afterAll(async () => {
    await sales.stop();
    await svc.close();
    await broker.removeTopology(svc.config.broker, [queue, sales.queue]);
    await broker.close();
    await dropTestDatabase(svc.config);
  });

  it('delivers billing.invoice.posted.v1 and billing.invoice.credited.v1 with customer, number, dates, lines with sources and tax, and totals', async () => {
    await broker.publish(svc.config.broker.exchange, ServiceOrderPostedV1.routingKey, envelopeOf(ServiceOrderPostedV1, postedOrder('SO-E', 'PRJ-1', [{ quantity: '2.5', price: '95.00' }, { quantity: '1', price: '0.1' }])));
    await waitFor(async () => (await svc.db.query(`SELECT 1 FROM project_transactions WHERE source_document = 'SO-E'`)).length === 2, { what: 'transactions' });
    const proposal = (await http('POST', 'invoice-proposals', { serviceOrderId: 'SO-E', from: '2024-12-01', to: '2024-12-31' })).body;
    const invoice = (await http('POST', `invoice-proposals/${proposal.id}/post`, { invoiceDate: '2024-12-06', paymentTermsDays: 14 }, { 'if-match': '"1"' })).body;
    await http('POST', `invoices/${invoice.id}/credit`, { lines: [{ lineNo: 2 }] }, { 'if-match': '"1"' });

    await waitFor(() => sales.received.length >= 2, { what: 'both invoice events at the sales module' });
    await new Promise((r) => setTimeout(r, 300));
    expect(sales.invalid).toEqual([]);
    expect([...sales.byEventId().values()]).toEqual([1, 1]);
    const posted = sales.received.find((e) => e.type === InvoicePostedV1.type) as EventEnvelope<Record<string, unknown>>;
    expect(posted).toMatchObject({ company: 'DAT', aggregateId: invoice.id });
    expect(posted.payload).toMatchObject({
      company: 'DAT',
      customerAccount: 'C-1',
      invoiceNumber: 'INV-000001',
      invoiceDate: '2024-12-06',
      dueDate: '2024-12-20',
      currency: 'USD',
      totals: { net: '237.60', tax: '52.27', gross: '289.87' },
      lines: [
        expect.objectContaining({ netAmount: '237.50', taxRate: '22', taxAmount: '52.25', source: expect.objectContaining({ type: 'service-order-line', id: 'SO-E-1', document: 'SO-E' }) }),
        expect.objectContaining({ netAmount: '0.10', taxAmount: '0.02' }),
      ],
    });
    const credited = sales.received.find((e) => e.type === InvoiceCreditedV1.type) as EventEnvelope<Record<string, unknown>>;
    expect(credited.payload).toMatchObject({ invoiceNumber: 'INV-000002', creditedInvoiceNumber: 'INV-000001', totals: { net: '-0.10', tax: '-0.02', gross: '-0.12' } });
  });

  it('lets the sales module deduplicate by eventId when the relay republishes the same outbox rows', async () => {
    // A relay that crashed after publishing but before marking rows sent publishes them again.
    await svc.db.query('UPDATE outbox SET published_at = NULL WHERE routing_key LIKE $1', ['billing.invoice.%']);
    await waitFor(() => sales.received.length >= 4, { what: 'the republished events' });
    const perEvent = sales.byEventId();
    expect(perEvent.size).toBe(2);
    // The broker delivered each id twice; the sales module keeps one per eventId, as the contract promises it can.
    expect(new Set(sales.received.map((e) => e.eventId)).size).toBe(2);
  });
});
