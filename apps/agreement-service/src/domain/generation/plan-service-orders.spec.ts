import { closedDayPredicate } from './working-calendar';
import { planServiceOrders, validatePlanRequest } from './plan-service-orders';
import type { PlanningAgreement, PlanningLine, PlanRequest } from './planning.types';

const ALL = ['hour', 'expense', 'item', 'fee'] as const;

function line(lineNum: number, over: Partial<PlanningLine<null>> = {}): PlanningLine<null> {
  return {
    lineNum,
    transactionType: 'hour',
    startDate: '2012-01-01',
    endDate: null,
    stopped: false,
    interval: { unit: 'month', frequency: 1 },
    timeWindow: null,
    taskId: null,
    objectId: null,
    worker: null,
    details: null,
    ...over,
  };
}

function agreement(lines: PlanningLine<null>[], over: Partial<PlanningAgreement<null>> = {}): PlanningAgreement<null> {
  return { agreementId: 'SA-1', startDate: '2012-01-01', endDate: '2012-12-31', suspended: false, isTemplate: false, combineBy: 'agreement', lines, ...over };
}

const ask = (from: string, to: string, over: Partial<PlanRequest> = {}): PlanRequest => ({ from, to, transactionTypes: ALL, continuous: false, ...over });

/** Runs a plan twice the way the service does: the second run skips lines the first planned. */
function runTwice(a: PlanningAgreement<null>, request: PlanRequest) {
  const first = planServiceOrders(a, request);
  const planned = new Set(first.flatMap((o) => o.lines.map((l) => `${l.lineNum}|${l.calculatedDate}`)));
  const second = planServiceOrders(a, { ...request, alreadyPlanned: (n, d) => planned.has(`${n}|${d}`) });
  return { first, second };
}

