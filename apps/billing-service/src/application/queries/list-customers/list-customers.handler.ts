import { Inject, Injectable } from '@nestjs/common';
import { customerScope } from '@assistenza/platform/auth';
import { decodeCursor, toPage, type Page } from '@assistenza/platform/http';
import { requestContext } from '@assistenza/platform/observability';
import type { Customer } from '../../../domain/customer/customer';
import { CUSTOMER_REPOSITORY, type CustomerRepository } from '../../ports/customer.repository';

@Injectable()
export class ListCustomersHandler {
  constructor(@Inject(CUSTOMER_REPOSITORY) private readonly customers: CustomerRepository) {}

  async execute(limit: number, cursor?: string): Promise<Page<Customer>> {
    const after = decodeCursor(cursor);
    const own = customerScope();
    if (own !== null) {
      const mine = after === null ? await this.customers.find(requestContext.require().company, own) : null;
      return { items: mine ? [mine] : [], nextCursor: null };
    }
    const rows = await this.customers.list(requestContext.require().company, limit + 1, after ? String(after[0]) : null);
    return toPage(rows, limit, (c) => [c.account]);
  }
}
