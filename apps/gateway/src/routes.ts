/** Every public resource lives under this prefix; the gateway proxies nothing outside it. */
export const API_PREFIX = '/api/v1';

export interface ServiceOwnership {
  name: string;
  /** Environment variable holding the service's base URL. */
  urlEnv: string;
  defaultPort: number;
  /** Resource collections the service owns, each proxied with everything below it. */
  resources: readonly string[];
}

/**
 * Which service owns which resource collection. The one place to change when a service gains a
 * resource; a path that no service owns answers 404 at the gateway without reaching any service.
 */
export const SERVICE_OWNERSHIP: readonly ServiceOwnership[] = [
  {
    name: 'agreement-service',
    urlEnv: 'AGREEMENT_URL',
    defaultPort: 3011,
    resources: [
      'service-agreements',
      'agreement-groups',
      'service-intervals',
      'time-windows',
      'service-tasks',
      'service-object-groups',
      'service-objects',
      'template-groups',
      'service-level-agreements',
      'calendars',
      'generation-runs',
    ],
  },
  {
    name: 'service-order-service',
    urlEnv: 'SERVICE_ORDER_URL',
    defaultPort: 3012,
    resources: ['service-orders', 'service-stages', 'stage-reason-codes', 'repair-codes', 'service-requests', 'technicians', 'dispatch-teams'],
  },
  {
    name: 'subscription-service',
    urlEnv: 'SUBSCRIPTION_URL',
    defaultPort: 3013,
    resources: ['subscription-groups', 'period-codes', 'subscriptions', 'fee-transactions'],
  },
  {
    name: 'billing-service',
    urlEnv: 'BILLING_URL',
    defaultPort: 3014,
    resources: ['customers', 'projects', 'categories', 'prices', 'tax-groups', 'invoice-proposals', 'invoices'],
  },
  {
    name: 'reporting-service',
    urlEnv: 'REPORTING_URL',
    defaultPort: 3015,
    resources: ['reports'],
  },
];

/** Full path prefixes of a service's resources, e.g. `/api/v1/customers`. */
export function prefixesOf(ownership: ServiceOwnership): string[] {
  return ownership.resources.map((resource) => `${API_PREFIX}/${resource}`);
}

/**
 * Fastify routes (relative to API_PREFIX) that cover a prefix and everything below it:
 * `/customers` itself and `/customers/*` (which also matches `/customers/` and query strings).
 */
export function proxyRoutesFor(prefixes: readonly string[]): string[] {
  return prefixes.flatMap((prefix) => {
    if (!prefix.startsWith(`${API_PREFIX}/`)) throw new Error(`Route prefix ${prefix} must start with ${API_PREFIX}/`);
    const relative = prefix.slice(API_PREFIX.length).replace(/\/+$/, '');
    return [relative, `${relative}/*`];
  });
}
