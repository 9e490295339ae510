import { ConflictError } from '@assistenza/platform/ddd';
import type { EntityManager } from 'typeorm';

/** INSERT … ON CONFLICT DO NOTHING RETURNING 1: a duplicate key becomes a 409 naming the field. */
export async function insertOrConflict(manager: EntityManager, sql: string, params: unknown[], conflict: { message: string; field: string }): Promise<void> {
  const inserted: unknown[] = await manager.query(`${sql} ON CONFLICT DO NOTHING RETURNING 1`, params);
  if (inserted.length === 0) throw new ConflictError(conflict.message, conflict.field);
}

/** TypeORM answers UPDATE and DELETE on PostgreSQL with [rows, rowCount]. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}
