import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { Logger } from 'pino';
import { findContract, type EventContract, type EventEnvelope } from '@assistenza/contracts';
import type { BrokerConfig } from '../config';
import { eventsConsumed, eventsDeadLettered, requestContext } from '../observability';
import type { UnitOfWork } from '../persistence';
import type { AmqpConnection } from './amqp-connection';
import type { EventValidator } from './event-validator';
import { assertConsumerQueue, assertExchanges, deadLetterQueueOf } from './topology';

export type EventHandlerFn = (envelope: EventEnvelope) => Promise<void>;

/**
 * Consumes the service's queue. Every delivery ends in exactly one of: ack after the handler's
 * transaction commits; ack of a duplicate (the inbox already has its eventId); requeue after a
 * failure, until the delivery limit; or a copy to the `.dlq` with the reason in
 * `x-death-reason`, then ack. Nothing is left unacked to stall the queue (nestjs/nest#11641).
 */
export class EventConsumer {
  private channel?: ConfirmChannel;
  private consumerTag?: string;
  private stopping = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly connection: AmqpConnection,
    private readonly broker: BrokerConfig,
    readonly queue: string,
    private readonly handlers: ReadonlyMap<string, EventHandlerFn>,
    private readonly uow: UnitOfWork,
    private readonly validator: EventValidator,
    private readonly logger: Logger,
  ) {}

  /** True while the consumer is registered on the broker. */
  get isAttached(): boolean {
    return this.consumerTag !== undefined;
  }

  async start(): Promise<void> {
    await this.connection.onConnect((model) => this.attach(model));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const ch = this.channel;
    if (ch && this.consumerTag) await ch.cancel(this.consumerTag).catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
    await ch?.close().catch(() => undefined);
  }

  private async attach(model: NonNullable<AmqpConnection['current']>): Promise<void> {
    if (this.stopping) return;
    const ch = await model.createConfirmChannel();
    ch.on('error', (err: Error) => this.logger.warn({ err }, 'consumer channel error'));
    ch.on('close', () => {
      if (this.channel !== ch) return;
      this.channel = undefined;
      this.consumerTag = undefined;
      // A channel-level error closes only the channel: re-attach on the same connection.
      const current = this.connection.current;
      if (!this.stopping && current) setTimeout(() => void this.attach(current).catch((e) => this.logger.error({ err: e }, 'consumer re-attach failed')), 500).unref();
    });
    await ch.prefetch(this.broker.prefetch);
    await assertExchanges(ch, this.broker);
    await assertConsumerQueue(ch, this.broker, this.queue, [...this.handlers.keys()]);
    this.channel = ch;
    const { consumerTag } = await ch.consume(this.queue, (msg) => this.track(ch, msg), { noAck: false });
    this.consumerTag = consumerTag;
    this.logger.info({ queue: this.queue, routingKeys: [...this.handlers.keys()] }, 'consumer attached');
  }

  private track(ch: ConfirmChannel, msg: ConsumeMessage | null): void {
    if (!msg) {
      // The broker cancelled us (queue deleted): re-declare and consume again.
      this.consumerTag = undefined;
      void ch.close().catch(() => undefined);
      return;
    }
    const work = this.process(ch, msg).catch((err) => this.logger.error({ err }, 'consumer failed to settle a message'));
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async process(ch: ConfirmChannel, msg: ConsumeMessage): Promise<void> {
    let envelope: EventEnvelope;
    try {
      envelope = JSON.parse(msg.content.toString('utf8'));
    } catch (err) {
      return this.deadLetter(ch, msg, `malformed-json: ${(err as Error).message}`);
    }
    const envelopeProblem = this.validator.envelopeErrors(envelope);
    if (envelopeProblem) return this.deadLetter(ch, msg, `invalid-envelope: ${envelopeProblem}`);
    const contract = findContract(envelope.type, envelope.version);
    if (!contract) return this.deadLetter(ch, msg, `unknown-event-type: ${envelope.type} v${envelope.version}`);
    const handler = this.handlers.get(contract.routingKey);
    if (!handler) return this.deadLetter(ch, msg, `no-handler: ${contract.routingKey} is not handled by ${this.queue}`);
    const payloadProblem = this.validator.payloadErrors(contract, envelope.payload);
    if (payloadProblem) return this.deadLetter(ch, msg, `schema-invalid: ${payloadProblem}`);
    await this.handle(ch, msg, contract, envelope, handler);
  }

  private async handle(ch: ConfirmChannel, msg: ConsumeMessage, contract: EventContract, envelope: EventEnvelope, handler: EventHandlerFn) {
    const context = { correlationId: envelope.correlationId, causationId: envelope.eventId, company: envelope.company, actor: envelope.actor };
    try {
      const handled = await requestContext.run(context, () =>
        this.uow.transaction(async (m) => {
          // The dedup record commits with the handler's writes: both or neither (idempotent consumer).
          const inserted: unknown[] = await m.query(
            'INSERT INTO inbox (consumer, event_id, event_type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1',
            [this.queue, envelope.eventId, contract.routingKey],
          );
          if (inserted.length === 0) return false;
          await handler(envelope);
          return true;
        }),
      );
      this.settle(() => ch.ack(msg));
      eventsConsumed.inc({ type: contract.routingKey, outcome: handled ? 'handled' : 'duplicate' });
    } catch (err) {
      await this.retryOrDeadLetter(ch, msg, contract, err as Error);
    }
  }

  private async retryOrDeadLetter(ch: ConfirmChannel, msg: ConsumeMessage, contract: EventContract, err: Error) {
    const deliveries = Number(msg.properties.headers?.['x-delivery-count'] ?? 0) + 1;
    if (deliveries >= this.broker.deliveryLimit) {
      return this.deadLetter(ch, msg, `handler-failed after ${deliveries} deliveries: ${err.message}`);
    }
    this.logger.warn({ err: err.message, eventId: msg.properties.messageId, deliveries }, 'event handler failed; requeueing');
    eventsConsumed.inc({ type: contract.routingKey, outcome: 'retried' });
    await new Promise((r) => setTimeout(r, Math.min(50 * 2 ** deliveries, 2_000)));
    this.settle(() => ch.nack(msg, false, true));
  }

  /** Copies the message to this queue's DLQ with the reason, waits for the broker's confirm, then acks. */
  private async deadLetter(ch: ConfirmChannel, msg: ConsumeMessage, reason: string): Promise<void> {
    this.logger.warn({ reason, eventId: msg.properties.messageId, routingKey: msg.fields.routingKey }, 'dead-lettering event');
    try {
      ch.publish(this.broker.deadLetterExchange, deadLetterQueueOf(this.queue), msg.content, {
        ...msg.properties,
        persistent: true,
        headers: {
          ...msg.properties.headers,
          'x-death-reason': reason.slice(0, 1_000),
          'x-original-exchange': msg.fields.exchange,
          'x-original-routing-key': msg.fields.routingKey,
          'x-dead-lettered-by': this.queue,
        },
      });
      await ch.waitForConfirms();
      this.settle(() => ch.ack(msg));
      eventsDeadLettered.inc({ reason: reason.split(':')[0] });
    } catch (err) {
      this.logger.error({ err }, 'could not dead-letter; requeueing');
      this.settle(() => ch.nack(msg, false, true));
    }
  }

  /** Acks on a closed channel are void: the broker redelivers, and the inbox absorbs the repeat. */
  private settle(action: () => void): void {
    try {
      action();
    } catch (err) {
      this.logger.debug({ err: (err as Error).message }, 'could not settle on a closed channel; the broker will redeliver');
    }
  }
}
