import { Inject, Injectable } from '@nestjs/common';
import { decodeCursor, toPage, type Page } from '@assistenza/platform/http';
import { requestContext } from '@assistenza/platform/observability';
import type { Customer } from '../../../domain/customer/customer';
import { CUSTOMER_REPOSITORY, type CustomerRepository } from '../../ports/customer.repository';

@Injectable()
export class ListCustomersHandler {
  constructor(@Inject(CUSTOMER_REPOSITORY) private readonly customers: CustomerRepository) {}

  async execute(limit: number, cursor?: string): Promise<Page<Customer>> {
    const after = decodeCursor(cursor);
    const rows = await this.customers.list(requestContext.require().company, limit + 1, after ? String(after[0]) : null);
    return toPage(rows, limit, (c) => [c.account]);
  }
}
