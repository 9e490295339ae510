import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Service orders and lines (SMAServiceOrderTable / SMAServiceOrderLine). Columns for stages, SLA,
 * sign-off and posting exist now (nullable or defaulted) so those features add behaviour, not rework.
 */
export class ServiceOrders1733330100000 implements MigrationInterface {
  name = 'ServiceOrders1733330100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE SEQUENCE service_order_number_seq');
    await q.query(`
      CREATE TABLE service_orders (
        company              text NOT NULL,
        service_order_id     uuid NOT NULL,
        order_number         text NOT NULL,
        description          text NOT NULL,
        agreement_id         text,
        project_id           text NOT NULL,
        customer_account     text NOT NULL,
        service_date         date,
        origin               text NOT NULL CHECK (origin IN ('system', 'user', 'web')),
        progress             text NOT NULL DEFAULT 'in-process' CHECK (progress IN ('in-process', 'posted', 'canceled')),
        priority             text NOT NULL DEFAULT 'normal',
        stage_id             text,
        sla_id               text,
        sla_status           text NOT NULL DEFAULT 'none',
        calendar_conflict    boolean NOT NULL DEFAULT false,
        responsible          text,
        preferred_technician text,
        contact              text,
        signed_off_at        timestamptz,
        generation_run_id    uuid,
        version              integer NOT NULL,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company, service_order_id),
        UNIQUE (company, order_number)
      )`);
    await q.query('CREATE INDEX service_orders_agreement ON service_orders (company, agreement_id, service_order_id)');
    await q.query('CREATE INDEX service_orders_customer ON service_orders (company, customer_account, service_order_id)');
    await q.query(`
      CREATE TABLE service_order_lines (
        company                  text NOT NULL,
        service_order_id         uuid NOT NULL,
        line_num                 integer NOT NULL,
        status                   text NOT NULL DEFAULT 'created' CHECK (status IN ('created', 'posted', 'canceled')),
        origin                   text NOT NULL,
        agreement_id             text,
        agreement_line_num       integer,
        transaction_type         text NOT NULL,
        description              text NOT NULL,
        worker                   text,
        category_id              text NOT NULL,
        quantity                 numeric(21, 6) NOT NULL,
        item_id                  text,
        task_id                  text,
        object_id                text,
        date_calculated          date,
        date_execution           date,
        date_range_from          date,
        date_range_to            date,
        service_time_start_after text,
        service_time_end_before  text,
        signed_off               boolean NOT NULL DEFAULT false,
        posted_at                timestamptz,
        PRIMARY KEY (company, service_order_id, line_num),
        FOREIGN KEY (company, service_order_id) REFERENCES service_orders (company, service_order_id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE service_order_object_relations (
        company text NOT NULL, service_order_id uuid NOT NULL, object_id text NOT NULL, reference text,
        PRIMARY KEY (company, service_order_id, object_id),
        FOREIGN KEY (company, service_order_id) REFERENCES service_orders (company, service_order_id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE service_order_task_relations (
        company text NOT NULL, service_order_id uuid NOT NULL, task_id text NOT NULL, internal_note text, external_note text, from_agreement boolean NOT NULL,
        PRIMARY KEY (company, service_order_id, task_id),
        FOREIGN KEY (company, service_order_id) REFERENCES service_orders (company, service_order_id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['service_order_task_relations', 'service_order_object_relations', 'service_order_lines', 'service_orders']) await q.query(`DROP TABLE ${t}`);
    await q.query('DROP SEQUENCE service_order_number_seq');
  }
}