describe('planning service orders from agreement lines (domain.md §2.3)', () => {
  it('reference example 1: agreement 2012-01-01..2012-12-31 asked for 2012-11-01..2013-02-01 plans only November and December', () => {
    const orders = planServiceOrders(agreement([line(1)]), ask('2012-11-01', '2013-02-01'));
    expect(orders.map((o) => o.serviceDate)).toEqual(['2012-11-01', '2012-12-01']);
  });

  it('reference example 2: line 1 valid 2 Jan-1 Mar and line 2 valid 1 Apr-31 Dec asked for October-December plan line 2 only', () => {
    const a = agreement([line(1, { startDate: '2012-01-02', endDate: '2012-03-01' }), line(2, { startDate: '2012-04-01', endDate: '2012-12-31' })]);
    const orders = planServiceOrders(a, ask('2012-10-01', '2012-12-31'));
    expect(orders.flatMap((o) => o.lines.map((l) => l.lineNum))).toEqual([2, 2, 2]);
    expect(orders.map((o) => o.serviceDate)).toEqual(['2012-10-01', '2012-11-01', '2012-12-01']);
  });

  it('reference example 3: a 10-day interval over one (30-day) month gives three order lines, stepping from the line start', () => {
    const a = agreement([line(1, { startDate: '2012-04-01', interval: { unit: 'day', frequency: 10 } })]);
    const orders = planServiceOrders(a, ask('2012-04-01', '2012-04-30'));
    expect(orders.flatMap((o) => o.lines.map((l) => l.calculatedDate))).toEqual(['2012-04-01', '2012-04-11', '2012-04-21']);
  });

  it('reference example 4: combine by service object with X-1 weekly, X-2 biweekly and X-2 weekly over April gives ten orders, each of one object', () => {
    const weekly = { unit: 'week', frequency: 1 } as const;
    const a = agreement(
      [
        line(1, { startDate: '2012-04-01', objectId: 'X-1', interval: weekly }),
        line(2, { startDate: '2012-04-01', objectId: 'X-2', interval: { unit: 'week', frequency: 2 } }),
        line(3, { startDate: '2012-04-01', objectId: 'X-2', interval: weekly }),
      ],
      { combineBy: 'object' },
    );
    const orders = planServiceOrders(a, ask('2012-04-01', '2012-04-30'));
    expect(orders).toHaveLength(10);
    for (const o of orders) expect(new Set(o.lines.map((l) => l.objectId))).toEqual(new Set([o.combineValue]));
    expect(orders.filter((o) => o.combineValue === 'X-2' && o.lines.length === 2).map((o) => o.serviceDate)).toEqual(['2012-04-01', '2012-04-15', '2012-04-29']);
  });

  it.each([
    ['example 1', agreement([line(1)]), ask('2012-11-01', '2013-02-01')],
    ['example 3', agreement([line(1, { startDate: '2012-04-01', interval: { unit: 'day', frequency: 10 } })]), ask('2012-04-01', '2012-04-30')],
    [
      'example 4',
      agreement([line(1, { objectId: 'X-1', interval: { unit: 'week', frequency: 1 } }), line(2, { objectId: 'X-2', interval: { unit: 'week', frequency: 2 } })], { combineBy: 'object' }),
      ask('2012-04-01', '2012-04-30'),
    ],
  ])('running %s twice plans nothing new the second time', (_name, a, request) => {
    const { first, second } = runTwice(a, request);
    expect(first.length).toBeGreaterThan(0);
    expect(second).toEqual([]);
  });

  it('gives every planned order a deterministic key from agreement, combine key and date', () => {
    const a = agreement([line(1, { objectId: 'X-1' })], { combineBy: 'object' });
    const keys = () => planServiceOrders(a, ask('2012-01-01', '2012-02-29')).map((o) => o.key);
    expect(keys()).toEqual(['SA-1|object:X-1|2012-01-01', 'SA-1|object:X-1|2012-02-01']);
    expect(keys()).toEqual(keys());
  });

  it('plans a line without an interval once, on its start date, and never again', () => {
    const a = agreement([line(1, { startDate: '2012-03-15', interval: null })]);
    expect(planServiceOrders(a, ask('2012-01-01', '2012-12-31')).map((o) => o.serviceDate)).toEqual(['2012-03-15']);
    expect(planServiceOrders(a, ask('2012-04-01', '2012-12-31'))).toEqual([]);
  });

  it('steps from the line start, not from the period asked for', () => {
    const a = agreement([line(1, { startDate: '2012-01-05', interval: { unit: 'day', frequency: 7 } })]);
    expect(planServiceOrders(a, ask('2012-01-10', '2012-01-31')).map((o) => o.serviceDate)).toEqual(['2012-01-12', '2012-01-19', '2012-01-26']);
  });

  it('keeps the day of month on monthly steps and clamps to short months', () => {
    const a = agreement([line(1, { startDate: '2012-01-31' })]);
    expect(planServiceOrders(a, ask('2012-01-01', '2012-04-30')).map((o) => o.serviceDate)).toEqual(['2012-01-31', '2012-02-29', '2012-03-31', '2012-04-30']);
  });

  it('plans nothing from a suspended agreement or a template', () => {
    expect(planServiceOrders(agreement([line(1)], { suspended: true }), ask('2012-01-01', '2012-12-31'))).toEqual([]);
    expect(planServiceOrders(agreement([line(1)], { isTemplate: true }), ask('2012-01-01', '2012-12-31'))).toEqual([]);
  });

  it('skips stopped lines and transaction types not asked for', () => {
    const a = agreement([line(1, { stopped: true }), line(2, { transactionType: 'fee' }), line(3, { transactionType: 'item' })]);
    const orders = planServiceOrders(a, ask('2012-01-01', '2012-01-31', { transactionTypes: ['hour', 'item'] }));
    expect(orders.flatMap((o) => o.lines.map((l) => l.lineNum))).toEqual([3]);
  });

  it('combines lines of the same date into one order by agreement, and splits them by task or employee', () => {
    const lines = [line(1, { taskId: 'T-A', worker: 'W-1' }), line(2, { taskId: 'T-B', worker: 'W-1' })];
    const asked = ask('2012-01-01', '2012-01-31');
    expect(planServiceOrders(agreement(lines), asked)).toHaveLength(1);
    expect(planServiceOrders(agreement(lines, { combineBy: 'task' }), asked)).toHaveLength(2);
    expect(planServiceOrders(agreement(lines, { combineBy: 'employee' }), asked)).toHaveLength(1);
  });

  it('lets lines with a week time window share one order and records the window on each line', () => {
    const week = { method: 'week', daysBefore: 0, daysAfter: 0 } as const;
    // 2012-01-02 is a Monday; line 2 runs weekly on Thursdays (from 29 Dec 2011), so 5 January falls in the same week.
    const a = agreement([line(1, { startDate: '2012-01-02', timeWindow: week, interval: null }), line(2, { startDate: '2011-12-29', timeWindow: week, interval: { unit: 'week', frequency: 1 } })]);
    const [order, ...rest] = planServiceOrders(a, ask('2012-01-01', '2012-01-08'));
    expect(rest).toEqual([]);
    expect(order.serviceDate).toBe('2012-01-02');
    expect(order.lines.map((l) => [l.calculatedDate, l.dateRangeFrom, l.dateRangeTo])).toEqual([
      ['2012-01-02', '2012-01-02', '2012-01-08'],
      ['2012-01-05', '2012-01-02', '2012-01-08'],
    ]);
  });

  it('clips a manual window to the line validity', () => {
    const a = agreement([line(1, { startDate: '2012-03-01', interval: null, timeWindow: { method: 'manual', daysBefore: 3, daysAfter: 2 } })]);
    const [order] = planServiceOrders(a, ask('2012-01-01', '2012-12-31'));
    expect([order.lines[0].dateRangeFrom, order.lines[0].dateRangeTo]).toEqual(['2012-03-01', '2012-03-03']);
  });

  it('flags a calendar conflict on a closed day that no window lets the order leave', () => {
    const isClosed = closedDayPredicate({ timeZone: 'Europe/Rome', workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '08:00', to: '17:00' })), closedDays: ['2012-05-01'] });
    const a = agreement([line(1, { startDate: '2012-05-01' })]);
    const [order] = planServiceOrders(a, ask('2012-05-01', '2012-05-31', { isClosed }));
    expect(order).toMatchObject({ serviceDate: '2012-05-01', calendarConflict: true });
  });

  it('moves an order off a closed day to the nearest open day of its window', () => {
    const isClosed = closedDayPredicate({ timeZone: 'Europe/Rome', workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '08:00', to: '17:00' })), closedDays: [] });
    // 2012-04-01 is a Sunday; the ISO week window runs Monday 26 March to Sunday 1 April, clipped to the line from 1 April.
    const a = agreement([line(1, { startDate: '2012-04-01', interval: null, timeWindow: { method: 'manual', daysBefore: 0, daysAfter: 3 } })]);
    const [order] = planServiceOrders(a, ask('2012-04-01', '2012-04-30', { isClosed }));
    expect(order).toMatchObject({ serviceDate: '2012-04-02', calendarConflict: false });
  });

  it('fills only the gaps of the series when continuous', () => {
    const a = agreement([line(1)]);
    const done = new Set(['2012-01-01', '2012-03-01']);
    const orders = planServiceOrders(a, ask('2012-04-01', '2012-04-30', { continuous: true, alreadyPlanned: (_n, d) => done.has(d) }));
    expect(orders.map((o) => o.serviceDate)).toEqual(['2012-02-01', '2012-04-01']);
  });

  it('rejects a period that ends before it starts, naming the field', () => {
    expect(() => validatePlanRequest(ask('2012-02-01', '2012-01-01'))).toThrow(expect.objectContaining({ field: 'to' }));
    expect(() => validatePlanRequest(ask('2012-02-01', '2012-02-30'))).toThrow(expect.objectContaining({ field: 'to' }));
  });
});
