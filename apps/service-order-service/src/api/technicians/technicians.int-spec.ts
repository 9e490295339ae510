import { randomUUID } from 'node:crypto';
import { WorkerTerminatedV1, WorkerUpsertedV1, type EventContract } from '@assistenza/contracts';
import { AmqpEventServer } from '@assistenza/platform/messaging';
import { authHeaders, dropTestDatabase, http, newRunId, startService, testServiceConfig, TestBroker, waitFor, type RunningService } from '@assistenza/testing';
import { createServiceOrderApp } from '../../bootstrap';

describe('technicians replicated from the HR module, against the real PostgreSQL and RabbitMQ', () => {
  let svc: RunningService;
  let broker: TestBroker;
  let dispatcher: Record<string, string>;
  const url = (path = '') => `${svc.url}/api/v1/technicians${path}`;

  /** Publishes as the HR module would: its own envelope on the shared exchange. */
  const fromHr = (contract: EventContract, personnelNumber: string, version: number, payload: object) =>
    broker.publish(svc.config.broker.exchange, contract.routingKey, {
      eventId: randomUUID(), type: contract.type, version: contract.version, occurredAt: new Date().toISOString(), aggregateType: 'worker',
      aggregateId: personnelNumber, aggregateVersion: version, correlationId: `hr-${randomUUID()}`, causationId: null, company: 'DAT', actor: 'hr-module',
      payload: { personnelNumber, ...payload },
    });
  const worker = (name: string, dispatchTeam = 'NORTH', isTechnician = true) => ({ name, dispatchTeam, calendar: 'STD', isTechnician });
  const nameOf = async (personnelNumber: string) => (await http('GET', url(`/${personnelNumber}`), undefined, dispatcher)).body?.name;

  beforeAll(async () => {
    svc = await startService(createServiceOrderApp, testServiceConfig('service-order-service', newRunId()));
    broker = await TestBroker.connect();
    dispatcher = await authHeaders('dispatcher');
  });

  afterAll(async () => {
    await svc.close();
    await broker.removeTopology(svc.config.broker, [svc.app.get(AmqpEventServer).queue]);
    await broker.close();
    await dropTestDatabase(svc.config);
  });

  it('lists a worker HR publishes as a technician, by dispatch team', async () => {
    await fromHr(WorkerUpsertedV1, 'T-1', 1, worker('Julia Funderburk'));
    await fromHr(WorkerUpsertedV1, 'T-2', 1, worker('Ahmed Barnes', 'SOUTH'));
    await waitFor(async () => (await nameOf('T-2')) === 'Ahmed Barnes', { what: 'the technicians' });
    const north = await http('GET', url('?dispatchTeam=NORTH'), undefined, dispatcher);
    expect(north.body.items).toEqual([expect.objectContaining({ personnelNumber: 'T-1', dispatchTeam: 'NORTH', active: true })]);
  });

  it('keeps the newest version when HR events arrive out of order', async () => {
    await fromHr(WorkerUpsertedV1, 'T-3', 2, worker('Renamed'));
    await waitFor(async () => (await nameOf('T-3')) === 'Renamed', { what: 'version 2' });
    await fromHr(WorkerUpsertedV1, 'T-3', 1, worker('Original'));
    await fromHr(WorkerUpsertedV1, 'T-4', 1, worker('Marker'));
    await waitFor(async () => (await nameOf('T-4')) === 'Marker', { what: 'the marker behind the late event' });
    expect(await nameOf('T-3')).toBe('Renamed');
  });

  it('stops offering a terminated worker once the termination date has passed', async () => {
    await fromHr(WorkerUpsertedV1, 'T-5', 1, worker('Leaving'));
    await fromHr(WorkerTerminatedV1, 'T-5', 2, { terminatedOn: '2020-01-31' });
    await waitFor(async () => (await http('GET', url('/T-5'), undefined, dispatcher)).body?.active === false, { what: 'the termination' });
    const active = await http('GET', url('?dispatchTeam=NORTH'), undefined, dispatcher);
    expect(active.body.items.map((t: { personnelNumber: string }) => t.personnelNumber)).not.toContain('T-5');
    const all = await http('GET', url('?dispatchTeam=NORTH&activeOnly=false'), undefined, dispatcher);
    expect(all.body.items.map((t: { personnelNumber: string }) => t.personnelNumber)).toContain('T-5');
  });

  it('does not offer a worker that HR does not mark as a technician', async () => {
    await fromHr(WorkerUpsertedV1, 'T-6', 1, worker('Accountant', 'NORTH', false));
    await fromHr(WorkerUpsertedV1, 'T-7', 1, worker('Marker 2'));
    await waitFor(async () => (await nameOf('T-7')) === 'Marker 2', { what: 'the marker' });
    expect((await http('GET', url('/T-6'), undefined, dispatcher)).status).toBe(404);
  });

  it('is not for customer-portal callers', async () => {
    expect((await http('GET', url(), undefined, await authHeaders('customer', { customerAccount: 'C-1' }))).status).toBe(403);
  });
});
