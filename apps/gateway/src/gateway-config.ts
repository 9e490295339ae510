import { env, envInt } from '@assistenza/platform/config';
import { prefixesOf, SERVICE_OWNERSHIP } from './routes';

export interface UpstreamService {
  name: string;
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:3014 */
  url: string;
  /** Full path prefixes routed to this service, e.g. /api/v1/customers */
  prefixes: readonly string[];
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
}

/** Gateway configuration from the environment, with the local-development defaults of `npm start`. */
export function loadGatewayConfig(): GatewayConfig {
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
  };
}

/** Injection token of the GatewayConfig. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
