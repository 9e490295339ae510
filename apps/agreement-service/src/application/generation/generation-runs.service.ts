import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { BusinessRuleViolation, NotFoundError } from '@assistenza/platform/ddd';
import { requestContext } from '@assistenza/platform/observability';
import { validatePlanRequest } from '../../domain/generation/plan-service-orders';
import { AGREEMENT_REPOSITORY, type AgreementRepository } from '../ports/agreement.repository';
import { GENERATION_RUNS, type GenerationRun, type GenerationRunRepository } from '../ports/generation-run.repository';
import { GenerationEngine, type GenerationParams } from './generation-engine';

/**
 * Agreements per transaction (one slice). 200 (2,400 orders of the benchmark's agreements) needs a
 * quarter of the statements and commits per order that 50 did; locks are still held well under a second.
 */
const SLICE = 200;
/**
 * Slices of one run in flight at once: while one transaction waits on PostgreSQL, the next is
 * planned. With three, Node is busy nearly all the time; with two, both often waited at once.
 */
const WORKERS = 3;
const POLL_MS = 2_000;

/**
 * Batch generation runs: POST records a pending run; a worker in any replica claims it
 * (`FOR UPDATE SKIP LOCKED`, so two replicas never run the same batch) and works through the
 * agreements in chunks, recording progress. Re-running is safe: generation skips what exists.
 */
@Injectable()
export class GenerationRuns implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private working: Promise<void> | null = null;
  private stopping = false;

  constructor(
    @Inject(GENERATION_RUNS) private readonly runs: GenerationRunRepository,
    @Inject(AGREEMENT_REPOSITORY) private readonly agreements: AgreementRepository,
    @Inject(GenerationEngine) private readonly engine: GenerationEngine,
  ) {}

  async start(params: GenerationParams): Promise<GenerationRun> {
    validatePlanRequest(params);
    const ctx = requestContext.require();
    if (params.agreementId) {
      const agreement = await this.agreements.find(ctx.company, params.agreementId);
      if (!agreement) throw new NotFoundError('Service agreement', params.agreementId);
      // R-AG-2, R-TP-1: asked for one agreement by name, say why nothing would come of it.
      if (agreement.snapshot().suspended) throw new BusinessRuleViolation(`Agreement ${params.agreementId} is suspended`, 'agreementId');
      if (agreement.isTemplate) throw new BusinessRuleViolation(`Agreement ${params.agreementId} is a template; templates never generate orders`, 'agreementId');
    }
    const run = await this.runs.insert({ company: ctx.company, runId: randomUUID(), params, correlationId: ctx.correlationId, actor: ctx.actor });
    setImmediate(() => this.kick());
    return run;
  }

  async get(runId: string): Promise<GenerationRun> {
    const run = /^[0-9a-f-]{36}$/i.test(runId) ? await this.runs.find(requestContext.require().company, runId) : null;
    if (!run) throw new NotFoundError('Generation run', runId);
    return run;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.working;
  }

  /** Works through claimable runs one after another; a no-op while already working. */
  kick(): void {
    if (this.working || this.stopping) return;
    this.working = this.drain().finally(() => (this.working = null));
  }

  private async drain(): Promise<void> {
    for (let run = await this.runs.claim(); run && !this.stopping; run = await this.runs.claim()) {
      const { company, runId } = run;
      await this.execute(run).catch((err: Error) => this.runs.finish(company, runId, 'failed', err.message));
    }
  }

  /**
   * Cuts the run's agreements into slices of SLICE by id and works through them with WORKERS
   * transactions at a time; slices are disjoint, so their agreement locks never meet.
   */
  private execute(run: GenerationRun): Promise<void> {
    const ctx = { correlationId: run.correlationId, causationId: null, company: run.company, actor: run.actor, roles: [], customerAccount: null };
    return requestContext.run(ctx, async () => {
      const { company, runId, params } = run;
      await this.runs.setTotal(company, runId, await this.runs.countAgreements(company, params));
      const bounds = await this.runs.sliceBounds(company, params, SLICE);
      const slices = [...bounds, null].map((upTo, i) => ({ after: i === 0 ? null : bounds[i - 1], upTo }));
      let next = 0;
      let failed = false;
      const worker = async () => {
        // Stopping leaves the run running; the next replica reclaims it once stale and re-runs it (nothing twice).
        while (next < slices.length && !failed && !this.stopping) {
          const chunk = await this.engine.generateChunk(company, params, runId, slices[next++]).catch((err: Error) => {
            failed = true;
            throw err;
          });
          if (chunk.agreements > 0) await this.runs.progress(company, runId, chunk);
        }
      };
      // Settle all before reporting, so no slice is still writing once the run is marked failed.
      const outcomes = await Promise.allSettled(Array.from({ length: WORKERS }, worker));
      const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      if (failure) throw failure.reason;
      if (!this.stopping) await this.runs.finish(company, runId, 'completed', null);
    });
  }
}
