import type { ServiceInterval } from './service-interval';
import type { TimeWindow } from './time-window';

export const TRANSACTION_TYPES = ['hour', 'expense', 'item', 'fee'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

/** "Combine service orders" (SMAGroupServiceOrder): which lines of one date share an order. */
export const COMBINE_MODES = ['agreement', 'task', 'employee', 'object'] as const;
export type CombineMode = (typeof COMBINE_MODES)[number];

/** An agreement line as generation sees it; `details` travels untouched onto the order line. */
export interface PlanningLine<D = unknown> {
  lineNum: number;
  transactionType: TransactionType;
  startDate: string;
  endDate: string | null;
  stopped: boolean;
  interval: ServiceInterval | null;
  timeWindow: TimeWindow | null;
  taskId: string | null;
  objectId: string | null;
  worker: string | null;
  details: D;
}

export interface PlanningAgreement<D = unknown> {
  agreementId: string;
  startDate: string;
  endDate: string | null;
  suspended: boolean;
  isTemplate: boolean;
  combineBy: CombineMode;
  lines: PlanningLine<D>[];
}

export interface PlanRequest {
  /** Service period asked for (inclusive). */
  from: string;
  to: string;
  transactionTypes: readonly TransactionType[];
  /** Fill the gaps of the series from the agreement start, not only [from, to]. */
  continuous: boolean;
  /** Closed days of the calendar in force; absent ⇒ closed days are ignored. */
  isClosed?: (day: number) => boolean;
  /** Lines already planned by an earlier run (agreement line + calculated date); skipped. */
  alreadyPlanned?: (lineNum: number, calculatedDate: string) => boolean;
}

export interface PlannedLine<D = unknown> {
  lineNum: number;
  transactionType: TransactionType;
  /** The date the interval gave (DateCalculated). */
  calculatedDate: string;
  /** The window the line may be served in (DateRangeFrom/To). */
  dateRangeFrom: string;
  dateRangeTo: string;
  taskId: string | null;
  objectId: string | null;
  worker: string | null;
  details: D;
}

export interface PlannedOrder<D = unknown> {
  /** `agreement|mode:value|date`: the same plan always gets the same key, so ids can derive from it. */
  key: string;
  agreementId: string;
  combineBy: CombineMode;
  combineValue: string | null;
  serviceDate: string;
  calendarConflict: boolean;
  lines: PlannedLine<D>[];
}
