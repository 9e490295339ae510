import { randomBytes } from 'node:crypto';
import { loadServiceConfig, type ServiceConfig } from '@assistenza/platform/config';

/** A run id that keeps concurrent test files apart: own databases, own exchange and queues. */
export function newRunId(): string {
  return randomBytes(4).toString('hex');
}

/**
 * Configuration for a service under test: the real local PostgreSQL and RabbitMQ, a database and an
 * exchange of its own (so parallel test files never see each other's rows or messages).
 */
export function testServiceConfig(service: string, runId: string, overrides: Partial<ServiceConfig> = {}): ServiceConfig {
  const base = loadServiceConfig(service, { port: 0 });
  const exchange = `test.${runId}.events`;
  return {
    ...base,
    port: 0,
    database: { ...base.database, database: `test_${runId}_${service.replace(/-/g, '_')}`, poolSize: 10 },
    broker: { ...base.broker, exchange, deadLetterExchange: `${exchange}.dlx`, deliveryLimit: 3 },
    ...overrides,
  };
}

/** Environment variables that make a spawned service process use the same test resources. */
export function envFor(config: ServiceConfig): Record<string, string> {
  const prefix = config.service.replace(/-service$/, '').replace(/-/g, '_').toUpperCase();
  return {
    [`${prefix}_PORT`]: String(config.port),
    [`${prefix}_DB_NAME`]: config.database.database,
    EVENTS_EXCHANGE: config.broker.exchange,
    EVENTS_DLX: config.broker.deadLetterExchange,
    AMQP_DELIVERY_LIMIT: String(config.broker.deliveryLimit),
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'silent',
  };
}
