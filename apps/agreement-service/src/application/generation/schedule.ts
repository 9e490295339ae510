/** When scheduled generation runs and what it asks for; plain functions of the clock. */
export interface GenerationSchedule {
  /** Length of a slot in minutes: one batch run per company per slot. 0 ⇒ no schedule (the default). */
  everyMinutes: number;
  /** The coming period a scheduled run covers: from the slot's day, this many days. */
  horizonDays: number;
}

export const GENERATION_SCHEDULE = Symbol('GenerationSchedule');

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The epoch minute at which the slot holding `now` starts (slots are aligned to the epoch, so every replica agrees). */
export function slotOf(now: Date, everyMinutes: number): number {
  const minute = Math.floor(now.getTime() / MINUTE);
  return minute - (minute % everyMinutes);
}

/** The period a run of the slot covers: the slot's UTC day and the `horizonDays - 1` days after it. */
export function periodOf(slotMinute: number, horizonDays: number): { from: string; to: string } {
  const day = Math.floor((slotMinute * MINUTE) / DAY) * DAY;
  return { from: new Date(day).toISOString().slice(0, 10), to: new Date(day + (horizonDays - 1) * DAY).toISOString().slice(0, 10) };
}
