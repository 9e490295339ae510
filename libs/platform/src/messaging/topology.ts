import type { Channel } from 'amqplib';
import type { BrokerConfig } from '../config';

/** The events exchange, its alternate exchange for unrouted messages, and the dead-letter exchange. */
export async function assertExchanges(ch: Channel, broker: BrokerConfig): Promise<void> {
  const unrouted = `${broker.exchange}.unrouted`;
  await ch.assertExchange(unrouted, 'fanout', { durable: true });
  // Keeps what nobody was bound to yet (e.g. before a consumer's first deploy) instead of dropping it.
  await ch.assertQueue(unrouted, { durable: true, arguments: { 'x-max-length': 100_000, 'x-overflow': 'drop-head' } });
  await ch.bindQueue(unrouted, unrouted, '');
  await ch.assertExchange(broker.exchange, 'topic', { durable: true, alternateExchange: unrouted });
  await ch.assertExchange(broker.deadLetterExchange, 'direct', { durable: true });
}

export const deadLetterQueueOf = (queue: string) => `${queue}.dlq`;

/**
 * A consumer's quorum queue (replicated, with a delivery limit) and its `.dlq`. Quorum queues count
 * deliveries in `x-delivery-count`; past the limit the broker dead-letters by itself, a safety net
 * under the consumer's own dead-lettering with a reason.
 * Never change these arguments in place: RabbitMQ refuses a redeclaration with other arguments.
 */
export async function assertConsumerQueue(ch: Channel, broker: BrokerConfig, queue: string, routingKeys: string[]): Promise<void> {
  const dlq = deadLetterQueueOf(queue);
  await ch.assertQueue(dlq, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await ch.bindQueue(dlq, broker.deadLetterExchange, dlq);
  await ch.assertQueue(queue, {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-delivery-limit': broker.deliveryLimit,
      'x-dead-letter-exchange': broker.deadLetterExchange,
      'x-dead-letter-routing-key': dlq,
    },
  });
  for (const key of routingKeys) await ch.bindQueue(queue, broker.exchange, key);
}
