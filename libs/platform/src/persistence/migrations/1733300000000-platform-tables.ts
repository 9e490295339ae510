import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables every service has: the outbox, the inbox and the Idempotency-Key store. */
export class PlatformTables1733300000000 implements MigrationInterface {
  name = 'PlatformTables1733300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        seq             bigserial PRIMARY KEY,
        event_id        uuid NOT NULL UNIQUE,
        routing_key     text NOT NULL,
        aggregate_type  text NOT NULL,
        aggregate_id    text NOT NULL,
        correlation_id  text NOT NULL,
        body            text NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        published_at    timestamptz,
        -- How many times the row was sent: above 1 after a relay crashed between confirm and commit.
        attempts        integer NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX outbox_pending ON outbox (seq) WHERE published_at IS NULL`);
    // Wake the relay as soon as a transaction that wrote events commits (NOTIFY is delivered on commit).
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('outbox', ''); RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
    // BRIN: rows arrive in time order, so retention deletes find them at almost no cost per insert.
    await q.query(`CREATE INDEX outbox_created_at ON outbox USING brin (created_at)`);
    await q.query(`
      CREATE TABLE inbox (
        consumer    text NOT NULL,
        event_id    uuid NOT NULL,
        event_type  text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    await q.query(`CREATE INDEX inbox_received_at ON inbox USING brin (received_at)`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        company          text NOT NULL,
        key              text NOT NULL,
        request_hash     text NOT NULL,
        response_status  integer,
        response_headers jsonb,
        response_body    text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_created_at ON idempotency_keys USING brin (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE idempotency_keys');
    await q.query('DROP TABLE inbox');
    await q.query('DROP TRIGGER outbox_notify ON outbox');
    await q.query('DROP FUNCTION outbox_notify()');
    await q.query('DROP TABLE outbox');
  }
}
