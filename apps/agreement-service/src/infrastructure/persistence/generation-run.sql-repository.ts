import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@assistenza/platform/persistence';
import type { ChunkResult, GenerationParams } from '../../application/generation/generation-engine';
import type { GenerationRun, GenerationRunRepository } from '../../application/ports/generation-run.repository';
import type { TransactionType } from '../../domain/generation/planning.types';

const COLUMNS = `company, run_id, agreement_id, customer_account, to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to,
  transaction_types, continuous, calendar_id, status, agreements_total, agreements_done, orders_requested, lines_planned, error, correlation_id, actor,
  created_at, started_at, finished_at, scheduled_for, version`;

/** First key of the schedule's advisory locks (the second is the slot's epoch minute). */
export const SCHEDULE_LOCK_CLASS = 0x41475253; // 'AGRS'

/** A worker that has not reported progress for this long is presumed dead; its run may be claimed again. */
const STALE = `interval '5 minutes'`;

interface Row {
  company: string; run_id: string; agreement_id: string | null; customer_account: string | null; period_from: string; period_to: string;
  transaction_types: TransactionType[]; continuous: boolean; calendar_id: string | null; status: GenerationRun['status']; agreements_total: number;
  agreements_done: number; orders_requested: number; lines_planned: number; error: string | null; correlation_id: string; actor: string;
  created_at: Date; started_at: Date | null; finished_at: Date | null; scheduled_for: Date | null; version: number;
}

const toRun = (r: Row): GenerationRun => ({
  company: r.company, runId: r.run_id, status: r.status, agreementsTotal: r.agreements_total, agreementsDone: r.agreements_done,
  ordersRequested: r.orders_requested, linesPlanned: r.lines_planned, error: r.error, correlationId: r.correlation_id, actor: r.actor,
  createdAt: r.created_at.toISOString(), startedAt: r.started_at?.toISOString() ?? null, finishedAt: r.finished_at?.toISOString() ?? null,
  scheduledFor: r.scheduled_for?.toISOString() ?? null, version: r.version,
  params: { from: r.period_from, to: r.period_to, transactionTypes: r.transaction_types, continuous: r.continuous, calendarId: r.calendar_id, agreementId: r.agreement_id, customerAccount: r.customer_account },
});

@Injectable()
export class GenerationRunSqlRepository implements GenerationRunRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {}

  async insert(run: { company: string; runId: string; params: GenerationParams; correlationId: string; actor: string }): Promise<GenerationRun> {
    const p = run.params;
    const [row] = await this.uow.manager.query(
      `INSERT INTO generation_runs (company, run_id, agreement_id, customer_account, period_from, period_to, transaction_types, continuous, calendar_id, correlation_id, actor)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${COLUMNS}`,
      [run.company, run.runId, p.agreementId, p.customerAccount, p.from, p.to, p.transactionTypes, p.continuous, p.calendarId, run.correlationId, run.actor],
    );
    return toRun(row);
  }

  async find(company: string, runId: string): Promise<GenerationRun | null> {
    const [row] = await this.uow.manager.query(`SELECT ${COLUMNS} FROM generation_runs WHERE company = $1 AND run_id = $2`, [company, runId]);
    return row ? toRun(row) : null;
  }

  async lockScheduleSlot(slotMinute: number): Promise<boolean> {
    const [row] = await this.uow.requireTransaction().query('SELECT pg_try_advisory_xact_lock($1::int, $2::int) AS ok', [SCHEDULE_LOCK_CLASS, slotMinute]);
    return row.ok === true;
  }

  async insertScheduled(run: { scheduledFor: Date; params: GenerationParams; correlationId: string; actor: string }): Promise<GenerationRun[]> {
    const p = run.params;
    const rows: Row[] = await this.uow.manager.query(
      `INSERT INTO generation_runs (company, run_id, agreement_id, customer_account, period_from, period_to, transaction_types, continuous, calendar_id, correlation_id, actor, scheduled_for)
       SELECT c.company, gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10
         FROM (SELECT DISTINCT company FROM service_agreements WHERE NOT suspended AND template_group_id IS NULL) AS c
       ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [p.agreementId, p.customerAccount, p.from, p.to, p.transactionTypes, p.continuous, p.calendarId, run.correlationId, run.actor, run.scheduledFor],
    );
    return rows.map(toRun);
  }

  async claim(): Promise<GenerationRun | null> {
    const [rows] = await this.uow.manager.query(
      `UPDATE generation_runs SET status = 'running', started_at = coalesce(started_at, now()), updated_at = now(), version = version + 1
        WHERE (company, run_id) = (
          SELECT company, run_id FROM generation_runs
           WHERE status = 'pending' OR (status = 'running' AND updated_at < now() - ${STALE})
           ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING ${COLUMNS}`,
    );
    return rows.length ? toRun(rows[0]) : null;
  }

  async countAgreements(company: string, p: GenerationParams): Promise<number> {
    const [row] = await this.uow.manager.query(
      `SELECT count(*)::int AS n FROM service_agreements WHERE company = $1 AND NOT suspended AND template_group_id IS NULL
         AND ($2::text IS NULL OR agreement_id = $2) AND ($3::text IS NULL OR customer_account = $3)`,
      [company, p.agreementId, p.customerAccount],
    );
    return row.n;
  }

  async sliceBounds(company: string, p: GenerationParams, size: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.uow.manager.query(
      `SELECT id FROM (
         SELECT agreement_id AS id, row_number() OVER (ORDER BY agreement_id) AS n FROM service_agreements
          WHERE company = $1 AND NOT suspended AND template_group_id IS NULL AND ($2::text IS NULL OR agreement_id = $2) AND ($3::text IS NULL OR customer_account = $3)
       ) AS numbered WHERE n % $4 = 0 ORDER BY id`,
      [company, p.agreementId, p.customerAccount, size],
    );
    return rows.map((r) => r.id);
  }

  async setTotal(company: string, runId: string, total: number): Promise<void> {
    await this.uow.manager.query('UPDATE generation_runs SET agreements_total = $3, updated_at = now() WHERE company = $1 AND run_id = $2', [company, runId, total]);
  }

  async progress(company: string, runId: string, c: ChunkResult): Promise<void> {
    await this.uow.manager.query(
      `UPDATE generation_runs SET agreements_done = agreements_done + $3, orders_requested = orders_requested + $4, lines_planned = lines_planned + $5,
              updated_at = now(), version = version + 1 WHERE company = $1 AND run_id = $2`,
      [company, runId, c.agreements, c.ordersRequested, c.linesPlanned],
    );
  }

  async finish(company: string, runId: string, status: 'completed' | 'failed', error: string | null): Promise<void> {
    await this.uow.manager.query(
      'UPDATE generation_runs SET status = $3, error = $4, finished_at = now(), updated_at = now(), version = version + 1 WHERE company = $1 AND run_id = $2',
      [company, runId, status, error],
    );
  }
}
