import { Controller, Inject } from '@nestjs/common';
import { ServiceOrderRequestedV1, type EventEnvelope, type PayloadOf } from '@assistenza/contracts';
import { OnEvent } from '@assistenza/platform/messaging';
import { SERVICE_ORDER_REPOSITORY, type ServiceOrderRepository } from '../ports/service-order.repository';

/**
 * Turns each order planned from agreement lines into a service order (domain.md §2.3 steps 8-9):
 * origin System, in process, lines and object/task relations copied, no SLA. Runs inside the inbox
 * transaction; the requested id is the order's key, so a redelivered or repeated request creates nothing.
 */
@Controller()
export class CreateRequestedOrderHandler {
  constructor(@Inject(SERVICE_ORDER_REPOSITORY) private readonly orders: ServiceOrderRepository) {}

  @OnEvent(ServiceOrderRequestedV1)
  async handle(event: EventEnvelope<PayloadOf<typeof ServiceOrderRequestedV1>>): Promise<void> {
    await this.orders.createFromRequest(event.company, event.payload);
  }
}
