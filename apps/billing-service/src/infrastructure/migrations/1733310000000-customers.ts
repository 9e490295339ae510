import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Customers1733310000000 implements MigrationInterface {
  name = 'Customers1733310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customers (
        company              text NOT NULL,
        account              text NOT NULL,
        name                 text NOT NULL,
        currency             char(3) NOT NULL,
        customer_price_group text,
        address              text,
        blocked              boolean NOT NULL DEFAULT false,
        version              integer NOT NULL,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company, account)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE customers');
  }
}
