import { ValidationError } from '@assistenza/platform/ddd';

/**
 * Business dates are plain calendar dates (`YYYY-MM-DD`) with no time of day and no zone: a
 * service date is "the 3rd of April" wherever the calendar that judges it lives (the calendar
 * carries its own time zone for the times of day). Arithmetic runs on whole days since 1970-01-01
 * (UTC), so it never crosses a daylight-saving change.
 */
export type EpochDay = number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Parses a business date, naming `field` when it is not a real `YYYY-MM-DD` date. */
export function toEpochDay(value: string, field = 'date'): EpochDay {
  if (!isIsoDate(value)) throw new ValidationError(`${field} must be a date as YYYY-MM-DD`, field);
  return Date.parse(`${value}T00:00:00Z`) / DAY_MS;
}

export function fromEpochDay(day: EpochDay): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function isoWeekday(day: EpochDay): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function startOfIsoWeek(day: EpochDay): EpochDay {
  return day - (isoWeekday(day) - 1);
}

export function startOfMonth(day: EpochDay): EpochDay {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
}

export function endOfMonth(day: EpochDay): EpochDay {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS - 1;
}

/** Adds calendar months, keeping the day of month or clamping to the month's last day (31 Jan + 1 = 29 Feb). */
export function addMonths(day: EpochDay, months: number): EpochDay {
  const d = new Date(day * DAY_MS);
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1) / DAY_MS;
  return Math.min(first + d.getUTCDate() - 1, endOfMonth(first));
}

/** Checks that an optional end is not before its start, naming the end field. */
export function assertPeriod(start: string, end: string | null, startField: string, endField: string): void {
  const s = toEpochDay(start, startField);
  if (end !== null && toEpochDay(end, endField) < s) throw new ValidationError(`${endField} must not be before ${startField}`, endField);
}
