import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import httpProxy from '@fastify/http-proxy';
import { API_PREFIX, proxyRoutesFor } from './routes';
import type { UpstreamService } from './gateway-config';
import { sendProblem } from './problem-reply';

export interface ProxyOptions {
  bodyLimit: number;
  upstreamTimeoutMs: number;
}

// undici refuses requests carrying these; the body is re-sent buffered with its own length anyway.
const HOP_BY_HOP = ['transfer-encoding', 'keep-alive', 'upgrade', 'expect', 'proxy-connection', 'te', 'trailer'];
const NO_BODY_METHODS = new Set(['GET', 'HEAD']);

/**
 * Proxies each service's resource prefixes to it (one connection pool per service). Status,
 * headers (ETag, Location, ...) and bodies (problem+json included) pass through unchanged; only
 * failures to reach the service are answered by the gateway itself, as problem+json.
 */
export async function registerUpstreamProxies(fastify: FastifyInstance, services: readonly UpstreamService[], options: ProxyOptions): Promise<void> {
  await fastify.register(async (scope) => {
    // Bodies are read whole (the size cap applies also to chunked uploads) and forwarded byte for
    // byte; parsing them is the owning service's job.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: options.bodyLimit }, (_request, body, done) => done(null, body));
    scope.setErrorHandler((error: FastifyError, request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
      if (status >= 500) request.log.error({ err: error }, 'proxy error');
      return sendProblem(reply, status, status >= 500 ? 'The gateway failed to forward the request' : error.message);
    });
    for (const service of services) await scope.register(httpProxy, proxyOptionsFor(service, options));
  });
}

function proxyOptionsFor(service: UpstreamService, options: ProxyOptions) {
  return {
    upstream: service.url,
    prefix: API_PREFIX,
    rewritePrefix: API_PREFIX,
    routes: proxyRoutesFor(service.prefixes),
    disableRequestLogging: true,
    // reply-from by default retries a GET that got 503 up to ten times; the client should see
    // the service's answer as it is.
    retryMethods: [],
    undici: {
      connectTimeout: Math.min(5_000, options.upstreamTimeoutMs),
      headersTimeout: options.upstreamTimeoutMs,
      bodyTimeout: options.upstreamTimeoutMs,
      // reply-from turns certificate checks off unless told otherwise.
      tls: { rejectUnauthorized: true },
    },
    handler: (request: FastifyRequest, reply: any, dest: string, fromOptions: object) => {
      const body = request.body;
      const forwardBody = Buffer.isBuffer(body) && !NO_BODY_METHODS.has(request.method);
      return reply.from(dest, forwardBody ? { ...fromOptions, body, contentType: request.headers['content-type'] ?? 'application/octet-stream' } : fromOptions);
    },
    replyOptions: {
      rewriteRequestHeaders: (request: FastifyRequest, headers: IncomingHttpHeaders) => forwardedHeaders(request, headers),
      onError: (reply: any, { error }: { error: { statusCode?: number; message: string } }) => {
        const timedOut = error.statusCode === 504;
        reply.request.log.warn({ upstream: service.name, err: error }, 'upstream unreachable');
        sendProblem(reply, timedOut ? 504 : 503, timedOut ? `${service.name} did not answer in time` : `${service.name} is unavailable; try again shortly`);
      },
    },
  };
}

function forwardedHeaders(request: FastifyRequest, headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const result: IncomingHttpHeaders = { ...headers };
  for (const name of HOP_BY_HOP) delete result[name];
  const priorFor = headers['x-forwarded-for'];
  result['x-forwarded-for'] = priorFor ? `${priorFor}, ${request.ip}` : request.ip;
  result['x-forwarded-proto'] = headers['x-forwarded-proto'] ?? request.protocol;
  result['x-forwarded-host'] = headers['x-forwarded-host'] ?? request.headers.host;
  return result;
}
