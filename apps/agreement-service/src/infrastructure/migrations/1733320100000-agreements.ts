import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reference tables share one shape; kind-specific attributes are validated by the domain on write. */
export const REFERENCE_TABLES = [
  'agreement_groups',
  'service_intervals',
  'time_windows',
  'service_tasks',
  'service_object_groups',
  'service_objects',
  'template_groups',
  'service_level_agreements',
  'calendars',
] as const;

export class Agreements1733320100000 implements MigrationInterface {
  name = 'Agreements1733320100000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of REFERENCE_TABLES) {
      await q.query(`
        CREATE TABLE ${table} (
          company     text NOT NULL,
          code        text NOT NULL,
          description text NOT NULL,
          attributes  jsonb NOT NULL DEFAULT '{}',
          version     integer NOT NULL,
          created_at  timestamptz NOT NULL DEFAULT now(),
          updated_at  timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (company, code)
        )`);
    }
    await q.query(`
      CREATE TABLE project_replica (
        company          text NOT NULL,
        project_id       text NOT NULL,
        customer_account text NOT NULL,
        project_type     text NOT NULL,
        currency         char(3) NOT NULL,
        source_version   integer NOT NULL,
        replicated_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company, project_id)
      )`);
    await q.query(`
      CREATE TABLE service_agreements (
        company              text NOT NULL,
        agreement_id         text NOT NULL,
        description          text NOT NULL,
        project_id           text NOT NULL,
        customer_account     text NOT NULL,
        group_id             text NOT NULL,
        start_date           date NOT NULL,
        end_date             date CHECK (end_date IS NULL OR end_date >= start_date),
        suspended            boolean NOT NULL DEFAULT false,
        combine_by           text NOT NULL,
        sla_id               text,
        template_group_id    text,
        responsible          text,
        preferred_technician text,
        contact              text,
        has_orders           boolean NOT NULL DEFAULT false,
        version              integer NOT NULL,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company, agreement_id)
      )`);
    await q.query('CREATE INDEX service_agreements_customer ON service_agreements (company, customer_account, agreement_id)');
    await q.query(`
      CREATE TABLE agreement_lines (
        company                  text NOT NULL,
        agreement_id             text NOT NULL,
        line_num                 integer NOT NULL,
        transaction_type         text NOT NULL,
        description              text NOT NULL,
        worker                   text,
        category_id              text NOT NULL,
        quantity                 numeric(21, 6) NOT NULL,
        item_id                  text,
        task_id                  text,
        object_id                text,
        interval_id              text,
        time_window_id           text,
        start_date               date NOT NULL,
        end_date                 date CHECK (end_date IS NULL OR end_date >= start_date),
        service_time_start_after text,
        service_time_end_before  text,
        stopped                  boolean NOT NULL DEFAULT false,
        PRIMARY KEY (company, agreement_id, line_num),
        FOREIGN KEY (company, agreement_id) REFERENCES service_agreements (company, agreement_id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE agreement_object_relations (
        company      text NOT NULL,
        agreement_id text NOT NULL,
        object_id    text NOT NULL,
        reference    text,
        PRIMARY KEY (company, agreement_id, object_id),
        FOREIGN KEY (company, agreement_id) REFERENCES service_agreements (company, agreement_id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE agreement_task_relations (
        company       text NOT NULL,
        agreement_id  text NOT NULL,
        task_id       text NOT NULL,
        internal_note text,
        external_note text,
        PRIMARY KEY (company, agreement_id, task_id),
        FOREIGN KEY (company, agreement_id) REFERENCES service_agreements (company, agreement_id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['agreement_task_relations', 'agreement_object_relations', 'agreement_lines', 'service_agreements', 'project_replica', ...REFERENCE_TABLES]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
