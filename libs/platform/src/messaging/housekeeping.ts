import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { outboxBacklog } from '../observability';

const INTERVAL_MS = 5_000;

/**
 * Keeps the platform tables small and the backlog visible. Retention outlives any redelivery or
 * client retry it protects against: published outbox rows 7 days, inbox ids 14 days (a duplicate
 * older than that would be handled again), Idempotency-Keys 24 hours (the IETF draft's example).
 * Deletes are idempotent, so every replica may run this.
 */
export class Housekeeping {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.run(), INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async run(): Promise<void> {
    try {
      const [{ pending }] = await this.dataSource.query('SELECT count(*)::int AS pending FROM outbox WHERE published_at IS NULL');
      outboxBacklog.set(pending);
      await this.dataSource.query(`DELETE FROM outbox WHERE created_at < now() - interval '7 days' AND published_at IS NOT NULL`);
      await this.dataSource.query(`DELETE FROM inbox WHERE received_at < now() - interval '14 days'`);
      await this.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'`);
    } catch (err) {
      this.logger.debug({ err: (err as Error).message }, 'housekeeping skipped');
    }
  }
}
