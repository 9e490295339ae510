import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { UnitOfWork } from '@assistenza/platform/persistence';
import { GENERATION_RUNS, type GenerationRun, type GenerationRunRepository } from '../ports/generation-run.repository';
import { TRANSACTION_TYPES } from '../../domain/generation/planning.types';
import type { GenerationParams } from './generation-engine';
import { GenerationRuns } from './generation-runs.service';
import { GENERATION_SCHEDULE, periodOf, slotOf, type GenerationSchedule } from './schedule';

/** How often a replica looks at the clock; a new slot is noticed within this time. */
const LOOK_MS = 30_000;

/**
 * Scheduled generation (off unless AGREEMENT_GENERATION_SCHEDULE_MINUTES is set): once per slot,
 * one pending batch run per company for the coming period. Every replica ticks; the slot's
 * advisory lock (`pg_try_advisory_xact_lock`) lets one of them do it and the unique key on
 * (company, slot) makes a second run for the slot impossible even so. The runs are then claimed
 * like any other (FOR UPDATE SKIP LOCKED), so no batch runs twice.
 */
@Injectable()
export class GenerationScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(GenerationScheduler.name);
  private timer: NodeJS.Timeout | undefined;
  private lastSlot: number | null = null;

  constructor(
    @Inject(GENERATION_RUNS) private readonly runs: GenerationRunRepository,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(GenerationRuns) private readonly worker: GenerationRuns,
    @Inject(GENERATION_SCHEDULE) private readonly schedule: GenerationSchedule,
  ) {}

  onApplicationBootstrap(): void {
    if (this.schedule.everyMinutes <= 0) return;
    const look = () => {
      const slot = slotOf(new Date(), this.schedule.everyMinutes);
      if (slot === this.lastSlot) return;
      this.tick().then(
        () => (this.lastSlot = slot),
        (err: Error) => this.log.error(`scheduled generation: ${err.message}`),
      );
    };
    this.timer = setInterval(look, Math.min(LOOK_MS, this.schedule.everyMinutes * 60_000));
    this.timer.unref();
    setImmediate(look);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Creates the runs of the slot holding `now` unless they exist; returns the runs this call created. */
  async tick(now: Date = new Date()): Promise<GenerationRun[]> {
    const { everyMinutes, horizonDays } = this.schedule;
    if (everyMinutes <= 0) return [];
    const slot = slotOf(now, everyMinutes);
    const scheduledFor = new Date(slot * 60_000);
    const params: GenerationParams = { ...periodOf(slot, horizonDays), transactionTypes: [...TRANSACTION_TYPES], continuous: false, calendarId: null, agreementId: null, customerAccount: null };
    const created = await this.uow.transaction(async () => {
      if (!(await this.runs.lockScheduleSlot(slot))) return [];
      return this.runs.insertScheduled({ scheduledFor, params, correlationId: `schedule-${scheduledFor.toISOString()}`, actor: 'scheduler' });
    });
    if (created.length > 0) {
      this.log.log(`scheduled generation ${params.from}..${params.to}: ${created.length} run(s)`);
      this.worker.kick();
    }
    return created;
  }
}
