import { ValidationError } from '@assistenza/platform/ddd';
import { isIsoDate, isoWeekday, toEpochDay, type EpochDay } from '../shared/business-date';

/** Working hours of one ISO weekday (1 = Monday), `HH:MM` local to the calendar's time zone. */
export interface WorkingHours {
  weekday: number;
  from: string;
  to: string;
}

/**
 * A working calendar: weekdays with hours are open, the others closed, and closed days override
 * both. Hours are local times in `timeZone` (IANA); dates are business dates in that zone.
 */
export interface WorkingCalendar {
  timeZone: string;
  workingHours: WorkingHours[];
  closedDays: string[];
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function validateCalendar(calendar: WorkingCalendar): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: calendar.timeZone });
  } catch {
    throw new ValidationError('timeZone must be an IANA time zone such as Europe/Rome', 'timeZone');
  }
  calendar.workingHours.forEach((h, i) => {
    if (!Number.isInteger(h.weekday) || h.weekday < 1 || h.weekday > 7) throw new ValidationError('weekday must be 1 (Monday) to 7 (Sunday)', `workingHours.${i}.weekday`);
    if (!HHMM.test(h.from) || !HHMM.test(h.to) || h.to <= h.from) throw new ValidationError('working hours need from < to as HH:MM', `workingHours.${i}.to`);
  });
  calendar.closedDays.forEach((d, i) => {
    if (!isIsoDate(d)) throw new ValidationError('closed days must be dates as YYYY-MM-DD', `closedDays.${i}`);
  });
}

/** A predicate for "this day is closed", built once per generation run. */
export function closedDayPredicate(calendar: WorkingCalendar | null): (day: EpochDay) => boolean {
  if (calendar === null) return () => false;
  const open = new Set(calendar.workingHours.map((h) => h.weekday));
  const closed = new Set(calendar.closedDays.map((d) => toEpochDay(d)));
  return (day) => closed.has(day) || !open.has(isoWeekday(day));
}
