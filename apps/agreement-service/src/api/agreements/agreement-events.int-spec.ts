import { AgreementTestKit, type EventTap } from '../test-kit';

describe('events of agreements and of SLA and calendar setup, published through the outbox to RabbitMQ', () => {
  let kit: AgreementTestKit;
  let tap: EventTap;
  const outboxRows = async (aggregateId: string) =>
    (await kit.svc.db.query('SELECT routing_key FROM outbox WHERE aggregate_id = $1 ORDER BY seq', [aggregateId])).map((r: { routing_key: string }) => r.routing_key);

  beforeAll(async () => {
    kit = await AgreementTestKit.start();
    tap = await kit.listen('agreement.#');
    await kit.publishProject('PRJ-1', 'US-001');
    await kit.reference([['/agreement-groups', { code: 'STD', description: 'Standard' }]]);
  });

  afterAll(async () => {
    await tap.close();
    await kit.close();
  });

  it('publishes created, changed, suspended and released, each at the agreement version it made, with the request\'s correlation id', async () => {
    await kit.createAgreement('SA-EV', { combineBy: 'object' });
    const [created] = await tap.wait('agreement.created', 'SA-EV');
    expect(created).toMatchObject({ version: 1, aggregateType: 'service-agreement', aggregateVersion: 1, company: 'DAT' });
    expect(created.payload).toMatchObject({ agreementId: 'SA-EV', projectId: 'PRJ-1', customerAccount: 'US-001', combineBy: 'object', suspended: false, lines: [] });

    expect((await kit.addLine('SA-EV', { quantity: '2.50' })).status).toBe(201);
    const patched = await kit.http('PATCH', '/service-agreements/SA-EV', { description: 'Yearly care', endDate: '2012-12-31' }, { 'if-match': '"2"', 'x-correlation-id': 'corr-ev-1' });
    expect(patched.status).toBe(200);
    const changed = await tap.wait('agreement.changed', 'SA-EV', 2);
    expect(changed.map((e) => [e.aggregateVersion, e.payload.changes])).toEqual([
      [2, ['lines']],
      [3, ['description']],
    ]);
    expect(changed[0].payload.lines).toEqual([expect.objectContaining({ lineNum: 1, quantity: '2.5', stopped: false })]);
    expect(changed[1]).toMatchObject({ correlationId: 'corr-ev-1', payload: { description: 'Yearly care' } });

    expect((await kit.http('POST', '/service-agreements/SA-EV/suspend', undefined, { 'if-match': '"3"' })).status).toBe(200);
    expect((await kit.http('POST', '/service-agreements/SA-EV/release', undefined, { 'if-match': '"4"' })).status).toBe(200);
    const [suspended] = await tap.wait('agreement.suspended', 'SA-EV');
    const [released] = await tap.wait('agreement.released', 'SA-EV');
    expect(suspended).toMatchObject({ aggregateVersion: 4, payload: { agreementId: 'SA-EV', projectId: 'PRJ-1', customerAccount: 'US-001' } });
    expect(released.aggregateVersion).toBe(5);
  });

  it('writes no event for a refused change: a stale If-Match answers 412 and the outbox keeps what it had', async () => {
    const before = await outboxRows('SA-EV');
    const stale = await kit.http('PATCH', '/service-agreements/SA-EV', { description: 'Lost update' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(await outboxRows('SA-EV')).toEqual(before);
    expect(before).toEqual(['agreement.created.v1', 'agreement.changed.v1', 'agreement.changed.v1', 'agreement.suspended.v1', 'agreement.released.v1']);
  });

  it('publishes agreement.calendar.upserted.v1 and agreement.sla.upserted.v1 when a calendar or an SLA is created or changed', async () => {
    const workingHours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '08:00', to: '17:00' }));
    expect((await kit.http('POST', '/calendars', { code: 'CAL', description: 'Office', timeZone: 'Europe/Rome', workingHours, closedDays: ['2012-12-25'] })).status).toBe(201);
    expect((await kit.http('PATCH', '/calendars/CAL', { closedDays: ['2012-12-25', '2012-12-26'] }, { 'if-match': '"1"' })).status).toBe(200);
    const calendars = await tap.wait('agreement.calendar.upserted', 'CAL', 2);
    expect(calendars.map((e) => [e.aggregateVersion, e.payload.closedDays])).toEqual([
      [1, ['2012-12-25']],
      [2, ['2012-12-25', '2012-12-26']],
    ]);
    expect(calendars[0].payload).toMatchObject({ calendarId: 'CAL', timeZone: 'Europe/Rome', workingHours });

    expect((await kit.http('POST', '/service-level-agreements', { code: 'GOLD', description: 'Gold', hours: 4, responseMinutes: 60, calendarId: 'CAL' })).status).toBe(201);
    expect((await kit.http('PATCH', '/service-level-agreements/GOLD', { hours: 2, suspended: true }, { 'if-match': '"1"' })).status).toBe(200);
    const slas = await tap.wait('agreement.sla.upserted', 'GOLD', 2);
    expect(slas.map((e) => e.aggregateVersion)).toEqual([1, 2]);
    expect(slas[0].payload).toEqual({
      slaId: 'GOLD', description: 'Gold', days: 0, hours: 4, minutes: 0, responseMinutes: 60, resolutionMinutes: null, calendarId: 'CAL', suspended: false,
    });
    expect(slas[1].payload).toMatchObject({ hours: 2, suspended: true });
  });

  it('needs If-Match to change reference data: none answers 428, a stale one 412, and neither changes or publishes anything', async () => {
    const before = await outboxRows('GOLD');
    const missing = await kit.http('PATCH', '/service-level-agreements/GOLD', { hours: 8 });
    expect(missing.status).toBe(428);
    const stale = await kit.http('PATCH', '/service-level-agreements/GOLD', { hours: 8 }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    const current = await kit.http('GET', '/service-level-agreements/GOLD');
    expect(current.headers.get('etag')).toBe('"2"');
    expect(current.body.hours).toBe(2);
    expect(await outboxRows('GOLD')).toEqual(before);
    expect((await kit.http('PATCH', '/calendars/CAL', { description: 'Old office' }, { 'if-match': '"1"' })).status).toBe(412);
  });
});
