import type { Agreement } from '../../domain/agreement/agreement';
import type { AgreementLine } from '../../domain/agreement/agreement-line';

export const AGREEMENT_REPOSITORY = Symbol('AgreementRepository');

export interface ObjectRelation {
  objectId: string;
  reference: string | null;
}

export interface TaskRelation {
  taskId: string;
  internalNote: string | null;
  externalNote: string | null;
}

export interface AgreementFilter {
  customerAccount?: string | null;
  agreementId?: string | null;
  /** Only the templates of this template group. */
  templateGroupId?: string | null;
}

/** Service agreements with their lines and relations; every call is scoped by company. */
export interface AgreementRepository {
  insert(agreement: Agreement): Promise<void>;
  /** Stores header changes if still at `expectedVersion`; returns the new version. */
  update(agreement: Agreement, expectedVersion: number): Promise<number>;
  /** Locks the header row for the rest of the transaction (generation, line changes). */
  find(company: string, agreementId: string, lock?: boolean): Promise<Agreement | null>;
  list(company: string, filter: AgreementFilter, limit: number, afterId: string | null): Promise<Agreement[]>;
  lines(company: string, agreementIds: string[]): Promise<Map<string, AgreementLine[]>>;
  insertLine(company: string, agreementId: string, line: Omit<AgreementLine, 'lineNum'>): Promise<AgreementLine>;
  /** Appends lines after the agreement's last line number, in one statement; the caller holds the header lock. */
  insertLines(company: string, agreementId: string, lines: readonly Omit<AgreementLine, 'lineNum'>[]): Promise<AgreementLine[]>;
  setLineStopped(company: string, agreementId: string, lineNum: number, stopped: boolean): Promise<boolean>;
  objectRelations(company: string, agreementIds: string[]): Promise<Map<string, ObjectRelation[]>>;
  taskRelations(company: string, agreementIds: string[]): Promise<Map<string, TaskRelation[]>>;
  addObjectRelation(company: string, agreementId: string, relation: ObjectRelation): Promise<void>;
  addTaskRelation(company: string, agreementId: string, relation: TaskRelation): Promise<void>;
  /** Adds the source's object and task relations to the target's, keeping relations the target has; counts those added. */
  copyRelations(company: string, fromAgreementId: string, toAgreementId: string): Promise<{ objects: number; tasks: number }>;
}
