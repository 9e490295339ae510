import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '@assistenza/platform/config';
import { ServicePlatformModule } from '@assistenza/platform/http';
import { ServiceOrdersController } from './api/service-orders/service-orders.controller';
import { TechniciansController } from './api/technicians/technicians.controller';
import { CreateRequestedOrderHandler } from './application/event-handlers/create-requested-order.handler';
import { ReplicateTechniciansHandler } from './application/event-handlers/replicate-technicians.handler';
import { SERVICE_ORDER_REPOSITORY } from './application/ports/service-order.repository';
import { TECHNICIAN_REPOSITORY } from './application/ports/technician.repository';
import { ServiceOrderQueries } from './application/queries/service-order-queries.service';
import { TechnicianQueries } from './application/queries/technician-queries.service';
import { ServiceOrders1733330100000 } from './infrastructure/migrations/1733330100000-service-orders';
import { Technicians1733330200000 } from './infrastructure/migrations/1733330200000-technicians';
import { ServiceOrderSqlRepository } from './infrastructure/persistence/service-order.sql-repository';
import { TechnicianSqlRepository } from './infrastructure/persistence/technician.sql-repository';

/** Composition root of the service-order service. */
@Module({})
export class ServiceOrderModule {
  static forConfig(config: ServiceConfig): DynamicModule {
    return {
      module: ServiceOrderModule,
      imports: [ServicePlatformModule.forService(config, { entities: [], migrations: [ServiceOrders1733330100000, Technicians1733330200000] })],
      controllers: [CreateRequestedOrderHandler, ReplicateTechniciansHandler, ServiceOrdersController, TechniciansController],
      providers: [
        { provide: SERVICE_ORDER_REPOSITORY, useClass: ServiceOrderSqlRepository },
        { provide: TECHNICIAN_REPOSITORY, useClass: TechnicianSqlRepository },
        ServiceOrderQueries,
        TechnicianQueries,
      ],
    };
  }
}
