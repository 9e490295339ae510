import { randomUUID } from 'node:crypto';
import { ProjectUpsertedV1 } from '@assistenza/contracts';
import { AmqpEventServer } from '@assistenza/platform/messaging';
import type { ChildProcess } from 'node:child_process';
import type { ServiceConfig } from '@assistenza/platform/config';
import {
  authHeaders, dropTestDatabase, exited, freePort, http as rawHttp, newRunId, spawnService, startService, testServiceConfig, TestBroker, waitFor, waitUntilReady, type RunningService,
} from '@assistenza/testing';
import { serviceOrderIdFor } from '../../application/generation/order-id';
import { createAgreementApp } from '../../bootstrap';

describe('generating service orders from agreements, through RabbitMQ into the service-order service', () => {
  let agreements: RunningService;
  // The service-order service runs as its own process (built dist/), as in production: this
  // service's code never imports another service's.
  let orders: { url: string; config: ServiceConfig; process: ChildProcess };
  let broker: TestBroker;
  let manager: Record<string, string>;
  const http = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => rawHttp(method, url, body, { ...manager, ...headers });
  const a = (path: string) => `${agreements.url}/api/v1${path}`;
  const so = (path: string) => `${orders.url}/api/v1${path}`;

  async function publishProject(projectId: string, customerAccount: string, type: 'time-and-material' | 'time' = 'time-and-material') {
    await broker.publish(agreements.config.broker.exchange, ProjectUpsertedV1.routingKey, {
      eventId: randomUUID(), type: ProjectUpsertedV1.type, version: 1, occurredAt: new Date().toISOString(), aggregateType: 'project', aggregateId: projectId,
      aggregateVersion: 1, correlationId: 'test', causationId: null, company: 'DAT', actor: 'billing', payload: { ...ProjectUpsertedV1.example, projectId, customerAccount, type },
    });
    await waitFor(async () => (await agreements.db.query('SELECT 1 FROM project_replica WHERE project_id = $1', [projectId])).length === 1, { what: `project ${projectId} replicated` });
  }

  async function createAgreement(agreementId: string, over: object = {}) {
    const res = await http('POST', a('/service-agreements'), { agreementId, description: 'Maintenance', projectId: 'PRJ-1', groupId: 'STD', startDate: '2012-01-01', endDate: '2012-12-31', ...over });
    expect(res.status).toBe(201);
    return res;
  }

  async function addLine(agreementId: string, line: object) {
    const etag = (await http('GET', a(`/service-agreements/${agreementId}`))).headers.get('etag')!;
    return http('POST', a(`/service-agreements/${agreementId}/lines`), { transactionType: 'hour', description: 'Check', categoryId: 'SERVICE', quantity: '1', startDate: '2012-04-01', ...line }, { 'if-match': etag });
  }

  async function runGeneration(body: object) {
    const started = await http('POST', a('/generation-runs'), { from: '2012-04-01', to: '2012-04-30', ...body });
    expect(started.status).toBe(202);
    return waitFor(async () => {
      const run = (await http('GET', a(`/generation-runs/${started.body.runId}`))).body;
      return run.status === 'completed' || run.status === 'failed' ? run : null;
    }, { what: 'the generation run to finish' });
  }

  const ordersOf = async (agreementId: string) => (await http('GET', so(`/service-orders?agreementId=${agreementId}&limit=200`))).body.items as Array<{ serviceOrderId: string; customerAccount: string }>;

  beforeAll(async () => {
    const runId = newRunId();
    agreements = await startService(createAgreementApp, testServiceConfig('agreement-service', runId));
    const ordersConfig = testServiceConfig('service-order-service', runId, { port: await freePort() });
    orders = { url: `http://127.0.0.1:${ordersConfig.port}`, config: ordersConfig, process: spawnService(ordersConfig) };
    await waitUntilReady(orders.url);
    broker = await TestBroker.connect();
    manager = await authHeaders('service-manager', { companies: ['DAT'] });
    await publishProject('PRJ-1', 'US-001');
    for (const [path, body] of [
      ['/agreement-groups', { code: 'STD', description: 'Standard' }],
      ['/service-intervals', { code: 'W1', description: 'Weekly', unit: 'week', frequency: 1 }],
      ['/service-intervals', { code: 'W2', description: 'Biweekly', unit: 'week', frequency: 2 }],
      ['/service-objects', { code: 'X-1', description: 'Boiler' }],
      ['/service-objects', { code: 'X-2', description: 'Chiller' }],
      ['/template-groups', { code: 'TPL', description: 'Templates' }],
    ] as const) expect((await http('POST', a(path), body)).status).toBe(201);
  });

  afterAll(async () => {
    const queues = [agreements.app.get(AmqpEventServer).queue, `${orders.config.broker.exchange}.service-order-service`];
    await agreements.close();
    orders.process.kill('SIGTERM');
    await exited(orders.process);
    await broker.removeTopology(agreements.config.broker, queues);
    await broker.close();
    await dropTestDatabase(agreements.config);
    await dropTestDatabase(orders.config);
  });

  it('combines by service object: X-1 weekly, X-2 biweekly and X-2 weekly over April become ten service orders; a second run adds none', async () => {
    await createAgreement('SA-OBJ', { combineBy: 'object' });
    await addLine('SA-OBJ', { objectId: 'X-1', intervalId: 'W1' });
    await addLine('SA-OBJ', { objectId: 'X-2', intervalId: 'W2' });
    expect((await addLine('SA-OBJ', { objectId: 'X-2', intervalId: 'W1' })).status).toBe(201);

    const first = await runGeneration({ agreementId: 'SA-OBJ' });
    expect(first).toMatchObject({ status: 'completed', agreementsDone: 1, ordersRequested: 10, linesPlanned: 13 });
    await waitFor(async () => (await ordersOf('SA-OBJ')).length === 10, { what: 'ten service orders' });

    const second = await runGeneration({ agreementId: 'SA-OBJ' });
    expect(second).toMatchObject({ status: 'completed', ordersRequested: 0 });
    await new Promise((r) => setTimeout(r, 500));
    expect(await ordersOf('SA-OBJ')).toHaveLength(10);

    const [one] = await ordersOf('SA-OBJ');
    const order = (await http('GET', so(`/service-orders/${one.serviceOrderId}`))).body;
    expect(order).toMatchObject({ origin: 'system', progress: 'in-process', slaId: null, agreementId: 'SA-OBJ', customerAccount: 'US-001' });
    expect(order.lines.length).toBeGreaterThan(0);
  });

  it('gives a line added after its date\'s order was generated an order of its own on the next run, with a deterministic id; a third run adds nothing', async () => {
    await createAgreement('SA-LATE');
    await addLine('SA-LATE', { description: 'Early check', intervalId: 'W1' });
    expect(await runGeneration({ agreementId: 'SA-LATE' })).toMatchObject({ status: 'completed', ordersRequested: 5, linesPlanned: 5 });
    await waitFor(async () => (await ordersOf('SA-LATE')).length === 5, { what: 'the first five orders' });

    // Same start, interval and combine key (the agreement): before the fix these lines were lost.
    expect((await addLine('SA-LATE', { description: 'Late check', intervalId: 'W1' })).status).toBe(201);
    expect(await runGeneration({ agreementId: 'SA-LATE' })).toMatchObject({ status: 'completed', ordersRequested: 5, linesPlanned: 5 });
    await waitFor(async () => (await ordersOf('SA-LATE')).length === 10, { what: 'five more orders' });
    const late = await http('GET', so(`/service-orders/${serviceOrderIdFor('DAT', 'SA-LATE|agreement:|2012-04-01#2')}`));
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ agreementId: 'SA-LATE', serviceDate: '2012-04-01', origin: 'system' });
    expect(late.body.lines).toEqual([expect.objectContaining({ agreementLineNum: 2, description: 'Late check', dateCalculated: '2012-04-01' })]);
    const first = await http('GET', so(`/service-orders/${serviceOrderIdFor('DAT', 'SA-LATE|agreement:|2012-04-01')}`));
    expect(first.body.lines).toEqual([expect.objectContaining({ agreementLineNum: 1, description: 'Early check' })]);

    expect(await runGeneration({ agreementId: 'SA-LATE' })).toMatchObject({ status: 'completed', ordersRequested: 0 });
    await new Promise((r) => setTimeout(r, 500));
    expect(await ordersOf('SA-LATE')).toHaveLength(10);
  });

  it('reference example 1 end to end: an agreement ending 2012-12-31 asked for November to February gets orders in November and December only', async () => {
    await createAgreement('SA-CLIP');
    await addLine('SA-CLIP', { startDate: '2012-01-01', intervalId: 'W1' });
    const run = await runGeneration({ agreementId: 'SA-CLIP', from: '2012-11-01', to: '2013-02-01' });
    expect(run.status).toBe('completed');
    await waitFor(async () => (await ordersOf('SA-CLIP')).length === run.ordersRequested, { what: 'the clipped orders' });
    const dates: string[] = [];
    for (const o of await ordersOf('SA-CLIP')) dates.push((await http('GET', so(`/service-orders/${o.serviceOrderId}`))).body.serviceDate);
    expect(dates.every((d) => d >= '2012-11-01' && d <= '2012-12-31')).toBe(true);
    expect(run.ordersRequested).toBe(9);
  });

  it('answers 422 naming projectId for an unknown project or a time project, and creates nothing', async () => {
    const unknown = await http('POST', a('/service-agreements'), { agreementId: 'SA-NOPRJ', description: 'x', projectId: 'NOPE', groupId: 'STD', startDate: '2012-01-01' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'projectId' })]);
    await publishProject('PRJ-TIME', 'US-001', 'time');
    const time = await http('POST', a('/service-agreements'), { agreementId: 'SA-TIME', description: 'x', projectId: 'PRJ-TIME', groupId: 'STD', startDate: '2012-01-01' });
    expect(time.status).toBe(422);
    expect((await agreements.db.query(`SELECT 1 FROM service_agreements WHERE agreement_id IN ('SA-NOPRJ', 'SA-TIME')`)).length).toBe(0);
  });

  it('answers 400 naming the field for an end before the start and for an interval of zero', async () => {
    const backwards = await http('POST', a('/service-agreements'), { agreementId: 'SA-BACK', description: 'x', projectId: 'PRJ-1', groupId: 'STD', startDate: '2012-02-01', endDate: '2012-01-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'endDate' })]);
    const zero = await http('POST', a('/service-intervals'), { code: 'ZERO', description: 'Never', unit: 'day', frequency: 0 });
    expect(zero.status).toBe(400);
    expect(zero.body.errors).toEqual([expect.objectContaining({ field: 'frequency' })]);
  });

  it('refuses a line on a suspended agreement with 422 naming agreementId, and generates nothing from it', async () => {
    const created = await createAgreement('SA-SUSP');
    const suspended = await http('POST', a('/service-agreements/SA-SUSP/suspend'), undefined, { 'if-match': created.headers.get('etag')! });
    expect(suspended.status).toBe(200);
    const res = await addLine('SA-SUSP', { intervalId: 'W1' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'agreementId' })]);
    expect((await http('POST', a('/generation-runs'), { from: '2012-04-01', to: '2012-04-30', agreementId: 'SA-SUSP' })).status).toBe(422);
  });

  it('refuses to turn an agreement with orders into a template (422 naming templateGroupId)', async () => {
    const etag = (await http('GET', a('/service-agreements/SA-OBJ'))).headers.get('etag')!;
    const res = await http('PATCH', a('/service-agreements/SA-OBJ'), { templateGroupId: 'TPL' }, { 'if-match': etag });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'templateGroupId' })]);
  });

  it('shows a customer-portal caller only its own agreements and orders; another customer gets 404', async () => {
    const [order] = await ordersOf('SA-OBJ');
    const own = await authHeaders('customer', { companies: ['DAT'], customerAccount: 'US-001' });
    const other = await authHeaders('customer', { companies: ['DAT'], customerAccount: 'US-999' });
    expect((await rawHttp('GET', so(`/service-orders/${order.serviceOrderId}`), undefined, own)).status).toBe(200);
    expect((await rawHttp('GET', so(`/service-orders/${order.serviceOrderId}`), undefined, other)).status).toBe(404);
    expect((await rawHttp('GET', a('/service-agreements/SA-OBJ'), undefined, other)).status).toBe(404);
    expect((await rawHttp('GET', so('/service-orders'), undefined, other)).body.items).toEqual([]);
  });

  it("answers 404 for another company's service order, agreement and generation run, as if they did not exist", async () => {
    const [order] = await ordersOf('SA-OBJ');
    const run = await runGeneration({ agreementId: 'SA-OBJ' });
    expect((await http('GET', a(`/generation-runs/${run.runId}`))).status).toBe(200);
    const elsewhere = await authHeaders('service-manager', { companies: ['USMF'] });
    expect((await rawHttp('GET', so(`/service-orders/${order.serviceOrderId}`), undefined, elsewhere)).status).toBe(404);
    expect((await rawHttp('GET', a('/service-agreements/SA-OBJ'), undefined, elsewhere)).status).toBe(404);
    expect((await rawHttp('GET', a(`/generation-runs/${run.runId}`), undefined, elsewhere)).status).toBe(404);
    expect((await rawHttp('GET', so('/service-orders'), undefined, elsewhere)).body.items).toEqual([]);
  });
});
