import type { GenerationParams, ChunkResult } from '../generation/generation-engine';

export const GENERATION_RUNS = Symbol('GenerationRunRepository');

export type RunStatus = 'pending' | 'running' | 'completed' | 'failed';

export interface GenerationRun {
  company: string;
  runId: string;
  params: GenerationParams;
  status: RunStatus;
  agreementsTotal: number;
  agreementsDone: number;
  ordersRequested: number;
  linesPlanned: number;
  error: string | null;
  correlationId: string;
  actor: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Start of the schedule slot that created the run; null for a run started through the API. */
  scheduledFor: string | null;
  version: number;
}

export interface GenerationRunRepository {
  insert(run: { company: string; runId: string; params: GenerationParams; correlationId: string; actor: string }): Promise<GenerationRun>;
  find(company: string, runId: string): Promise<GenerationRun | null>;
  /**
   * Takes the transaction-scoped advisory lock of a schedule slot without waiting; false when
   * another replica holds it. Must run inside a transaction.
   */
  lockScheduleSlot(slotMinute: number): Promise<boolean>;
  /** One pending run per company that has agreements which may generate, unless the slot has its run already. */
  insertScheduled(run: { scheduledFor: Date; params: GenerationParams; correlationId: string; actor: string }): Promise<GenerationRun[]>;
  /** Claims the oldest pending run (or one whose worker went silent), skipping rows other replicas hold. */
  claim(): Promise<GenerationRun | null>;
  countAgreements(company: string, params: GenerationParams): Promise<number>;
  /** Ids that cut the run's agreements into slices of `size` (every size-th id, in id order). */
  sliceBounds(company: string, params: GenerationParams, size: number): Promise<string[]>;
  setTotal(company: string, runId: string, total: number): Promise<void>;
  progress(company: string, runId: string, chunk: ChunkResult): Promise<void>;
  finish(company: string, runId: string, status: 'completed' | 'failed', error: string | null): Promise<void>;
}
