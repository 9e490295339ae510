import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '@assistenza/platform/config';
import { ServicePlatformModule } from '@assistenza/platform/http';
import { CreateCustomerHandler } from './application/commands/create-customer/create-customer.handler';
import { UpdateCustomerHandler } from './application/commands/update-customer/update-customer.handler';
import { CUSTOMER_REPOSITORY } from './application/ports/customer.repository';
import { GetCustomerHandler } from './application/queries/get-customer/get-customer.handler';
import { ListCustomersHandler } from './application/queries/list-customers/list-customers.handler';
import { CustomersController } from './api/customers/customers.controller';
import { Customers1733310000000 } from './infrastructure/migrations/1733310000000-customers';
import { CustomerSchema } from './infrastructure/persistence/customer.schema';
import { CustomerTypeormRepository } from './infrastructure/persistence/customer.typeorm-repository';

/** Composition root of the billing service. */
@Module({})
export class BillingModule {
  static forConfig(config: ServiceConfig): DynamicModule {
    return {
      module: BillingModule,
      imports: [ServicePlatformModule.forService(config, { entities: [CustomerSchema], migrations: [Customers1733310000000] })],
      controllers: [CustomersController],
      providers: [
        { provide: CUSTOMER_REPOSITORY, useClass: CustomerTypeormRepository },
        CreateCustomerHandler,
        UpdateCustomerHandler,
        GetCustomerHandler,
        ListCustomersHandler,
      ],
    };
  }
}
