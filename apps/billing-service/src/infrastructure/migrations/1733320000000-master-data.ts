import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Projects, categories, tax groups and price setup; customers remember the sales version applied. */
export class MasterData1733320000000 implements MigrationInterface {
  name = 'MasterData1733320000000';

  async up(q: QueryRunner): Promise<void> {
    // The last sales.customer.upserted aggregateVersion applied, so an older event never overwrites a newer one.
    await q.query('ALTER TABLE customers ADD COLUMN sales_version integer');
    await q.query(`
      CREATE TABLE tax_groups (
        company    text NOT NULL,
        id         text NOT NULL,
        name       text NOT NULL,
        rate       numeric(9,4) NOT NULL CHECK (rate >= 0 AND rate <= 100),
        version    integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company, id)
      )`);
    await q.query(`
      CREATE TABLE categories (
        company          text NOT NULL,
        id               text NOT NULL,
        name             text NOT NULL,
        transaction_type text NOT NULL CHECK (transaction_type IN ('hour', 'expense', 'item', 'fee')),
        version          integer NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company, id)
      )`);
    await q.query(`
      CREATE TABLE projects (
        company            text NOT NULL,
        id                 text NOT NULL,
        name               text NOT NULL,
        customer_account   text NOT NULL,
        type               text NOT NULL CHECK (type IN ('time-and-material', 'fixed-price', 'internal', 'time')),
        currency           char(3) NOT NULL,
        tax_group          text,
        chargeable_hour    boolean NOT NULL,
        chargeable_expense boolean NOT NULL,
        chargeable_item    boolean NOT NULL,
        chargeable_fee     boolean NOT NULL,
        version            integer NOT NULL,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company, id),
        FOREIGN KEY (company, customer_account) REFERENCES customers (company, account),
        FOREIGN KEY (company, tax_group) REFERENCES tax_groups (company, id)
      )`);
    await q.query(`
      CREATE TABLE prices (
        company     text NOT NULL,
        id          uuid NOT NULL,
        kind        text NOT NULL CHECK (kind IN ('sales', 'cost')),
        project_id  text,
        worker      text,
        category_id text NOT NULL,
        valid_from  date NOT NULL,
        valid_to    date,
        currency    char(3) NOT NULL,
        amount      numeric(18,6) NOT NULL,
        version     integer NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company, id),
        CHECK (valid_to IS NULL OR valid_to >= valid_from),
        FOREIGN KEY (company, project_id) REFERENCES projects (company, id),
        FOREIGN KEY (company, category_id) REFERENCES categories (company, id)
      )`);
    await q.query('CREATE INDEX prices_lookup ON prices (company, kind, category_id, currency, valid_from)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE prices');
    await q.query('DROP TABLE projects');
    await q.query('DROP TABLE categories');
    await q.query('DROP TABLE tax_groups');
    await q.query('ALTER TABLE customers DROP COLUMN sales_version');
  }
}
