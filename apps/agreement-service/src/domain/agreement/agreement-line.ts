import { ValidationError } from '@assistenza/platform/ddd';
import Decimal from 'decimal.js';
import { TRANSACTION_TYPES, type TransactionType } from '../generation/planning.types';
import { assertPeriod } from '../shared/business-date';

/** A line of a service agreement (SMAAgreementLine). */
export interface AgreementLine {
  lineNum: number;
  transactionType: TransactionType;
  description: string;
  worker: string | null;
  categoryId: string;
  /** Decimal string: hours, expense or item quantity. */
  quantity: string;
  itemId: string | null;
  taskId: string | null;
  objectId: string | null;
  intervalId: string | null;
  timeWindowId: string | null;
  startDate: string;
  endDate: string | null;
  /** Time-of-day window, `HH:MM` local to the service address. */
  serviceTimeStartAfter: string | null;
  serviceTimeEndBefore: string | null;
  /** UI "Stopped" (R-AG-3). */
  stopped: boolean;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function validateLine(line: Omit<AgreementLine, 'lineNum'>): void {
  if (!TRANSACTION_TYPES.includes(line.transactionType)) throw new ValidationError(`transactionType must be one of ${TRANSACTION_TYPES.join(', ')}`, 'transactionType');
  if (line.description.trim() === '') throw new ValidationError('description must not be blank', 'description');
  let qty: Decimal;
  try {
    qty = new Decimal(line.quantity);
  } catch {
    throw new ValidationError('quantity must be a decimal number', 'quantity');
  }
  if (qty.isNegative() || qty.decimalPlaces() > 6) throw new ValidationError('quantity must be zero or more with at most 6 decimals', 'quantity');
  if (line.transactionType === 'item' && !line.itemId) throw new ValidationError('an item line needs an itemId', 'itemId');
  assertPeriod(line.startDate, line.endDate, 'startDate', 'endDate');
  for (const field of ['serviceTimeStartAfter', 'serviceTimeEndBefore'] as const) {
    const v = line[field];
    if (v !== null && !HHMM.test(v)) throw new ValidationError(`${field} must be a time as HH:MM`, field);
  }
  if (line.serviceTimeStartAfter && line.serviceTimeEndBefore && line.serviceTimeEndBefore <= line.serviceTimeStartAfter) {
    throw new ValidationError('serviceTimeEndBefore must be after serviceTimeStartAfter', 'serviceTimeEndBefore');
  }
}
