import type { AgreementState } from '../../domain/agreement/agreement';
import type { ServiceInterval } from '../../domain/generation/service-interval';
import type { TimeWindow } from '../../domain/generation/time-window';
import type { WorkingCalendar } from '../../domain/generation/working-calendar';

export const GENERATION_STORE = Symbol('GenerationStore');

/** A slice of agreements by id: after `after` (exclusive) up to `upTo` (inclusive); null leaves that end open. */
export interface AgreementRange {
  after: string | null;
  upTo: string | null;
}

export interface GeneratedOrderRow {
  orderId: string;
  agreementId: string;
  serviceDate: string;
  lines: Array<{ lineNum: number; calculatedDate: string }>;
}

/** What generation reads and the keys it records, in the agreement database. */
export interface GenerationStore {
  /** Agreement headers that may generate (not suspended, not templates) in (after, upTo] (null: open), locked, in id order. */
  lockAgreements(company: string, filter: { agreementId: string | null; customerAccount: string | null }, range: AgreementRange): Promise<AgreementState[]>;
  intervals(company: string): Promise<Map<string, ServiceInterval>>;
  timeWindows(company: string): Promise<Map<string, TimeWindow>>;
  calendar(company: string, calendarId: string): Promise<WorkingCalendar | null>;
  /** Keys `agreementId|lineNum|date` of lines already planned for these agreements. */
  plannedLines(company: string, agreementIds: string[]): Promise<Set<string>>;
  /** Records orders, each with its lines; returns the ids that were new (the others existed already). */
  record(company: string, runId: string | null, orders: GeneratedOrderRow[]): Promise<Set<string>>;
  markHasOrders(company: string, agreementIds: string[]): Promise<void>;
}
