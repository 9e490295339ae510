import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Folds `generated_lines` into `generated_orders`: an order's planned lines become two parallel
 * arrays on its row (line numbers, calculated dates). Generation wrote three rows and three index
 * entries per order of two lines; it now writes one of each, and the statement costs PostgreSQL
 * about a third of the CPU it did (agreement-generation benchmark).
 *
 * Dedupe stays per order: the order id is unique per company. The key becomes
 * (company, agreement_id, order_id) so that "which lines of these agreements are planned" is a
 * range scan of the same index. That is no weaker than (company, order_id): the id is the UUIDv5
 * of `company|agreement|…` and agreement ids cannot hold `|`, so one id never belongs to two
 * agreements. A line is not planned twice because generation locks its agreement and reads the
 * planned lines before planning (an overlapping run waits on the lock, then sees them).
 */
export class GeneratedOrderLines1733320400000 implements MigrationInterface {
  name = 'GeneratedOrderLines1733320400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE generated_orders ADD COLUMN line_nums integer[], ADD COLUMN calculated_dates date[]');
    await q.query(`
      UPDATE generated_orders g SET line_nums = l.nums, calculated_dates = l.dates
        FROM (SELECT company, order_id, array_agg(line_num ORDER BY line_num, calculated_date) AS nums, array_agg(calculated_date ORDER BY line_num, calculated_date) AS dates
                FROM generated_lines GROUP BY company, order_id) AS l
       WHERE g.company = l.company AND g.order_id = l.order_id`);
    await q.query(`UPDATE generated_orders SET line_nums = '{}', calculated_dates = '{}' WHERE line_nums IS NULL`);
    await q.query('ALTER TABLE generated_orders ALTER COLUMN line_nums SET NOT NULL, ALTER COLUMN calculated_dates SET NOT NULL');
    await q.query('ALTER TABLE generated_orders DROP CONSTRAINT generated_orders_pkey, ADD PRIMARY KEY (company, agreement_id, order_id)');
    await q.query('DROP TABLE generated_lines');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE generated_lines (
        company         text NOT NULL,
        agreement_id    text NOT NULL,
        line_num        integer NOT NULL,
        calculated_date date NOT NULL,
        order_id        uuid NOT NULL,
        PRIMARY KEY (company, agreement_id, line_num, calculated_date)
      )`);
    await q.query(`
      INSERT INTO generated_lines (company, agreement_id, line_num, calculated_date, order_id)
      SELECT g.company, g.agreement_id, l.n, l.d, g.order_id FROM generated_orders g, unnest(g.line_nums, g.calculated_dates) AS l(n, d)
      ON CONFLICT DO NOTHING`);
    await q.query('ALTER TABLE generated_orders DROP CONSTRAINT generated_orders_pkey, ADD PRIMARY KEY (company, order_id)');
    await q.query('ALTER TABLE generated_orders DROP COLUMN line_nums, DROP COLUMN calculated_dates');
  }
}
