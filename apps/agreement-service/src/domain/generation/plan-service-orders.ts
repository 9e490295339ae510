import { ValidationError } from '@assistenza/platform/ddd';
import { fromEpochDay, toEpochDay, type EpochDay } from '../shared/business-date';
import { TRANSACTION_TYPES, type CombineMode, type PlanningAgreement, type PlanningLine, type PlannedLine, type PlannedOrder, type PlanRequest } from './planning.types';
import { occurrences } from './service-interval';
import { windowAround } from './time-window';

interface Candidate<D> {
  line: PlanningLine<D>;
  day: EpochDay;
  from: EpochDay;
  to: EpochDay;
  key: string;
}

export function validatePlanRequest(request: PlanRequest): void {
  if (toEpochDay(request.to, 'to') < toEpochDay(request.from, 'from')) throw new ValidationError('to must not be before from', 'to');
  if (request.transactionTypes.length === 0) throw new ValidationError('choose at least one transaction type', 'transactionTypes');
  for (const t of request.transactionTypes) {
    if (!TRANSACTION_TYPES.includes(t)) throw new ValidationError(`transactionTypes may hold ${TRANSACTION_TYPES.join(', ')}`, 'transactionTypes');
  }
}

/** Whether generation may use an agreement at all (R-AG-2, R-TP-1). */
export const mayGenerate = (a: Pick<PlanningAgreement, 'suspended' | 'isTemplate'>) => !a.suspended && !a.isTemplate;

/**
 * Plans the service orders of one agreement for a period (domain.md §2.3): skip suspended
 * agreements, templates, stopped lines and excluded transaction types; clip to the period, the
 * agreement and the line; step by the interval from the line's start; widen each line to its time
 * window; then combine lines that share the combine key into as few orders as the windows allow.
 * Pure and deterministic: the same input gives the same orders with the same keys.
 */
export function planServiceOrders<D>(agreement: PlanningAgreement<D>, request: PlanRequest): PlannedOrder<D>[] {
  if (!mayGenerate(agreement)) return [];
  const agreementStart = toEpochDay(agreement.startDate);
  const agreementEnd = agreement.endDate === null ? Infinity : toEpochDay(agreement.endDate);
  const from = request.continuous ? agreementStart : toEpochDay(request.from, 'from');
  const to = toEpochDay(request.to, 'to');
  const types = new Set(request.transactionTypes);
  const candidates: Candidate<D>[] = [];
  for (const line of agreement.lines) {
    if (line.stopped || !types.has(line.transactionType)) continue;
    const lineStart = toEpochDay(line.startDate);
    const validFrom = Math.max(agreementStart, lineStart);
    const validTo = Math.min(agreementEnd, line.endDate === null ? Infinity : toEpochDay(line.endDate));
    for (const day of occurrences(lineStart, line.interval, Math.max(from, validFrom), Math.min(to, validTo))) {
      if (request.alreadyPlanned?.(line.lineNum, fromEpochDay(day))) continue;
      // R-SO-0: the window never leaves the line's (and agreement's) validity.
      const w = windowAround(day, line.timeWindow);
      candidates.push({ line, day, from: Math.max(w.from, validFrom), to: Math.min(w.to, validTo), key: combineValue(agreement.combineBy, line) ?? '' });
    }
  }
  return combine(agreement, candidates, request.isClosed ?? (() => false));
}

function combineValue(mode: CombineMode, line: PlanningLine<unknown>): string | null {
  switch (mode) {
    case 'agreement':
      return null;
    case 'task':
      return line.taskId;
    case 'employee':
      return line.worker;
    case 'object':
      return line.objectId;
  }
}

/**
 * Greedy grouping per combine key, in date order: the earliest unplanned line fixes the order date
 * (moved to the first open day of its window when its own day is closed), and every other line of
 * the same key whose window holds that date joins the order. Without windows only lines of the
 * same date combine, which is the documented rule.
 */
function combine<D>(agreement: PlanningAgreement<D>, candidates: Candidate<D>[], isClosed: (d: EpochDay) => boolean): PlannedOrder<D>[] {
  const byKey = new Map<string, Candidate<D>[]>();
  for (const c of candidates) {
    const list = byKey.get(c.key);
    if (list) list.push(c);
    else byKey.set(c.key, [c]);
  }
  const orders: PlannedOrder<D>[] = [];
  for (const [key, group] of [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    group.sort((a, b) => a.day - b.day || a.line.lineNum - b.line.lineNum);
    const taken = new Array<boolean>(group.length).fill(false);
    for (let i = 0; i < group.length; i++) {
      if (taken[i]) continue;
      const date = serviceDay(group[i], isClosed);
      const lines: PlannedLine<D>[] = [];
      for (let j = i; j < group.length && group[j].day <= date + 366; j++) {
        if (taken[j] || group[j].from > date || group[j].to < date) continue;
        taken[j] = true;
        lines.push(toPlannedLine(group[j]));
      }
      const value = combineValue(agreement.combineBy, group[i].line);
      const serviceDate = fromEpochDay(date);
      orders.push({
        key: `${agreement.agreementId}|${agreement.combineBy}:${key}|${serviceDate}`,
        agreementId: agreement.agreementId,
        combineBy: agreement.combineBy,
        combineValue: value,
        serviceDate,
        calendarConflict: isClosed(date),
        lines,
      });
    }
  }
  return orders.sort((a, b) => (a.serviceDate < b.serviceDate ? -1 : a.serviceDate > b.serviceDate ? 1 : a.key < b.key ? -1 : 1));
}

/** The calculated day, or the nearest open day of the window when it is closed; else keep it and flag the conflict. */
function serviceDay(c: Candidate<unknown>, isClosed: (d: EpochDay) => boolean): EpochDay {
  if (!isClosed(c.day)) return c.day;
  for (let step = 1; c.day - step >= c.from || c.day + step <= c.to; step++) {
    if (c.day + step <= c.to && !isClosed(c.day + step)) return c.day + step;
    if (c.day - step >= c.from && !isClosed(c.day - step)) return c.day - step;
  }
  return c.day;
}

function toPlannedLine<D>(c: Candidate<D>): PlannedLine<D> {
  // Without a time window the range is the day itself: format it once (generation formats many dates).
  const calculatedDate = fromEpochDay(c.day);
  return {
    lineNum: c.line.lineNum,
    transactionType: c.line.transactionType,
    calculatedDate,
    dateRangeFrom: c.from === c.day ? calculatedDate : fromEpochDay(c.from),
    dateRangeTo: c.to === c.day ? calculatedDate : fromEpochDay(c.to),
    taskId: c.line.taskId,
    objectId: c.line.objectId,
    worker: c.line.worker,
    details: c.line.details,
  };
}
