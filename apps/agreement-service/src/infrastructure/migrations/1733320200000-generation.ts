import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Generation1733320200000 implements MigrationInterface {
  name = 'Generation1733320200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE generation_runs (
        company           text NOT NULL,
        run_id            uuid NOT NULL,
        agreement_id      text,
        customer_account  text,
        period_from       date NOT NULL,
        period_to         date NOT NULL CHECK (period_to >= period_from),
        transaction_types text[] NOT NULL,
        continuous        boolean NOT NULL,
        calendar_id       text,
        status            text NOT NULL DEFAULT 'pending',
        agreements_total  integer NOT NULL DEFAULT 0,
        agreements_done   integer NOT NULL DEFAULT 0,
        orders_requested  integer NOT NULL DEFAULT 0,
        lines_planned     integer NOT NULL DEFAULT 0,
        error             text,
        correlation_id    text NOT NULL,
        actor             text NOT NULL,
        version           integer NOT NULL DEFAULT 1,
        created_at        timestamptz NOT NULL DEFAULT now(),
        started_at        timestamptz,
        finished_at       timestamptz,
        updated_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company, run_id)
      )`);
    await q.query(`CREATE INDEX generation_runs_pending ON generation_runs (created_at) WHERE status = 'pending'`);
    // One row per planned order and per planned line: the unique keys make re-runs and overlapping
    // runs publish nothing twice, and "continuous" finds the gaps.
    await q.query(`
      CREATE TABLE generated_orders (
        company      text NOT NULL,
        order_id     uuid NOT NULL,
        agreement_id text NOT NULL,
        service_date date NOT NULL,
        run_id       uuid,
        created_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company, order_id)
      )`);
    await q.query(`
      CREATE TABLE generated_lines (
        company         text NOT NULL,
        agreement_id    text NOT NULL,
        line_num        integer NOT NULL,
        calculated_date date NOT NULL,
        order_id        uuid NOT NULL,
        PRIMARY KEY (company, agreement_id, line_num, calculated_date)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['generated_lines', 'generated_orders', 'generation_runs']) await q.query(`DROP TABLE ${t}`);
  }
}
