import { Client } from 'pg';
import type { ServiceConfig } from '@assistenza/platform/config';

/** Runs one query against a service's own database, as an operator would, to check its state. */
export async function queryDb<T = Record<string, unknown>>(config: ServiceConfig, sql: string, params: unknown[] = []): Promise<T[]> {
  const { host, port, user, password, database } = config.database;
  const client = new Client({ host, port, user, password, database });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function countRows(config: ServiceConfig, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await queryDb<{ n: number }>(config, `SELECT count(*)::int AS n FROM (${sql}) AS counted`, params);
  return row.n;
}
