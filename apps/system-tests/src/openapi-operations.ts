/** The operations of the merged OpenAPI document, as the security matrix walks them. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  roles: string[];
  hasBody: boolean;
  params: string[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function operationsOf(doc: { paths: Record<string, Record<string, any>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        roles: Array.isArray(op['x-roles']) ? op['x-roles'] : [],
        hasBody: Boolean(op.requestBody),
        params: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]),
      });
    }
  }
  return operations;
}

/** Fills path parameters: each named one from `values`, the rest with a probe id that exists nowhere. */
export function urlOf(op: Operation, values: Record<string, string> = {}): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? `matrix-probe-${name}`));
}

/** The collection an item route belongs to: `/x/{id}` → `/x`, when the id is the last segment. */
export function collectionOf(op: Operation): string | null {
  const match = /^(.*)\/\{([^}]+)\}$/.exec(op.path);
  return match && !match[1].includes('{') ? match[1] : null;
}

export const describeOp = (op: Operation) => `${op.method} ${op.path}`;
