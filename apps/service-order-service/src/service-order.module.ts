import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '@assistenza/platform/config';
import { ServicePlatformModule } from '@assistenza/platform/http';
import { ServiceOrdersController } from './api/service-orders/service-orders.controller';
import { CreateRequestedOrderHandler } from './application/event-handlers/create-requested-order.handler';
import { SERVICE_ORDER_REPOSITORY } from './application/ports/service-order.repository';
import { ServiceOrderQueries } from './application/queries/service-order-queries.service';
import { ServiceOrders1733330100000 } from './infrastructure/migrations/1733330100000-service-orders';
import { ServiceOrderSqlRepository } from './infrastructure/persistence/service-order.sql-repository';

/** Composition root of the service-order service. */
@Module({})
export class ServiceOrderModule {
  static forConfig(config: ServiceConfig): DynamicModule {
    return {
      module: ServiceOrderModule,
      imports: [ServicePlatformModule.forService(config, { entities: [], migrations: [ServiceOrders1733330100000] })],
      controllers: [CreateRequestedOrderHandler, ServiceOrdersController],
      providers: [{ provide: SERVICE_ORDER_REPOSITORY, useClass: ServiceOrderSqlRepository }, ServiceOrderQueries],
    };
  }
}
