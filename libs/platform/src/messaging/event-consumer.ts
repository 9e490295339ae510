import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { Logger } from 'pino';
import type { EventEnvelope } from '@assistenza/contracts';
import type { BrokerConfig } from '../config';
import { eventsConsumed, eventsDeadLettered, requestContext } from '../observability';
import type { UnitOfWork } from '../persistence';
import type { AmqpConnection } from './amqp-connection';
import { AckTracker } from './ack-tracker';
import type { EventValidator } from './event-validator';
import { claimInbox } from './inbox';
import { checkMessage, type EventHandlerFn } from './message-checks';
import { assertConsumerQueue, assertExchanges, deadLetterQueueOf } from './topology';

export type { EventHandlerFn } from './message-checks';

interface Delivery {
  ch: ConfirmChannel;
  msg: ConsumeMessage;
}

type Valid = Extract<ReturnType<typeof checkMessage>, { ok: true }>;

/** Deliveries handled in one transaction: one commit (one fsync) for many events. */
const MAX_BATCH = 200;
const MAX_CONCURRENT_BATCHES = 3;

/**
 * Consumes the service's queue. Every delivery ends in exactly one of: ack after the handler's
 * transaction commits; ack of a duplicate (the inbox already has its eventId); requeue after a
 * failure, until the delivery limit; or a copy to the `.dlq` with the reason in
 * `x-death-reason`, then ack. Nothing is left unacked to stall the queue (nestjs/nest#11641).
 *
 * Deliveries that arrive together are handled together in one transaction (inbox claim plus each
 * handler, in arrival order). If any handler of a batch fails, the batch rolls back and each of its
 * events is retried on its own, so one poison message never holds back the others.
 */
export class EventConsumer {
  private consumerTag?: string;
  private channel?: ConfirmChannel;
  private stopping = false;
  private pending: Delivery[] = [];
  private flushScheduled = false;
  private activeBatches = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly acks = new AckTracker();

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
    this.pending = []; // unacked: the broker redelivers them to another consumer
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
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
    const { consumerTag } = await ch.consume(this.queue, (msg) => this.receive(ch, msg), { noAck: false });
    this.consumerTag = consumerTag;
    this.logger.info({ queue: this.queue, routingKeys: [...this.handlers.keys()] }, 'consumer attached');
  }

  private receive(ch: ConfirmChannel, msg: ConsumeMessage | null): void {
    if (!msg) {
      // The broker cancelled us (e.g. the queue was deleted): closing the channel re-attaches.
      this.consumerTag = undefined;
      void ch.close().catch(() => undefined);
      return;
    }
    this.acks.received(ch, msg);
    this.pending.push({ ch, msg });
    if (this.pending.length >= MAX_BATCH) this.flush();
    else if (!this.flushScheduled) {
      // Everything that arrived in this turn of the event loop forms the batch: no added latency.
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush();
      });
    }
  }

  private flush(): void {
    while (this.pending.length && this.activeBatches < MAX_CONCURRENT_BATCHES) {
      const batch = this.pending.splice(0, MAX_BATCH);
      this.activeBatches++;
      const work: Promise<void> = this.processBatch(batch)
        .catch((err) => this.logger.error({ err }, 'consumer failed to settle a batch'))
        .finally(() => {
          this.activeBatches--;
          this.inFlight.delete(work);
          this.flush();
        });
      this.inFlight.add(work);
    }
  }

  private async processBatch(batch: Delivery[]): Promise<void> {
    const valid: Array<Valid & { ch: ConfirmChannel }> = [];
    for (const { ch, msg } of batch) {
      const checked = checkMessage(msg, this.handlers, this.queue, this.validator);
      if (checked.ok) valid.push({ ...checked, ch });
      else await this.deadLetter(ch, msg, checked.reason);
    }
    if (valid.length === 0) return;
    try {
      const handled = await this.handleTogether(valid);
      for (const ch of new Set(valid.map((v) => v.ch))) {
        this.settle(() => this.acks.ackBatch(ch, valid.filter((v) => v.ch === ch).map((v) => v.msg)));
      }
      for (const v of valid) eventsConsumed.inc({ type: v.contract.routingKey, outcome: handled.has(v) ? 'handled' : 'duplicate' });
    } catch (err) {
      if (valid.length === 1) return this.retryOrDeadLetter(valid[0], err as Error);
      for (const v of valid) await this.processBatch([{ ch: v.ch, msg: v.msg }]);
    }
  }

  /** One transaction: claim the batch's ids in the inbox, then run the handler of each new one. */
  private handleTogether(valid: Array<Valid & { ch: ConfirmChannel }>): Promise<Set<Valid>> {
    return this.uow.transaction(async (manager) => {
      const fresh = await claimInbox(manager, this.queue, valid.map((v) => ({ eventId: v.envelope.eventId, type: v.contract.routingKey })));
      const handled = new Set<Valid>();
      for (const v of valid) {
        if (!fresh.delete(v.envelope.eventId)) continue; // seen before, or twice in this batch
        await requestContext.run(contextOf(v.envelope), () => v.handler(v.envelope));
        handled.add(v);
      }
      return handled;
    });
  }

  private async retryOrDeadLetter(v: Valid & { ch: ConfirmChannel }, err: Error): Promise<void> {
    const deliveries = Number(v.msg.properties.headers?.['x-delivery-count'] ?? 0) + 1;
    if (deliveries >= this.broker.deliveryLimit) {
      return this.deadLetter(v.ch, v.msg, `handler-failed after ${deliveries} deliveries: ${err.message}`);
    }
    this.logger.warn({ err: err.message, eventId: v.envelope.eventId, deliveries }, 'event handler failed; requeueing');
    eventsConsumed.inc({ type: v.contract.routingKey, outcome: 'retried' });
    await new Promise((r) => setTimeout(r, Math.min(50 * 2 ** deliveries, 2_000)));
    this.settle(() => {
      this.acks.settled(v.ch, v.msg);
      v.ch.nack(v.msg, false, true);
    });
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
      this.settle(() => {
        this.acks.settled(ch, msg);
        ch.ack(msg);
      });
      eventsDeadLettered.inc({ reason: reason.split(':')[0] });
    } catch (err) {
      this.logger.error({ err }, 'could not dead-letter; requeueing');
      this.settle(() => {
        this.acks.settled(ch, msg);
        ch.nack(msg, false, true);
      });
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

function contextOf(envelope: EventEnvelope) {
  return { correlationId: envelope.correlationId, causationId: envelope.eventId, company: envelope.company, actor: envelope.actor, roles: [], customerAccount: null };
}
