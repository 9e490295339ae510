import { Inject, Injectable } from '@nestjs/common';
import { CustomerUpsertedV1 } from '@assistenza/contracts';
import { NotFoundError } from '@assistenza/platform/ddd';
import { OutboxWriter } from '@assistenza/platform/messaging';
import { requestContext } from '@assistenza/platform/observability';
import { UnitOfWork } from '@assistenza/platform/persistence';
import type { Customer } from '../../../domain/customer/customer';
import { customerUpserted } from '../../customer-events';
import { CUSTOMER_REPOSITORY, type CustomerRepository } from '../../ports/customer.repository';
import type { UpdateCustomerCommand } from './update-customer.command';

@Injectable()
export class UpdateCustomerHandler {
  constructor(
    @Inject(CUSTOMER_REPOSITORY) private readonly customers: CustomerRepository,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async execute(command: UpdateCustomerCommand): Promise<Customer> {
    const { company } = requestContext.require();
    return this.uow.transaction(async () => {
      const customer = await this.customers.find(company, command.account);
      if (!customer) throw new NotFoundError('Customer', command.account);
      customer.change(command.changes);
      customer.markStored(await this.customers.update(customer, command.expectedVersion));
      await this.outbox.append(CustomerUpsertedV1, customerUpserted(customer));
      return customer;
    });
  }
}
