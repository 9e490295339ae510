import { ValidationError } from '@assistenza/platform/ddd';
import { decimal, plain, type DecimalText } from '../money/money';

export type PriceKind = 'sales' | 'cost';

export interface PriceState {
  company: string;
  id: string;
  kind: PriceKind;
  /** null: the line applies to all projects. */
  projectId: string | null;
  /** null: the line applies to every worker. */
  worker: string | null;
  categoryId: string;
  /** ISO dates (YYYY-MM-DD); validTo null means open-ended. */
  validFrom: string;
  validTo: string | null;
  currency: string;
  amount: DecimalText;
  version: number;
}

/** What may change on a price line: its amount and validity. The key (kind, project, worker, category, currency) never does. */
export interface PriceChanges {
  amount?: DecimalText;
  validFrom?: string;
  /** null: open-ended; undefined: unchanged. */
  validTo?: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One line of the cost or sales price setup (domain.md §4.1: price setup by project, worker and category). */
export class Price {
  private constructor(private current: PriceState) {}

  static create(input: Omit<PriceState, 'version'>): Price {
    return new Price(Price.checked({ ...input, version: 1 }));
  }

  static restore(state: PriceState): Price {
    return new Price({ ...state, amount: plain(state.amount) });
  }

  get state(): Readonly<PriceState> {
    return this.current;
  }

  /** Changes amount and validity; the caller re-checks overlaps with the other lines of the key. */
  change(changes: PriceChanges): void {
    const next = { ...this.current };
    if (changes.amount !== undefined) next.amount = changes.amount;
    if (changes.validFrom !== undefined) next.validFrom = changes.validFrom;
    if (changes.validTo !== undefined) next.validTo = changes.validTo;
    this.current = Price.checked(next);
  }

  markStored(version: number): void {
    this.current = { ...this.current, version };
  }

  /** Same key: kind, project, worker, category and currency. Two lines of one key may not be valid on the same day. */
  sameKey(other: Price): boolean {
    const a = this.state;
    const b = other.state;
    return a.kind === b.kind && a.projectId === b.projectId && a.worker === b.worker && a.categoryId === b.categoryId && a.currency === b.currency;
  }

  /** Another line of the same key sharing at least one day of validity (a line never overlaps itself). */
  overlaps(other: Price): boolean {
    const a = this.state;
    const b = other.state;
    const aEndsBeforeB = a.validTo !== null && a.validTo < b.validFrom;
    const bEndsBeforeA = b.validTo !== null && b.validTo < a.validFrom;
    return a.id !== b.id && this.sameKey(other) && !aEndsBeforeB && !bEndsBeforeA;
  }

  validOn(date: string): boolean {
    return this.state.validFrom <= date && (this.state.validTo === null || date <= this.state.validTo);
  }

  private static checked(s: PriceState): PriceState {
    if (!ISO_DATE.test(s.validFrom)) throw new ValidationError('validFrom must be a date YYYY-MM-DD', 'validFrom');
    if (s.validTo !== null && (!ISO_DATE.test(s.validTo) || s.validTo < s.validFrom)) {
      throw new ValidationError('validTo must be a date YYYY-MM-DD on or after validFrom', 'validTo');
    }
    if (!/^[A-Z]{3}$/.test(s.currency)) throw new ValidationError('currency must be an ISO 4217 code such as USD', 'currency');
    const amount = decimal(s.amount, 'amount');
    if (amount.isNegative()) throw new ValidationError('amount must not be negative', 'amount');
    return { ...s, amount: plain(amount) };
  }
}
