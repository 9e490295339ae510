import { Client } from 'pg';
import type { DatabaseConfig } from '../config';

/**
 * Creates the service's database when it does not exist yet, so a fresh machine needs no manual
 * step. Two replicas starting together may both try: the loser's duplicate error is ignored.
 */
export async function ensureDatabase(db: DatabaseConfig): Promise<void> {
  const client = new Client({ host: db.host, port: db.port, user: db.user, password: db.password, database: 'postgres' });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [db.database]);
    if (exists.rowCount) return;
    await client.query(`CREATE DATABASE "${db.database.replace(/"/g, '""')}"`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // 42P04 duplicate_database; 23505 when the catalog insert races.
    if (code !== '42P04' && code !== '23505') throw error;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(db: DatabaseConfig): Promise<void> {
  const client = new Client({ host: db.host, port: db.port, user: db.user, password: db.password, database: 'postgres' });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${db.database.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
