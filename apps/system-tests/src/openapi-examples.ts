/**
 * Builds a request body from an OpenAPI schema: each required property from its `example`, else
 * from its type (first enum value, a plain code, 1, false…). Good enough to create one resource
 * per creating route, so that the security matrix has real ids of one company to try from another.
 */
type Schema = Record<string, any>;

export class ExampleBodies {
  constructor(private readonly schemas: Record<string, Schema>) {}

  of(schema: Schema | undefined): unknown {
    const s = this.resolve(schema ?? {});
    if (s['example'] !== undefined) return s['example'];
    if (Array.isArray(s['enum'])) return s['enum'][0];
    if (s['type'] === 'object' || s['properties']) {
      // Required properties, and optional ones that carry an example (they are part of the story).
      const properties: Record<string, Schema> = s['properties'] ?? {};
      const required: string[] = s['required'] ?? [];
      const names = Object.keys(properties).filter((name) => required.includes(name) || this.resolve(properties[name])['example'] !== undefined);
      return Object.fromEntries(names.map((name) => [name, this.of(properties[name])]));
    }
    if (s['type'] === 'array') return (s['minItems'] ?? 0) > 0 ? [this.of(s['items'])] : [];
    if (s['type'] === 'integer' || s['type'] === 'number') return Math.max(s['minimum'] ?? 1, 1);
    if (s['type'] === 'boolean') return false;
    if (s['format'] === 'date') return '2024-01-01';
    if (s['format'] === 'date-time') return '2024-01-01T00:00:00Z';
    return 'MATRIX';
  }

  private resolve(schema: Schema): Schema {
    const ref: string | undefined = schema['$ref'];
    return ref ? this.resolve(this.schemas[ref.split('/').pop() as string] ?? {}) : schema;
  }
}

export function requestSchemaOf(doc: any, path: string, method: string): Schema | undefined {
  return doc.paths[path]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
}
