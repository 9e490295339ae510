import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import rateLimit, { type CreateRateLimitOptions } from '@fastify/rate-limit';
import { principalOf } from './bearer-auth';
import type { RateLimits } from './gateway-config';
import { sendProblem } from './problem-reply';

export type LimitHook = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

export interface RateLimitHooks {
  perIp: LimitHook;
  /** Runs after authentication: it counts by the verified token's subject. */
  perClient: LimitHook;
}

const MINUTE_MS = 60_000;
// Distinct keys each limiter remembers (least recently seen forgotten first).
const TRACKED_KEYS = 10_000;

/**
 * The gateway's two request-rate limits, as hooks to place on the routes they guard. Counters live
 * in this process: with several gateway replicas each counts on its own, so the limits are per
 * replica, which is enough to stop one client from flooding the services.
 *
 * Built on @fastify/rate-limit's createRateLimit, which only counts: its own hook marks a request
 * as limited after the first limiter, so two of them on one request would not both count, and
 * this way the 429 is problem+json like every other error.
 */
export async function createRateLimitHooks(fastify: FastifyInstance, limits: RateLimits): Promise<RateLimitHooks> {
  await fastify.register(rateLimit, { global: false });
  const perIp = limiter(fastify, limits.perIpPerMinute, (request) => request.ip, 'from this address');
  const perClient = limiter(fastify, limits.perClientPerMinute, (request) => principalOf(request)?.subject, 'from this client');
  return { perIp, perClient };
}

function limiter(fastify: FastifyInstance, perMinute: number, keyOf: (request: FastifyRequest) => string | undefined, who: string): LimitHook {
  if (perMinute === 0) return async () => undefined;
  // `cache` (keys kept) is honoured at run time but missing from createRateLimit's option type.
  const options: CreateRateLimitOptions & { cache: number } = {
    max: perMinute,
    timeWindow: MINUTE_MS,
    cache: TRACKED_KEYS,
    keyGenerator: (request) => keyOf(request) ?? '',
    allowList: (request) => keyOf(request) === undefined, // nothing to count by (no verified token)
  };
  const count = fastify.createRateLimit(options);
  return async (request, reply) => {
    const state = await count(request);
    if (state.isAllowed || !state.isExceeded) return undefined;
    const retryAfter = Math.max(1, state.ttlInSeconds);
    void reply.header('retry-after', String(retryAfter)).header('x-ratelimit-limit', String(state.max));
    return sendProblem(reply, 429, `More than ${state.max} requests per minute ${who}; retry in ${retryAfter} s`);
  };
}
