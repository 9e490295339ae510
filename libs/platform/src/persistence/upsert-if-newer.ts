import type { EntityManager } from 'typeorm';

export interface ReplicaUpsert {
  table: string;
  /** The row to store, by column name. */
  row: Record<string, unknown>;
  /** Columns of the unique key the row is matched on. */
  key: string[];
  /** Columns an existing row takes from the incoming one; default: every column but the key. */
  update?: string[];
  /** The source aggregate's version; default `source_version`. */
  versionColumn?: string;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Stores a local replica of another service's (or module's) data from an event: inserts the row,
 * or updates it only when the event is newer than what is stored. Events of one aggregate may
 * arrive out of order (redeliveries, several relays), so the source version decides, not arrival.
 * Returns whether anything was written.
 */
export async function upsertIfNewer(manager: EntityManager, spec: ReplicaUpsert): Promise<boolean> {
  const version = spec.versionColumn ?? 'source_version';
  const columns = Object.keys(spec.row);
  const update = spec.update ?? columns.filter((c) => !spec.key.includes(c));
  const table = ident(spec.table);
  const sql =
    `INSERT INTO ${table} (${columns.map(ident).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) ` +
    `ON CONFLICT (${spec.key.map(ident).join(', ')}) DO UPDATE SET ${update.map((c) => `${ident(c)} = EXCLUDED.${ident(c)}`).join(', ')} ` +
    `WHERE ${table}.${ident(version)} < EXCLUDED.${ident(version)} RETURNING 1`;
  const rows: unknown[] = await manager.query(sql, columns.map((c) => spec.row[c]));
  return rows.length === 1;
}
