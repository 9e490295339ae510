import { Inject, Injectable } from '@nestjs/common';
import { assertCustomerMayAccess } from '@assistenza/platform/auth';
import { NotFoundError } from '@assistenza/platform/ddd';
import { requestContext } from '@assistenza/platform/observability';
import type { Customer } from '../../../domain/customer/customer';
import { CUSTOMER_REPOSITORY, type CustomerRepository } from '../../ports/customer.repository';

@Injectable()
export class GetCustomerHandler {
  constructor(@Inject(CUSTOMER_REPOSITORY) private readonly customers: CustomerRepository) {}

  async execute(account: string): Promise<Customer> {
    assertCustomerMayAccess('Customer', account, account);
    const customer = await this.customers.find(requestContext.require().company, account);
    if (!customer) throw new NotFoundError('Customer', account);
    return customer;
  }
}
