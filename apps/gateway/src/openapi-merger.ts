import type { OpenAPIObject, OperationObject, PathItemObject, TagObject } from '@nestjs/swagger';
import { componentRenames, rewriteRefs, servicePrefix, type Renames } from './openapi-refs';

export interface ServiceDocument {
  service: string;
  doc: OpenAPIObject;
}

type Components = Record<string, Record<string, unknown>>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * One OpenAPI document out of the services' own: their /api paths, components (a name two
 * services define differently is prefixed with the service, e.g. Billing_Customer, and that
 * service's $refs follow), tags and security. Pure, so that it can be tested without any HTTP.
 */
export function mergeOpenApi(docs: readonly ServiceDocument[], unavailable: readonly string[] = []): OpenAPIObject {
  const renames = componentRenames(docs);
  const paths: Record<string, PathItemObject> = {};
  const components: Components = {};
  const tags = new Map<string, TagObject>();
  const security = new Map<string, Record<string, string[]>>();
  const operationIds = new Set<string>();

  for (const { service, doc } of docs) {
    const own = renames.get(service) as Renames;
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      if (!path.startsWith('/api/')) continue; // the services' health, metrics and docs stay internal
      const rewritten = rewriteRefs(item, own);
      uniqueOperationIds(rewritten, service, operationIds);
      paths[path] = { ...rewritten, ...paths[path] }; // the first service to describe an operation keeps it
    }
    const docComponents = (doc.components ?? {}) as Components;
    for (const [kind, entries] of Object.entries(docComponents)) {
      for (const [name, value] of Object.entries(entries ?? {})) {
        const target = own.get(`${kind}/${name}`) ?? name;
        components[kind] ??= {};
        components[kind][target] ??= rewriteRefs(value, own);
      }
    }
    for (const tag of doc.tags ?? []) if (!tags.has(tag.name)) tags.set(tag.name, tag);
    for (const requirement of doc.security ?? []) security.set(JSON.stringify(requirement), requirement);
  }

  return {
    openapi: docs[0]?.doc.openapi ?? '3.0.0',
    info: {
      title: 'Assistenza API',
      version: '1.0.0',
      description: describe(docs, unavailable),
      ...(unavailable.length > 0 ? { 'x-unavailable-services': [...unavailable] } : {}),
    },
    servers: [{ url: '/' }],
    paths,
    components,
    tags: [...tags.values()],
    ...(security.size > 0 ? { security: [...security.values()] } : {}),
  };
}

/** operationIds must be unique in a document; a second service's duplicate gets its prefix. */
function uniqueOperationIds(item: PathItemObject, service: string, seen: Set<string>): void {
  for (const method of METHODS) {
    const operation: OperationObject | undefined = item[method];
    if (!operation?.operationId) continue;
    if (seen.has(operation.operationId)) operation.operationId = `${servicePrefix(service)}_${operation.operationId}`;
    seen.add(operation.operationId);
  }
}

function describe(docs: readonly ServiceDocument[], unavailable: readonly string[]): string {
  const lines = ['One entry point to the Assistenza services. Every `/api/v1` path is routed to the service that owns it; errors are RFC 9457 problem+json.'];
  if (docs.length > 0) {
    lines.push('', 'Services in this document:');
    lines.push(...docs.map(({ service, doc }) => `- **${service}**: ${doc.info?.title ?? service} ${doc.info?.version ?? ''}`.trimEnd()));
  }
  if (unavailable.length > 0) lines.push('', `Not reachable when this document was built (their paths are missing): ${unavailable.join(', ')}.`);
  return lines.join('\n');
}
