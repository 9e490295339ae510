import { Controller, Inject } from '@nestjs/common';
import { CustomerUpsertedV1, SalesCustomerUpsertedV1, type EventEnvelope, type PayloadOf } from '@assistenza/contracts';
import { OnEvent, OutboxWriter } from '@assistenza/platform/messaging';
import { UnitOfWork } from '@assistenza/platform/persistence';
import { Customer } from '../../domain/customer/customer';
import { customerUpserted } from '../customer-events';
import { CUSTOMER_REPOSITORY, type CustomerRepository } from '../ports/customer.repository';

/**
 * Applies customers the sales module creates or changes to billing's customer master, then
 * republishes them as billing.customer.upserted so every replica stays fed from one source.
 * Runs inside the inbox transaction; an event older than the last one applied changes nothing.
 */
@Controller()
export class SalesCustomerUpsertedHandler {
  constructor(
    @Inject(CUSTOMER_REPOSITORY) private readonly customers: CustomerRepository,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  @OnEvent(SalesCustomerUpsertedV1)
  async handle(event: EventEnvelope<PayloadOf<typeof SalesCustomerUpsertedV1>>): Promise<void> {
    const { company, aggregateVersion, payload } = event;
    await this.uow.transaction(async () => {
      const applied = await this.customers.appliedSalesVersion(company, payload.account);
      if (applied !== null && applied >= aggregateVersion) return; // stale or repeated: the newer state stays
      const existing = await this.customers.find(company, payload.account);
      const { account: _account, ...fields } = payload;
      let customer: Customer;
      if (existing) {
        existing.change(fields);
        existing.markStored(await this.customers.update(existing, existing.version));
        customer = existing;
      } else {
        customer = Customer.create({ company, ...payload });
        await this.customers.insert(customer);
      }
      await this.customers.recordSalesVersion(company, payload.account, aggregateVersion);
      await this.outbox.append(CustomerUpsertedV1, customerUpserted(customer));
    });
  }
}
