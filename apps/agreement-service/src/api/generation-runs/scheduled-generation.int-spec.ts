import { startService, waitFor, type RunningService } from '@assistenza/testing';
import { GenerationScheduler } from '../../application/generation/generation-scheduler';
import { slotOf } from '../../application/generation/schedule';
import { createAgreementApp } from '../../bootstrap';
import { SCHEDULE_LOCK_CLASS } from '../../infrastructure/persistence/generation-run.sql-repository';
import { AgreementTestKit } from '../test-kit';

describe('scheduled generation: one batch run per company and slot, whichever replica ticks', () => {
  let kit: AgreementTestKit;
  let replica: RunningService;
  const saved = { ...process.env };
  const now = new Date('2012-04-02T10:17:00Z');
  const runsOfSlot = (slot: string) => kit.svc.db.query('SELECT run_id, status FROM generation_runs WHERE scheduled_for = $1', [slot]);
  const finished = (runId: string) =>
    waitFor(async () => {
      const run = (await kit.http('GET', `/generation-runs/${runId}`)).body;
      return run.status === 'completed' || run.status === 'failed' ? run : null;
    }, { what: `run ${runId}` });

  beforeAll(async () => {
    process.env['AGREEMENT_GENERATION_SCHEDULE_MINUTES'] = '60';
    process.env['AGREEMENT_GENERATION_HORIZON_DAYS'] = '30';
    kit = await AgreementTestKit.start();
    // A second replica of the service on the same database and queue.
    replica = await startService(createAgreementApp, kit.svc.config);
    await kit.publishProject('PRJ-1', 'US-001');
    await kit.reference([
      ['/agreement-groups', { code: 'STD', description: 'Standard' }],
      ['/service-intervals', { code: 'W1', description: 'Weekly', unit: 'week', frequency: 1 }],
    ]);
    await kit.createAgreement('SA-SCHED');
    await kit.addLine('SA-SCHED', { startDate: '2012-04-01', intervalId: 'W1' });
  });

  afterAll(async () => {
    process.env = saved;
    await replica.close();
    await kit.close();
  });

  it('creates one run for the slot when two replicas tick at the same moment, for the coming period, and it runs once', async () => {
    const ticks = await Promise.all([kit.svc.app.get(GenerationScheduler).tick(now), replica.app.get(GenerationScheduler).tick(now)]);
    expect(ticks.flat()).toHaveLength(1);
    const [run] = ticks.flat();
    expect(run).toMatchObject({ company: 'DAT', scheduledFor: '2012-04-02T10:00:00.000Z', actor: 'scheduler', params: { from: '2012-04-02', to: '2012-05-01', agreementId: null, continuous: false } });
    expect(await runsOfSlot('2012-04-02T10:00:00Z')).toHaveLength(1);

    // Weekly from 1 April: 8, 15, 22 and 29 April fall in 2 April - 1 May.
    expect(await finished(run.runId)).toMatchObject({ status: 'completed', agreementsDone: 1, ordersRequested: 4 });
    expect((await kit.svc.db.query(`SELECT count(*)::int AS n FROM outbox WHERE routing_key = 'agreement.service-order.requested.v1'`))[0].n).toBe(4);
  });

  it('creates nothing more when the slot is ticked again, many times and on both replicas', async () => {
    const later = new Date('2012-04-02T10:59:00Z');
    const ticks = await Promise.all([kit.svc, replica, kit.svc, replica].map((s) => s.app.get(GenerationScheduler).tick(later)));
    expect(ticks.flat()).toEqual([]);
    expect(await runsOfSlot('2012-04-02T10:00:00Z')).toHaveLength(1);
  });

  it('creates the next slot\'s run, which requests only what the first did not', async () => {
    const [run] = await replica.app.get(GenerationScheduler).tick(new Date('2012-04-02T11:00:00Z'));
    expect(run.scheduledFor).toBe('2012-04-02T11:00:00.000Z');
    expect(await finished(run.runId)).toMatchObject({ status: 'completed', ordersRequested: 0 });
  });

  it('creates nothing, without waiting, on a replica that finds the slot\'s advisory lock taken by another', async () => {
    const at = new Date('2012-04-02T12:05:00Z');
    const other = kit.svc.db.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    try {
      await other.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [SCHEDULE_LOCK_CLASS, slotOf(at, 60)]);
      expect(await replica.app.get(GenerationScheduler).tick(at)).toEqual([]);
      expect(await runsOfSlot('2012-04-02T12:00:00Z')).toEqual([]);
    } finally {
      await other.rollbackTransaction();
      await other.release();
    }
    expect(await replica.app.get(GenerationScheduler).tick(at)).toHaveLength(1);
  });
});
