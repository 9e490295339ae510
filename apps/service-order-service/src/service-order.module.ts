import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '@assistenza/platform/config';
import { ServicePlatformModule } from '@assistenza/platform/http';

/** Composition root of the service-order service. */
@Module({})
export class ServiceOrderModule {
  static forConfig(config: ServiceConfig): DynamicModule {
    return {
      module: ServiceOrderModule,
      imports: [ServicePlatformModule.forService(config, { entities: [], migrations: [] })],
    };
  }
}
