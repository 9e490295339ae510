import { EventEnvelopeSchema, type EventContract } from './envelope';
import { eventCatalog } from './events/catalog';

/**
 * AsyncAPI 3.0 description of every event in the catalog: one channel per routing key on the
 * topic exchange, one message per contract whose payload is the envelope with the event's payload.
 */
export function buildAsyncApiDocument(opts: { exchange: string; version: string; contracts?: readonly EventContract[] }) {
  const contracts = opts.contracts ?? eventCatalog;
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const c of contracts) {
    const id = c.routingKey.replace(/[^A-Za-z0-9]+/g, '_');
    messages[id] = {
      name: c.routingKey,
      title: `${c.type} v${c.version}`,
      summary: c.description,
      contentType: 'application/json',
      payload: {
        ...EventEnvelopeSchema,
        properties: { ...EventEnvelopeSchema.properties, type: { const: c.type }, version: { const: c.version }, payload: c.payload },
      },
      examples: [{ name: 'example', payload: c.example }],
    };
    channels[id] = {
      address: c.routingKey,
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
      bindings: { amqp: { is: 'routingKey', exchange: { name: opts.exchange, type: 'topic', durable: true, autoDelete: false } } },
    };
    operations[`publish_${id}`] = {
      action: 'send',
      summary: `Published by ${producerOf(c)}`,
      channel: { $ref: `#/channels/${id}` },
      messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Assistenza events',
      version: opts.version,
      description:
        'Domain events on the topic exchange. Routing key = `<type>.v<version>`. Every message is the same envelope; consumers deduplicate on `eventId`.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}

function producerOf(c: EventContract): string {
  const context = c.type.split('.')[0];
  return ['hr', 'sales'].includes(context) ? `the external ${context} module` : `${context}-service`;
}
