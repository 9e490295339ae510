import { ValidationError } from '@assistenza/platform/ddd';
import { endOfMonth, startOfIsoWeek, startOfMonth, type EpochDay } from '../shared/business-date';

export const TIME_WINDOW_METHODS = ['week', 'month', 'manual'] as const;
export type TimeWindowMethod = (typeof TIME_WINDOW_METHODS)[number];

/** How far a planned line may move from its calculated date (SMATimeAgreement). */
export interface TimeWindow {
  method: TimeWindowMethod;
  daysBefore: number;
  daysAfter: number;
}

export function validateTimeWindow(window: TimeWindow): void {
  if (!TIME_WINDOW_METHODS.includes(window.method)) throw new ValidationError(`method must be one of ${TIME_WINDOW_METHODS.join(', ')}`, 'method');
  for (const field of ['daysBefore', 'daysAfter'] as const) {
    const n = window[field];
    if (!Number.isInteger(n) || n < 0 || n > 366) throw new ValidationError(`${field} must be a whole number from 0 to 366`, field);
    if (window.method !== 'manual' && n !== 0) throw new ValidationError(`${field} applies only to the manual method`, field);
  }
}

/** The days a line calculated on `day` may be served: its ISO week, its month, or ± N days; none ⇒ that day only. */
export function windowAround(day: EpochDay, window: TimeWindow | null): { from: EpochDay; to: EpochDay } {
  if (window === null) return { from: day, to: day };
  switch (window.method) {
    case 'week':
      return { from: startOfIsoWeek(day), to: startOfIsoWeek(day) + 6 };
    case 'month':
      return { from: startOfMonth(day), to: endOfMonth(day) };
    case 'manual':
      return { from: day - window.daysBefore, to: day + window.daysAfter };
  }
}
