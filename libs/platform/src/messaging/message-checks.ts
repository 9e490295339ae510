import type { ConsumeMessage } from 'amqplib';
import { findContract, type EventContract, type EventEnvelope } from '@assistenza/contracts';
import type { EventValidator } from './event-validator';

export type EventHandlerFn = (envelope: EventEnvelope) => Promise<void>;

export type CheckedMessage =
  | { ok: true; msg: ConsumeMessage; envelope: EventEnvelope; contract: EventContract; handler: EventHandlerFn }
  | { ok: false; msg: ConsumeMessage; reason: string };

/**
 * Everything that can be known wrong about a message before running its handler: it must parse,
 * be an envelope, name a contract in the catalog that this service handles, and match its schema.
 * Each failure is final (a redelivery would fail the same way), so it goes to the DLQ at once.
 */
export function checkMessage(msg: ConsumeMessage, handlers: ReadonlyMap<string, EventHandlerFn>, queue: string, validator: EventValidator): CheckedMessage {
  let envelope: EventEnvelope;
  try {
    envelope = JSON.parse(msg.content.toString('utf8'));
  } catch (err) {
    return { ok: false, msg, reason: `malformed-json: ${(err as Error).message}` };
  }
  const envelopeProblem = validator.envelopeErrors(envelope);
  if (envelopeProblem) return { ok: false, msg, reason: `invalid-envelope: ${envelopeProblem}` };
  const contract = findContract(envelope.type, envelope.version);
  if (!contract) return { ok: false, msg, reason: `unknown-event-type: ${envelope.type} v${envelope.version}` };
  const handler = handlers.get(contract.routingKey);
  if (!handler) return { ok: false, msg, reason: `no-handler: ${contract.routingKey} is not handled by ${queue}` };
  const payloadProblem = validator.payloadErrors(contract, envelope.payload);
  if (payloadProblem) return { ok: false, msg, reason: `schema-invalid: ${payloadProblem}` };
  return { ok: true, msg, envelope, contract, handler };
}
