import type { IncomingHttpHeaders } from 'node:http';
import type { IncomingHttpHeaders as Http2IncomingHttpHeaders } from 'node:http2';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RawServerBase, RequestGenericInterface } from 'fastify';
import httpProxy, { type FastifyHttpProxyOptions } from '@fastify/http-proxy';
import { API_PREFIX, proxyRoutesFor } from './routes';
import type { UpstreamService } from './gateway-config';
import { sendProblem } from './problem-reply';

export type EdgeCheck = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

export interface ProxyOptions {
  bodyLimit: number;
  upstreamTimeoutMs: number;
  /**
   * onRequest hooks run in order before anything is forwarded (rate limits, token, page size).
   * The first to answer ends the request: no body is read and no service is called.
   */
  checks: readonly EdgeCheck[];
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
    for (const check of options.checks) scope.addHook('onRequest', check);
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

function proxyOptionsFor(service: UpstreamService, options: ProxyOptions): FastifyHttpProxyOptions {
  return {
    upstream: service.url,
    prefix: API_PREFIX,
    rewritePrefix: API_PREFIX,
    routes: proxyRoutesFor(service.prefixes),
    disableRequestLogging: true,
    proxyPayloads: false, // keep the buffering parser of the enclosing scope (see above)
    // reply-from by default retries a GET that got 503 up to ten times; the client should see
    // the service's answer as it is.
    retryMethods: [],
    undici: {
      connectTimeout: Math.min(5_000, options.upstreamTimeoutMs),
      headersTimeout: options.upstreamTimeoutMs,
      bodyTimeout: options.upstreamTimeoutMs,
      // reply-from turns certificate checks off (tls.rejectUnauthorized) unless told otherwise;
      // undici lets `connect` win over `tls`.
      connect: { rejectUnauthorized: true },
    },
    handler: (request, reply, dest, fromOptions) => {
      const body = request.body;
      const forwardBody = Buffer.isBuffer(body) && !NO_BODY_METHODS.has(request.method);
      return reply.from(dest, forwardBody ? { ...fromOptions, body, contentType: request.headers['content-type'] ?? 'application/octet-stream' } : fromOptions);
    },
    replyOptions: {
      rewriteRequestHeaders: forwardedHeaders,
      onError: (reply, { error }) => {
        const timedOut = (error as FastifyError).statusCode === 504;
        // reply-from has already logged the error with its stack; this line names the service.
        reply.request.log.warn({ upstream: service.name, reason: error.message }, 'upstream unreachable');
        sendProblem(reply, timedOut ? 504 : 503, timedOut ? `${service.name} did not answer in time` : `${service.name} is unavailable; try again shortly`);
      },
    },
  };
}

type AnyRequest = FastifyRequest<RequestGenericInterface, RawServerBase>;

function forwardedHeaders(request: AnyRequest, headers: IncomingHttpHeaders | Http2IncomingHttpHeaders): IncomingHttpHeaders {
  const result: IncomingHttpHeaders = { ...headers };
  for (const name of HOP_BY_HOP) delete result[name];
  // Each hop appends the address it was called from (with trustProxy, request.ip would be the
  // client's, already in the chain).
  const peer = request.raw.socket.remoteAddress ?? request.ip;
  const priorFor = headers['x-forwarded-for'];
  result['x-forwarded-for'] = priorFor ? `${priorFor}, ${peer}` : peer;
  // What a client claims about the original scheme and host is replaced; with trustProxy Fastify
  // takes them from the trusted proxy in front.
  result['x-forwarded-proto'] = request.protocol;
  result['x-forwarded-host'] = request.host;
  return result;
}
