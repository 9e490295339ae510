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

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** `YYYY-MM-DD` of an epoch day (years 0-9999); arithmetic, not Date, as generation formats many dates. */
export function fromEpochDay(day: EpochDay): string {
  // Civil date from days since 1970-01-01 (H. Hinnant's algorithm, proleptic Gregorian).
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
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
