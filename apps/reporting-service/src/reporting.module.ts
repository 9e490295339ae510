import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '@assistenza/platform/config';
import { ServicePlatformModule } from '@assistenza/platform/http';

/** Composition root of the reporting service. */
@Module({})
export class ReportingModule {
  static forConfig(config: ServiceConfig): DynamicModule {
    return {
      module: ReportingModule,
      imports: [ServicePlatformModule.forService(config, { entities: [], migrations: [] })],
    };
  }
}
