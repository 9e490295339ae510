import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AuthGuard, loadAuthConfig, TokenVerifier } from '../auth';
import { SERVICE_CONFIG, type ServiceConfig } from '../config';
import { MessagingModule } from '../messaging';
import { createLogger, LOGGER } from '../observability';
import { PersistenceModule, type PersistenceOptions } from '../persistence';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { OpsController } from './ops.controller';

@Global()
@Module({})
class ServiceConfigModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    const logger = createLogger(config.service);
    return {
      module: ServiceConfigModule,
      imports: [LoggerModule.forRoot({ pinoHttp: { logger, autoLogging: false, quietReqLogger: true } })],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
      ],
      exports: [SERVICE_CONFIG, LOGGER],
    };
  }
}

/**
 * Everything technical a service needs, composed once: configuration and logs, its own database,
 * the event bus (outbox, relay, consumer), bearer-token authentication with role checks on every
 * route, Idempotency-Key support, health and metrics routes.
 */
@Module({})
export class ServicePlatformModule {
  static forService(config: ServiceConfig, persistence: PersistenceOptions): DynamicModule {
    return {
      module: ServicePlatformModule,
      global: true,
      imports: [ServiceConfigModule.forRoot(config), PersistenceModule.forRoot(persistence), MessagingModule.forRoot()],
      controllers: [OpsController],
      providers: [
        IdempotencyInterceptor,
        { provide: TokenVerifier, useFactory: () => new TokenVerifier(loadAuthConfig()) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [IdempotencyInterceptor],
    };
  }
}
