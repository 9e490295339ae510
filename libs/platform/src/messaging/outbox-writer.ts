import { randomUUID } from 'node:crypto';
import type { EventContract, EventEnvelope, PayloadOf } from '@assistenza/contracts';
import { requestContext } from '../observability';
import type { UnitOfWork } from '../persistence';
import type { EventValidator } from './event-validator';

export interface NewEvent<C extends EventContract> {
  aggregateId: string;
  aggregateVersion: number;
  payload: PayloadOf<C>;
  occurredAt?: Date;
}

/**
 * Records an integration event in the outbox, inside the transaction that makes the change, so
 * that either both commit or neither does. The relay publishes it later. Envelope metadata
 * (company, actor, correlation and causation ids) comes from the request context.
 */
export class OutboxWriter {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly validator: EventValidator,
  ) {}

  async append<C extends EventContract>(contract: C, event: NewEvent<C>): Promise<EventEnvelope<PayloadOf<C>>> {
    const [envelope] = await this.appendMany(contract, [event]);
    return envelope;
  }

  /** Records many events of one contract with a single INSERT (bulk work such as order generation). */
  async appendMany<C extends EventContract>(contract: C, events: readonly NewEvent<C>[]): Promise<EventEnvelope<PayloadOf<C>>[]> {
    if (events.length === 0) return [];
    const manager = this.uow.requireTransaction();
    const envelopes = events.map((event) => this.envelopeOf(contract, event));
    await manager.query(
      `INSERT INTO outbox (event_id, routing_key, aggregate_type, aggregate_id, correlation_id, body)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [
        envelopes.map((e) => e.eventId),
        envelopes.map(() => contract.routingKey),
        envelopes.map((e) => e.aggregateType),
        envelopes.map((e) => e.aggregateId),
        envelopes.map((e) => e.correlationId),
        envelopes.map((e) => JSON.stringify(e)),
      ],
    );
    return envelopes;
  }

  private envelopeOf<C extends EventContract>(contract: C, event: NewEvent<C>): EventEnvelope<PayloadOf<C>> {
    const ctx = requestContext.require();
    const envelope: EventEnvelope<PayloadOf<C>> = {
      eventId: randomUUID(),
      type: contract.type,
      version: contract.version,
      occurredAt: (event.occurredAt ?? new Date()).toISOString(),
      aggregateType: contract.aggregateType,
      aggregateId: event.aggregateId,
      aggregateVersion: event.aggregateVersion,
      correlationId: ctx.correlationId,
      causationId: ctx.causationId,
      company: ctx.company,
      actor: ctx.actor,
      payload: event.payload,
    };
    const problem = this.validator.envelopeErrors(envelope) ?? this.validator.payloadErrors(contract, envelope.payload);
    if (problem) throw new Error(`Refusing to publish an invalid ${contract.routingKey}: ${problem}`);
    return envelope;
  }
}
