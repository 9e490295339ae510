import type { EntityManager } from 'typeorm';
import { ConcurrencyConflictError, NotFoundError } from '../ddd';

/**
 * Optimistic concurrency by a conditional UPDATE (TypeORM's @VersionColumn does not guard updates,
 * typeorm#2848): the row changes only if it is still at the version the client read, and the
 * version moves by one. Returns the new version.
 */
export async function updateVersioned(
  manager: EntityManager,
  target: { table: string; resource: string; company: string; idColumn: string; id: string; expectedVersion: number },
  changes: Record<string, unknown>,
): Promise<number> {
  const columns = Object.keys(changes);
  const assignments = columns.map((c, i) => `"${c}" = $${i + 1}`);
  const params = [...columns.map((c) => changes[c]), target.company, target.id, target.expectedVersion];
  const n = columns.length;
  const sql =
    `UPDATE "${target.table}" SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')} ` +
    `WHERE company = $${n + 1} AND "${target.idColumn}" = $${n + 2} AND version = $${n + 3} RETURNING version`;
  // TypeORM answers an UPDATE on PostgreSQL with [rows, rowCount].
  const [rows] = (await manager.query(sql, params)) as [Array<{ version: number }>, number];
  if (rows.length === 1) return rows[0].version;
  const exists: unknown[] = await manager.query(
    `SELECT 1 FROM "${target.table}" WHERE company = $1 AND "${target.idColumn}" = $2`,
    [target.company, target.id],
  );
  if (exists.length === 0) throw new NotFoundError(target.resource, target.id);
  throw new ConcurrencyConflictError(target.resource, target.id, target.expectedVersion);
}
