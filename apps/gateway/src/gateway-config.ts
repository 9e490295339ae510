import { env, envInt } from '@assistenza/platform/config';
import { isProduction, loadAuthConfig, type AuthConfig } from '@assistenza/platform/auth';
import { prefixesOf, SERVICE_OWNERSHIP } from './routes';

export interface UpstreamService {
  name: string;
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:3014 */
  url: string;
  /** Full path prefixes routed to this service, e.g. /api/v1/customers */
  prefixes: readonly string[];
}

/** Requests per minute; 0 turns a limit off. Counted per gateway process (in memory). */
export interface RateLimits {
  /** Per client: the `sub` of a valid bearer token. */
  perClientPerMinute: number;
  /** Per client IP address, counted before the token is checked (also bad tokens count). */
  perIpPerMinute: number;
}

export interface GatewayConfig {
  port: number;
  host: string;
  services: UpstreamService[];
  /** How long a proxied request may wait for the upstream's headers, and between body chunks. */
  upstreamTimeoutMs: number;
  /** Timeout of the readiness and OpenAPI calls to each service. */
  probeTimeoutMs: number;
  /** How long the merged OpenAPI document is reused before the services are asked again. */
  openApiCacheMs: number;
  eventsExchange: string;
  /** How bearer tokens on /api/v1 are verified (the same settings as the services'). */
  auth: AuthConfig;
  /** Whether POST /dev/tokens exists: never in production, and only with the development secret. */
  devTokens: boolean;
  rateLimits: RateLimits;
  /**
   * Fastify's trustProxy: which proxies in front of the gateway (an ingress) may state the client
   * address in X-Forwarded-For. Without it, behind an ingress every client would share the
   * ingress's address and so one per-IP limit.
   */
  trustProxy: boolean | number | string;
}

/**
 * Gateway configuration from the environment, with the local-development defaults of `npm start`.
 * Read on each call (not at import), so that tests can build gateways with different settings.
 */
export function loadGatewayConfig(): GatewayConfig {
  const auth = loadAuthConfig();
  return {
    port: envInt('GATEWAY_PORT', envInt('PORT', 3000)),
    host: env('GATEWAY_HOST', env('HOST', '127.0.0.1')),
    services: SERVICE_OWNERSHIP.map((owner) => ({
      name: owner.name,
      url: env(owner.urlEnv, `http://127.0.0.1:${owner.defaultPort}`).replace(/\/+$/, ''),
      prefixes: prefixesOf(owner),
    })),
    upstreamTimeoutMs: envInt('GATEWAY_UPSTREAM_TIMEOUT_MS', 30_000),
    probeTimeoutMs: envInt('GATEWAY_PROBE_TIMEOUT_MS', 1_500),
    openApiCacheMs: envInt('GATEWAY_OPENAPI_CACHE_MS', 5_000),
    eventsExchange: env('EVENTS_EXCHANGE', 'assistenza.events'),
    auth,
    devTokens: !isProduction() && auth.devSecret !== undefined,
    // Generous defaults: a person in Swagger UI or an integration sending bursts stays well below,
    // a client hammering the API does not. Load and security tests raise them by environment.
    rateLimits: {
      perClientPerMinute: nonNegative('GATEWAY_RATE_LIMIT_PER_MINUTE', 600),
      perIpPerMinute: nonNegative('GATEWAY_IP_RATE_LIMIT_PER_MINUTE', 1_200),
    },
    trustProxy: trustProxyOf(env('GATEWAY_TRUST_PROXY', 'false')),
  };
}

function nonNegative(name: string, fallback: number): number {
  const value = envInt(name, fallback);
  if (value < 0) throw new Error(`Environment variable ${name} must be 0 (off) or more, got ${value}`);
  return value;
}

/** `true`/`false`, a hop count, or a comma-separated list of trusted addresses or CIDRs. */
function trustProxyOf(raw: string): boolean | number | string {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

/** Injection token of the GatewayConfig. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
