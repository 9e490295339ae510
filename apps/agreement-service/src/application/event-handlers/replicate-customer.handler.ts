import { Controller, Inject } from '@nestjs/common';
import { CustomerUpsertedV1, type EventEnvelope, type PayloadOf } from '@assistenza/contracts';
import { OnEvent } from '@assistenza/platform/messaging';
import { CUSTOMER_REPLICA, type CustomerReplicaRepository } from '../ports/customer-replica.repository';

/** Keeps the local customer replica in step with billing. Runs inside the inbox transaction. */
@Controller()
export class ReplicateCustomerHandler {
  constructor(@Inject(CUSTOMER_REPLICA) private readonly replica: CustomerReplicaRepository) {}

  @OnEvent(CustomerUpsertedV1)
  async handle(event: EventEnvelope<PayloadOf<typeof CustomerUpsertedV1>>): Promise<void> {
    await this.replica.upsertIfNewer({
      company: event.company,
      account: event.payload.account,
      name: event.payload.name,
      currency: event.payload.currency,
      blocked: event.payload.blocked,
      sourceVersion: event.aggregateVersion,
    });
  }
}
