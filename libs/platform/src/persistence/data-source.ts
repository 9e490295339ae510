import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import type { DatabaseConfig } from '../config';
import { PlatformTables1733300000000 } from './migrations/1733300000000-platform-tables';

export interface PersistenceOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
}

/** A TypeORM data source for one service database. Schema changes come only from migrations. */
export function createDataSource(db: DatabaseConfig, options: PersistenceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    host: db.host,
    port: db.port,
    username: db.user,
    password: db.password,
    database: db.database,
    entities: options.entities,
    migrations: [PlatformTables1733300000000, ...options.migrations],
    synchronize: false,
    migrationsRun: false,
    logging: false, // failures surface as exceptions, logged as JSON where they are handled
    extra: { max: db.poolSize, application_name: db.database },
  });
}

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so that replicas starting at the
 * same moment do not run the same migration twice.
 */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', ['assistenza:migrations']);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', ['assistenza:migrations']).catch(() => undefined);
    await lock.release();
  }
}
