import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Technicians1733330200000 implements MigrationInterface {
  name = 'Technicians1733330200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE technicians (
        company          text NOT NULL,
        personnel_number text NOT NULL,
        name             text NOT NULL,
        dispatch_team    text,
        calendar         text,
        is_technician    boolean NOT NULL,
        terminated_on    date,
        source_version   integer NOT NULL,
        replicated_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company, personnel_number)
      )`);
    await q.query('CREATE INDEX technicians_by_team ON technicians (company, dispatch_team, personnel_number)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE technicians');
  }
}
