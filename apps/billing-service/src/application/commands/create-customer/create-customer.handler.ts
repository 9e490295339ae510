import { Inject, Injectable } from '@nestjs/common';
import { CustomerUpsertedV1 } from '@assistenza/contracts';
import { OutboxWriter } from '@assistenza/platform/messaging';
import { requestContext } from '@assistenza/platform/observability';
import { UnitOfWork } from '@assistenza/platform/persistence';
import { Customer } from '../../../domain/customer/customer';
import { customerUpserted } from '../../customer-events';
import { CUSTOMER_REPOSITORY, type CustomerRepository } from '../../ports/customer.repository';
import type { CreateCustomerCommand } from './create-customer.command';

@Injectable()
export class CreateCustomerHandler {
  constructor(
    @Inject(CUSTOMER_REPOSITORY) private readonly customers: CustomerRepository,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async execute(command: CreateCustomerCommand): Promise<Customer> {
    const { company } = requestContext.require();
    const customer = Customer.create({
      company,
      account: command.account,
      name: command.name,
      currency: command.currency,
      customerPriceGroup: command.customerPriceGroup ?? null,
      address: command.address ?? null,
      blocked: command.blocked ?? false,
    });
    await this.uow.transaction(async () => {
      await this.customers.insert(customer);
      await this.outbox.append(CustomerUpsertedV1, customerUpserted(customer));
    });
    return customer;
  }
}
