import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '@assistenza/platform/config';
import { ServicePlatformModule } from '@assistenza/platform/http';

/** Composition root of the subscription service. */
@Module({})
export class SubscriptionModule {
  static forConfig(config: ServiceConfig): DynamicModule {
    return {
      module: SubscriptionModule,
      imports: [ServicePlatformModule.forService(config, { entities: [], migrations: [] })],
    };
  }
}
