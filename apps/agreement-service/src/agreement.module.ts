import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '@assistenza/platform/config';
import { ServicePlatformModule } from '@assistenza/platform/http';
import { ReplicateCustomerHandler } from './application/event-handlers/replicate-customer.handler';
import { CUSTOMER_REPLICA } from './application/ports/customer-replica.repository';
import { CustomerReplica1733320000000 } from './infrastructure/migrations/1733320000000-customer-replica';
import { CustomerReplicaTypeormRepository } from './infrastructure/persistence/customer-replica.typeorm-repository';

/** Composition root of the agreement service. */
@Module({})
export class AgreementModule {
  static forConfig(config: ServiceConfig): DynamicModule {
    return {
      module: AgreementModule,
      imports: [ServicePlatformModule.forService(config, { entities: [], migrations: [CustomerReplica1733320000000] })],
      controllers: [ReplicateCustomerHandler],
      providers: [{ provide: CUSTOMER_REPLICA, useClass: CustomerReplicaTypeormRepository }],
      exports: [CUSTOMER_REPLICA],
    };
  }
}
