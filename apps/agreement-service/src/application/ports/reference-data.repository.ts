import type { Attributes } from '../reference/reference-kinds';

export const REFERENCE_DATA = Symbol('ReferenceDataRepository');

export interface ReferenceRecord {
  company: string;
  code: string;
  description: string;
  attributes: Attributes;
  version: number;
}

/** Setup data of one company, one table per kind; every call is scoped by company. */
export interface ReferenceDataRepository {
  /** A duplicate code is a ConflictError. */
  insert(table: string, record: ReferenceRecord): Promise<void>;
  /** Stores the change if still at `expectedVersion`; returns the new version (412 otherwise). */
  update(table: string, resource: string, record: ReferenceRecord, expectedVersion: number): Promise<number>;
  find(table: string, company: string, code: string): Promise<ReferenceRecord | null>;
  findMany(table: string, company: string, codes: string[]): Promise<ReferenceRecord[]>;
  list(table: string, company: string, limit: number, afterCode: string | null): Promise<ReferenceRecord[]>;
}
