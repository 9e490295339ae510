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
  version: number;
}

export interface GenerationRunRepository {
  insert(run: { company: string; runId: string; params: GenerationParams; correlationId: string; actor: string }): Promise<GenerationRun>;
  find(company: string, runId: string): Promise<GenerationRun | null>;
  /** Claims the oldest pending run (or one whose worker went silent), skipping rows other replicas hold. */
  claim(): Promise<GenerationRun | null>;
  countAgreements(company: string, params: GenerationParams): Promise<number>;
  setTotal(company: string, runId: string, total: number): Promise<void>;
  progress(company: string, runId: string, chunk: ChunkResult): Promise<void>;
  finish(company: string, runId: string, status: 'completed' | 'failed', error: string | null): Promise<void>;
}
