import { ValidationError } from '@assistenza/platform/ddd';
import { addMonths, type EpochDay } from '../shared/business-date';

export const INTERVAL_UNITS = ['day', 'week', 'month', 'year'] as const;
export type IntervalUnit = (typeof INTERVAL_UNITS)[number];

/** A service interval: range × frequency, e.g. day × 10 = every ten days (SMAAgreementInterval). */
export interface ServiceInterval {
  unit: IntervalUnit;
  frequency: number;
}

export function validateInterval(interval: ServiceInterval): void {
  if (!INTERVAL_UNITS.includes(interval.unit)) throw new ValidationError(`unit must be one of ${INTERVAL_UNITS.join(', ')}`, 'unit');
  if (!Number.isInteger(interval.frequency) || interval.frequency < 1) throw new ValidationError('frequency must be a whole number of at least 1', 'frequency');
}

/**
 * The calculated dates of a line inside [from, to]: stepping from the line's own start date by the
 * interval (§2.3 step 4), so the series does not depend on the period asked for. A line without an
 * interval is a one-time event on its start date.
 */
export function occurrences(lineStart: EpochDay, interval: ServiceInterval | null, from: EpochDay, to: EpochDay): EpochDay[] {
  if (from > to) return [];
  if (interval === null) return lineStart >= from && lineStart <= to ? [lineStart] : [];
  const days = interval.unit === 'day' ? interval.frequency : interval.unit === 'week' ? 7 * interval.frequency : 0;
  const out: EpochDay[] = [];
  if (days > 0) {
    const first = lineStart + Math.max(0, Math.ceil((from - lineStart) / days)) * days;
    for (let d = first; d <= to; d += days) out.push(d);
    return out;
  }
  const months = interval.unit === 'month' ? interval.frequency : 12 * interval.frequency;
  // Skip whole steps cheaply, then walk; each date is computed from the start (no day-of-month drift).
  let k = Math.max(0, Math.floor(((from - lineStart) / 31) / months) - 1);
  for (let d = addMonths(lineStart, k * months); d <= to; d = addMonths(lineStart, ++k * months)) {
    if (d >= from) out.push(d);
  }
  return out;
}
