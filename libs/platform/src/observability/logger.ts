import pino, { type Logger } from 'pino';
import { requestContext } from './request-context';

/**
 * JSON logs on stdout, each line stamped with the correlation id and company of the work in
 * progress. LOG_LEVEL=silent keeps test output clean.
 */
export function createLogger(service: string): Logger {
  return pino({
    name: service,
    level: process.env['LOG_LEVEL'] ?? 'info',
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const ctx = requestContext.current();
      return ctx ? { correlationId: ctx.correlationId, company: ctx.company } : {};
    },
  });
}
