import type { FastifyInstance } from 'fastify';
import { httpRequestDuration } from '@assistenza/platform/observability';

// Probes and scrapes arrive every few seconds; logging them at info would drown the real traffic.
const QUIET = /^\/(health|metrics)(\/|$)/;

/**
 * One access-log line and one latency observation per request, proxied or answered by the
 * gateway itself. The route label is the route pattern (e.g. /api/v1/customers/*), never the raw
 * URL, so the metric's cardinality stays bounded.
 */
export function recordRequests(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    httpRequestDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    const entry = { method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    if (QUIET.test(request.url)) request.log.debug(entry, 'request completed');
    else request.log.info(entry, 'request completed');
    done();
  });
}
