import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CustomerReplica1733320000000 implements MigrationInterface {
  name = 'CustomerReplica1733320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customer_replica (
        company        text NOT NULL,
        account        text NOT NULL,
        name           text NOT NULL,
        currency       char(3) NOT NULL,
        blocked        boolean NOT NULL,
        source_version integer NOT NULL,
        replicated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company, account)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE customer_replica');
  }
}
