import { randomUUID } from 'node:crypto';
import { ServiceOrderPostedV1, type EventContract, type EventEnvelope } from '@assistenza/contracts';
import { authHeaders, http, startWithBroker, waitFor, type RunningService, type ServiceWithBroker } from '@assistenza/testing';
import { createBillingApp } from '../bootstrap';

/** Test helpers shared by billing's integration tests (not shipped: only *.int-spec.ts import it). */
export function envelopeOf<P>(contract: EventContract, payload: P, over: Partial<EventEnvelope> = {}): EventEnvelope<P> {
  return {
    eventId: randomUUID(),
    type: contract.type,
    version: contract.version,
    occurredAt: new Date().toISOString(),
    aggregateType: contract.aggregateType,
    aggregateId: 'agg-1',
    aggregateVersion: 1,
    correlationId: `corr-${randomUUID()}`,
    causationId: null,
    company: 'DAT',
    actor: 'test',
    ...over,
    payload,
  };
}

type LineType = 'hour' | 'expense' | 'item' | 'fee';

/** The category seedMasterData creates for each transaction type (it also creates SUBFEE, the fee category of the contract example). */
export const CATEGORY_OF: Record<LineType, string> = { hour: 'REPAIR', expense: 'TRAVEL', item: 'PARTS', fee: 'FEE' };

/**
 * A service-order.posted payload for a project with the given lines (quantity and sales price as
 * decimal strings); each line names the seeded category of its type unless it names another.
 */
export function postedOrder(orderId: string, projectId: string, lines: Array<{ type?: LineType; quantity: string; price: string; category?: string }>, customerAccount = 'C-1', currency = 'USD') {
  return {
    ...ServiceOrderPostedV1.example,
    orderId,
    projectId,
    customerAccount,
    currency,
    postingDate: '2024-12-05',
    lines: lines.map((l, i) => ({
      lineId: `${orderId}-${i + 1}`,
      transactionType: l.type ?? 'hour',
      quantity: l.quantity,
      costPrice: '1.00',
      salesPrice: l.price,
      categoryId: l.category ?? CATEGORY_OF[l.type ?? 'hour'],
      worker: null,
      itemId: null,
      description: `line ${i + 1}`,
    })),
  };
}

/** Customer, tax group 22 %, a category per transaction type (and SUBFEE for fees) and a time-and-material project, created over HTTP. */
export async function seedMasterData(svc: RunningService, headers: Record<string, string>, projectId = 'PRJ-1', customer = 'C-1', chargeable?: Record<string, boolean>) {
  const url = (p: string) => `${svc.url}/api/v1/${p}`;
  await http('POST', url('customers'), { account: customer, name: `Customer ${customer}`, currency: 'USD' }, headers);
  await http('POST', url('tax-groups'), { id: 'STD', name: 'Standard', rate: '22' }, headers);
  const categories: Array<[string, LineType]> = [['REPAIR', 'hour'], ['TRAVEL', 'expense'], ['PARTS', 'item'], ['FEE', 'fee'], ['SUBFEE', 'fee']];
  for (const [id, transactionType] of categories) await http('POST', url('categories'), { id, name: `Category ${id}`, transactionType }, headers);
  const res = await http('POST', url('projects'), { id: projectId, name: 'Service contract', customerAccount: customer, type: 'time-and-material', currency: 'USD', taxGroup: 'STD', chargeable }, headers);
  if (res.status !== 201) throw new Error(`seeding project ${projectId}: ${res.status} ${JSON.stringify(res.body)}`);
}

type PostedLines = Parameters<typeof postedOrder>[2];

/**
 * Billing for one test file: started against the real PostgreSQL and RabbitMQ before its tests
 * (own database and exchange) with seedMasterData's data, and removed after them. Requests go as a
 * billing clerk of DAT unless headers say otherwise.
 */
export function seededBilling() {
  let started: (ServiceWithBroker & { clerk: Record<string, string> }) | undefined;
  beforeAll(async () => {
    const service = await startWithBroker(createBillingApp, 'billing-service');
    started = { ...service, clerk: await authHeaders('billing-clerk', { companies: ['DAT'] }) };
    await seedMasterData(service.svc, started.clerk);
  });
  afterAll(async () => {
    await started?.stop();
  });
  const running = () => {
    if (!started) throw new Error('billing is started in beforeAll');
    return started;
  };

  const billing = {
    get svc(): RunningService {
      return running().svc;
    },
    get broker() {
      return running().broker;
    },
    /** Billing's own consumer queue (its dead letters are in `${queue}.dlq`). */
    get queue(): string {
      return running().queue;
    },
    get clerk(): Record<string, string> {
      return running().clerk;
    },
    /** A request to billing's API, e.g. `http('GET', 'projects/PRJ-1')`. */
    http: (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      http(method, `${billing.svc.url}/api/v1/${path}`, body, { ...billing.clerk, ...headers }),
    /** How many rows a query over billing's database returns. */
    count: async (sql: string, params: unknown[] = []) => Number((await billing.svc.db.query(`SELECT count(*)::int AS n FROM (${sql}) x`, params))[0].n),
    /** Publishes an event onto this run's exchange under the contract's routing key. */
    publish: (contract: EventContract, body: object) => billing.broker.publish(billing.svc.config.broker.exchange, contract.routingKey, body),
    /** Posts a service order through the bus and waits until each of its lines is a project transaction. */
    async postOrder(orderId: string, lines: PostedLines, over: { projectId?: string; customer?: string; currency?: string; postingDate?: string } = {}) {
      const payload = { ...postedOrder(orderId, over.projectId ?? 'PRJ-1', lines, over.customer ?? 'C-1', over.currency), ...(over.postingDate ? { postingDate: over.postingDate } : {}) };
      await billing.publish(ServiceOrderPostedV1, envelopeOf(ServiceOrderPostedV1, payload));
      await waitFor(async () => (await billing.count('SELECT 1 FROM project_transactions WHERE source_document = $1', [orderId])) === lines.length, {
        what: `transactions of ${orderId}`,
      });
    },
  };
  return billing;
}
