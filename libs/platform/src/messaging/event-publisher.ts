import type { ConfirmChannel } from 'amqplib';
import type { Logger } from 'pino';
import type { BrokerConfig } from '../config';
import type { AmqpConnection } from './amqp-connection';
import { assertExchanges } from './topology';

export interface OutgoingEvent {
  eventId: string;
  routingKey: string;
  correlationId: string;
  body: Buffer;
}

const CONFIRM_TIMEOUT_MS = 10_000;

/**
 * Publishes on a confirm channel: a batch counts as sent only when the broker has acked every
 * message, i.e. persisted it in every queue it was routed to (RabbitMQ docs, "Publisher Confirms").
 * amqplib alone only writes into a socket buffer, which a crash loses (effect-messaging#147).
 */
export class EventPublisher {
  private channel?: ConfirmChannel;

  constructor(
    private readonly connection: AmqpConnection,
    private readonly broker: BrokerConfig,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.connection.onConnect(async (model) => {
      const ch = await model.createConfirmChannel();
      ch.on('error', (err: Error) => this.logger.warn({ err }, 'publisher channel error'));
      ch.on('close', () => {
        if (this.channel === ch) this.channel = undefined;
      });
      await assertExchanges(ch, this.broker);
      this.channel = ch;
    });
  }

  get isReady(): boolean {
    return this.channel !== undefined;
  }

  /**
   * Publishes the batch and resolves once the broker has confirmed every message of it. Waits for
   * its own messages only (a confirm callback each), not for the channel's: batches published
   * concurrently by other relay workers do not hold it up.
   */
  publishBatch(events: OutgoingEvent[]): Promise<void> {
    const ch = this.channel;
    if (!ch) return Promise.reject(new Error('broker not connected'));
    if (events.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      let unconfirmed = events.length;
      let settled = false;
      const settle = (err?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err) reject(err);
        else resolve();
      };
      const timer = setTimeout(() => settle(new Error('publisher confirms timed out')), CONFIRM_TIMEOUT_MS);
      const confirmed = (err: unknown) => {
        if (err) settle(err instanceof Error ? err : new Error('the broker refused the message'));
        else if (--unconfirmed === 0) settle();
      };
      const timestamp = Math.floor(Date.now() / 1000);
      try {
        for (const e of events) {
          const options = { persistent: true, contentType: 'application/json', messageId: e.eventId, correlationId: e.correlationId, type: e.routingKey, timestamp };
          ch.publish(this.broker.exchange, e.routingKey, e.body, options, confirmed);
        }
      } catch (err) {
        settle(err as Error); // the channel closed under us
      }
    });
  }
}
