import type { ServiceDocument } from './openapi-merger';

/** Per service: `kind/name` of a component (e.g. `schemas/Customer`) → the name it gets in the merged document. */
export type Renames = Map<string, string>;

const REF = /^#\/components\/([^/]+)\/(.+)$/;

/** `service-order-service` → `ServiceOrder`, the prefix of that service's colliding component names. */
export function servicePrefix(service: string): string {
  return service
    .replace(/-service$/, '')
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/**
 * Decides which components must be renamed: a name that two services define differently. Two
 * identical definitions (a shared ProblemDetails, say) stay one. Repeats until stable, because
 * renaming a component changes the $refs inside the components that use it.
 */
export function componentRenames(docs: readonly ServiceDocument[]): Map<string, Renames> {
  const renames = new Map<string, Renames>(docs.map(({ service }) => [service, new Map()]));
  for (let changed = true; changed; ) {
    changed = false;
    const definitions = new Map<string, Array<{ service: string; json: string }>>();
    for (const { service, doc } of docs) {
      const own = renames.get(service) as Renames;
      for (const [kind, entries] of Object.entries((doc.components ?? {}) as Record<string, Record<string, unknown>>)) {
        if (kind === 'securitySchemes') continue; // named by security requirements, not $refs: never renamed, the first one is kept
        for (const [name, value] of Object.entries(entries ?? {})) {
          const key = `${kind}/${name}`;
          if (own.has(key)) continue;
          const list = definitions.get(key) ?? [];
          list.push({ service, json: JSON.stringify(rewriteRefs(value, own)) });
          definitions.set(key, list);
        }
      }
    }
    for (const [key, list] of definitions) {
      if (list.length < 2 || list.every((d) => d.json === list[0].json)) continue;
      const name = key.slice(key.indexOf('/') + 1);
      for (const { service } of list) renames.get(service)?.set(key, `${servicePrefix(service)}_${name}`);
      changed = true;
    }
  }
  return renames;
}

/** A copy of `value` whose component $refs (and discriminator mappings) follow the renames. */
export function rewriteRefs<T>(value: T, renames: Renames): T {
  if (renames.size === 0) return structuredClone(value);
  return walk(value, renames, false) as T;
}

function walk(value: unknown, renames: Renames, inMapping: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, renames, false));
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const isRef = (key === '$ref' || inMapping) && typeof child === 'string';
    result[key] = isRef ? renamedRef(child as string, renames) : walk(child, renames, key === 'mapping');
  }
  return result;
}

function renamedRef(ref: string, renames: Renames): string {
  const match = REF.exec(ref);
  const renamed = match ? renames.get(`${match[1]}/${match[2]}`) : undefined;
  return renamed ? `#/components/${match?.[1]}/${renamed}` : ref;
}
