import { env, envBool, envInt } from './env';

export interface DatabaseConfig {
  host: string;
  port: number;
  user: string;
  password: string | undefined;
  database: string;
  poolSize: number;
}

export interface BrokerConfig {
  url: string;
  exchange: string;
  deadLetterExchange: string;
  prefetch: number;
  /** Deliveries of one message before it is dead-lettered as repeatedly failing. */
  deliveryLimit: number;
}

export interface ServiceConfig {
  service: string;
  port: number;
  host: string;
  database: DatabaseConfig;
  broker: BrokerConfig;
  /** Whether this process drains its outbox (every replica may; SKIP LOCKED keeps them apart). */
  outboxRelay: boolean;
}

/**
 * Configuration of one service process. `<PREFIX>_` variables (e.g. BILLING_DB_NAME) win over the
 * shared ones (DB_HOST, AMQP_URL), so one environment file can describe the whole system.
 */
export function loadServiceConfig(service: string, defaults: { port: number }): ServiceConfig {
  const prefix = service.replace(/-service$/, '').replace(/-/g, '_').toUpperCase();
  const scoped = (name: string, fallback?: string) => env(`${prefix}_${name}`, process.env[name] || fallback);
  return {
    service,
    port: Number(scoped('PORT', String(defaults.port))),
    host: env('HOST', '127.0.0.1'),
    database: {
      host: scoped('DB_HOST', '127.0.0.1'),
      port: Number(scoped('DB_PORT', '5432')),
      user: scoped('DB_USER', 'postgres'),
      password: process.env[`${prefix}_DB_PASSWORD`] ?? process.env['DB_PASSWORD'],
      database: scoped('DB_NAME', `assistenza_${prefix.toLowerCase()}`),
      poolSize: envInt('DB_POOL_SIZE', 10),
    },
    broker: {
      url: scoped('AMQP_URL', 'amqp://guest:guest@127.0.0.1:5672'),
      exchange: env('EVENTS_EXCHANGE', 'assistenza.events'),
      deadLetterExchange: env('EVENTS_DLX', `${env('EVENTS_EXCHANGE', 'assistenza.events')}.dlx`),
      prefetch: envInt('AMQP_PREFETCH', 300),
      deliveryLimit: envInt('AMQP_DELIVERY_LIMIT', 5),
    },
    outboxRelay: envBool('OUTBOX_RELAY', true),
  };
}
