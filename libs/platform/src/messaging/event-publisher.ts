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

  async publishBatch(events: OutgoingEvent[]): Promise<void> {
    const ch = this.channel;
    if (!ch) throw new Error('broker not connected');
    for (const e of events) {
      ch.publish(this.broker.exchange, e.routingKey, e.body, {
        persistent: true,
        contentType: 'application/json',
        messageId: e.eventId,
        correlationId: e.correlationId,
        type: e.routingKey,
        timestamp: Math.floor(Date.now() / 1000),
      });
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('publisher confirms timed out')), CONFIRM_TIMEOUT_MS);
    });
    try {
      await Promise.race([ch.waitForConfirms(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
