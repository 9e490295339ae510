import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SERVICE_CONFIG } from '../config/tokens';
import type { ServiceConfig } from '../config';
import { ensureDatabase } from './database';
import { createDataSource, runMigrations, type PersistenceOptions } from './data-source';
import { UnitOfWork } from './unit-of-work';

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The service's own database: created if missing, migrated, then shared as DataSource and UnitOfWork. */
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      providers: [
        {
          provide: DataSource,
          inject: [SERVICE_CONFIG],
          useFactory: async (config: ServiceConfig) => {
            await ensureDatabase(config.database);
            const dataSource = createDataSource(config.database, options);
            await dataSource.initialize();
            await runMigrations(dataSource);
            return dataSource;
          },
        },
        { provide: UnitOfWork, inject: [DataSource], useFactory: (ds: DataSource) => new UnitOfWork(ds) },
        DataSourceCloser,
      ],
      exports: [DataSource, UnitOfWork],
    };
  }
}
