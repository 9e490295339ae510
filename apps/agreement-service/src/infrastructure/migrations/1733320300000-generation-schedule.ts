import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduled generation runs: a run the scheduler starts records the slot it belongs to, and the
 * unique key makes a second run for the same company and slot impossible, whichever replica tries.
 */
export class GenerationSchedule1733320300000 implements MigrationInterface {
  name = 'GenerationSchedule1733320300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE generation_runs ADD COLUMN scheduled_for timestamptz');
    await q.query('CREATE UNIQUE INDEX generation_runs_schedule_slot ON generation_runs (company, scheduled_for) WHERE scheduled_for IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX generation_runs_schedule_slot');
    await q.query('ALTER TABLE generation_runs DROP COLUMN scheduled_for');
  }
}
