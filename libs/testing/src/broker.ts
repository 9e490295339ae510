import * as amqp from 'amqplib';
import type { BrokerConfig } from '@assistenza/platform/config';

const URL = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';

export interface DeadLetter {
  reason: string;
  body: string;
  routingKey: string;
}

/** A plain amqplib client for tests: publish raw bytes, read a DLQ, count a queue, clean up. */
export class TestBroker {
  private constructor(
    private readonly connection: amqp.ChannelModel,
    private readonly channel: amqp.ConfirmChannel,
  ) {}

  static async connect(): Promise<TestBroker> {
    const connection = await amqp.connect(URL);
    const channel = await connection.createConfirmChannel();
    return new TestBroker(connection, channel);
  }

  async publish(exchange: string, routingKey: string, body: string | object, headers: Record<string, unknown> = {}): Promise<void> {
    const content = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    this.channel.publish(exchange, routingKey, content, { persistent: true, contentType: 'application/json', headers });
    await this.channel.waitForConfirms();
  }

  async messageCount(queue: string): Promise<number> {
    return (await this.channel.checkQueue(queue)).messageCount;
  }

  /** Takes every message currently in a dead-letter queue. */
  async drainDeadLetters(queue: string): Promise<DeadLetter[]> {
    const letters: DeadLetter[] = [];
    for (;;) {
      const msg = await this.channel.get(queue, { noAck: true });
      if (!msg) return letters;
      letters.push({
        reason: String(msg.properties.headers?.['x-death-reason'] ?? msg.properties.headers?.['x-first-death-reason'] ?? ''),
        body: msg.content.toString('utf8'),
        routingKey: String(msg.properties.headers?.['x-original-routing-key'] ?? msg.fields.routingKey),
      });
    }
  }

  /** Removes a test run's exchanges and the queues named. */
  async removeTopology(broker: BrokerConfig, queues: string[]): Promise<void> {
    // A failed delete closes its channel, so each one gets a channel of its own.
    const attempt = async (op: (ch: amqp.Channel) => Promise<unknown>) => {
      const ch = await this.connection.createChannel();
      ch.on('error', () => undefined);
      await op(ch).catch(() => undefined);
      await ch.close().catch(() => undefined);
    };
    for (const q of [...queues.flatMap((q) => [q, `${q}.dlq`]), `${broker.exchange}.unrouted`]) await attempt((ch) => ch.deleteQueue(q));
    for (const x of [broker.exchange, broker.deadLetterExchange, `${broker.exchange}.unrouted`]) await attempt((ch) => ch.deleteExchange(x));
  }

  async close(): Promise<void> {
    await this.connection.close().catch(() => undefined);
  }
}
