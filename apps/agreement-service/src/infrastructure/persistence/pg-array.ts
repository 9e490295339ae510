/** Inside double quotes only a quote or a backslash needs escaping (commas, braces, spaces and NULL do not). */
const NEEDS_ESCAPE = /["\\]/;

/**
 * A PostgreSQL array literal (`{"a","b",3}`) of strings and numbers, built in one pass. The keys
 * generation records come in tens of thousands per chunk; serialising them here instead of
 * element by element in the driver keeps bulk inserts cheap. Strings are always quoted (so a
 * value `NULL` stays a string); quotes and backslashes are escaped.
 */
export function pgArray(values: ReadonlyArray<string | number>): string {
  const out = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = typeof v === 'number' ? String(v) : NEEDS_ESCAPE.test(v) ? `"${v.replace(/[\\"]/g, '\\$&')}"` : `"${v}"`;
  }
  return `{${out.join(',')}}`;
}
