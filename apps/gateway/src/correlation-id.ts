import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export const CORRELATION_HEADER = 'x-correlation-id';

// Same bound as the services' request context (200 chars), and no characters that could
// smuggle anything into logs or headers.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,200}$/;

/**
 * Fastify's request-id generator: the client's X-Correlation-Id when it is acceptable, else a new
 * UUID. Using it as the request id puts it on every log line of the request.
 */
export function correlationIdOf(raw: IncomingMessage): string {
  const header = raw.headers[CORRELATION_HEADER];
  return typeof header === 'string' && ACCEPTABLE.test(header) ? header : randomUUID();
}

/**
 * Writes the request id into the incoming headers (so the proxy forwards it and the services log
 * and carry it into their events) and echoes it on the answer, also when the gateway answers itself.
 */
export function propagateCorrelationId(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    request.raw.headers[CORRELATION_HEADER] = request.id;
    void reply.header(CORRELATION_HEADER, request.id);
    done();
  });
}
