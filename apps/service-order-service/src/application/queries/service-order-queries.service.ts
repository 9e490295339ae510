import { Inject, Injectable } from '@nestjs/common';
import { assertCustomerMayAccess, customerScope } from '@assistenza/platform/auth';
import { NotFoundError, ValidationError } from '@assistenza/platform/ddd';
import { decodeCursor, toPage, type Page } from '@assistenza/platform/http';
import { requestContext } from '@assistenza/platform/observability';
import { SERVICE_ORDER_REPOSITORY, type ServiceOrderRepository, type ServiceOrderView } from '../ports/service-order.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads service orders; a customer-portal caller sees only its own (another's answers 404). */
@Injectable()
export class ServiceOrderQueries {
  constructor(@Inject(SERVICE_ORDER_REPOSITORY) private readonly orders: ServiceOrderRepository) {}

  async get(id: string): Promise<ServiceOrderView> {
    const order = UUID.test(id) ? await this.orders.find(requestContext.require().company, id) : null;
    if (!order) throw new NotFoundError('Service order', id);
    assertCustomerMayAccess('Service order', id, order.customerAccount);
    return order;
  }

  async list(agreementId: string | null, limit: number, cursor?: string): Promise<Page<ServiceOrderView>> {
    const after = decodeCursor(cursor);
    if (after && !UUID.test(String(after[0]))) throw new ValidationError('cursor is not one this API issued', 'cursor');
    const rows = await this.orders.list(requestContext.require().company, { agreementId, customerAccount: customerScope() }, limit + 1, after ? String(after[0]) : null);
    return toPage(rows, limit, (o) => [o.serviceOrderId]);
  }
}
