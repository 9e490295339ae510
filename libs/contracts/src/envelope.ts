import { Type, type Static, type TSchema } from '@sinclair/typebox';

/**
 * The one envelope every integration event travels in (design.md §2). The routing key on the
 * exchange is `${type}.v${version}`; consumers validate the envelope and then the payload.
 */
export const EventEnvelopeSchema = Type.Object(
  {
    eventId: Type.String({ format: 'uuid', description: 'Unique id; consumers deduplicate on it' }),
    type: Type.String({ pattern: '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$', description: 'Event type without version' }),
    version: Type.Integer({ minimum: 1 }),
    occurredAt: Type.String({ format: 'date-time', description: 'When the fact happened, ISO 8601 with offset' }),
    aggregateType: Type.String({ minLength: 1 }),
    aggregateId: Type.String({ minLength: 1 }),
    aggregateVersion: Type.Integer({ minimum: 0, description: 'Version of the aggregate after the change' }),
    correlationId: Type.String({ minLength: 1 }),
    causationId: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
    company: Type.String({ minLength: 1, maxLength: 8, description: 'Legal entity (data area)' }),
    actor: Type.String({ minLength: 1 }),
    payload: Type.Unknown(),
  },
  { additionalProperties: false, $id: 'EventEnvelope' },
);

export type EventEnvelope<P = unknown> = Omit<Static<typeof EventEnvelopeSchema>, 'payload'> & { payload: P };

/** A versioned event contract: what a producer promises and a consumer may rely on. */
export interface EventContract<S extends TSchema = TSchema> {
  readonly type: string;
  readonly version: number;
  readonly routingKey: string;
  readonly aggregateType: string;
  readonly description: string;
  readonly payload: S;
  /** A valid example payload, used in the AsyncAPI document and as a test fixture. */
  readonly example: Static<S>;
}

export type PayloadOf<C> = C extends EventContract<infer S> ? Static<S> : never;

export function defineEvent<S extends TSchema>(def: {
  type: string;
  version: number;
  aggregateType: string;
  description: string;
  payload: S;
  example: Static<S>;
}): EventContract<S> {
  return { ...def, routingKey: `${def.type}.v${def.version}` };
}
