import { Module, type DynamicModule } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway-config';
import { DocsController } from './docs.controller';
import { HealthController } from './health.controller';
import { MergedOpenApiSource } from './openapi-source';

/** The gateway's own routes; the proxied /api/v1 routes are Fastify plugins (see upstream-proxy.ts). */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [HealthController, DocsController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        {
          provide: MergedOpenApiSource,
          useFactory: () => new MergedOpenApiSource(config.services, { timeoutMs: config.probeTimeoutMs, cacheMs: config.openApiCacheMs, devTokens: config.devTokens }),
        },
      ],
    };
  }
}
