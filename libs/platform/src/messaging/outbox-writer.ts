import { finished } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager, QueryRunner } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { EventContract, EventEnvelope, PayloadOf } from '@assistenza/contracts';
import { requestContext } from '../observability';
import type { UnitOfWork } from '../persistence';
import type { EventValidator } from './event-validator';

/** 6 parameters a row; PostgreSQL allows 65,535 parameters in one statement. */
const ROWS_PER_INSERT = 1_000;
/**
 * From this many events on, appendMany streams them with COPY: no parameters for the driver to
 * serialise and no VALUES list for PostgreSQL to parse (order generation writes hundreds per
 * transaction). Below it one INSERT is cheaper, as COPY waits for the server once more.
 */
const COPY_FROM = 100;
const COPY_SQL = 'COPY outbox (event_id, routing_key, aggregate_type, aggregate_id, correlation_id, body) FROM STDIN';

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

  /** Records many events of one contract in one go: multi-row INSERTs, or one COPY for a large batch (bulk work such as order generation). */
  async appendMany<C extends EventContract>(contract: C, events: readonly NewEvent<C>[]): Promise<EventEnvelope<PayloadOf<C>>[]> {
    const manager = this.uow.requireTransaction();
    const envelopes = events.map((event) => this.envelopeOf(contract, event));
    const runner = manager.queryRunner;
    if (envelopes.length >= COPY_FROM && runner) await copyIntoOutbox(runner, contract.routingKey, envelopes);
    else await insertIntoOutbox(manager, contract.routingKey, envelopes);
    return envelopes;
  }

  private envelopeOf<C extends EventContract>(contract: C, event: NewEvent<C>): EventEnvelope<PayloadOf<C>> {
    const ctx = requestContext.require();
    const envelope: EventEnvelope<PayloadOf<C>> = {
      // Time-ordered (RFC 9562 v7): outbox and inbox keys are appended at the right edge of their
      // indexes instead of at random pages, which matters once the inbox holds days of events.
      eventId: uuidv7(),
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

/**
 * Multi-row INSERTs. VALUES with one parameter per value, not unnest() over text arrays: array
 * literals make the driver escape every quote of the JSON bodies and PostgreSQL parse them again (3× slower).
 */
async function insertIntoOutbox(manager: EntityManager, routingKey: string, envelopes: readonly EventEnvelope<unknown>[]): Promise<void> {
  for (let start = 0; start < envelopes.length; start += ROWS_PER_INSERT) {
    const chunk = envelopes.slice(start, start + ROWS_PER_INSERT);
    const params: unknown[] = [];
    const rows = chunk.map((e) => {
      params.push(e.eventId, routingKey, e.aggregateType, e.aggregateId, e.correlationId, JSON.stringify(e));
      const n = params.length;
      return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
    });
    await manager.query(`INSERT INTO outbox (event_id, routing_key, aggregate_type, aggregate_id, correlation_id, body) VALUES ${rows.join(', ')}`, params);
  }
}

/**
 * One COPY on the transaction's own connection, so the rows commit or roll back with it; COPY
 * fires the table's statement trigger like an INSERT, so the relay is woken all the same.
 */
async function copyIntoOutbox(runner: QueryRunner, routingKey: string, envelopes: readonly EventEnvelope<unknown>[]): Promise<void> {
  const client: ClientBase = await runner.connect();
  const key = copyText(routingKey);
  let rows = '';
  for (const e of envelopes) rows += `${e.eventId}\t${key}\t${copyText(e.aggregateType)}\t${copyText(e.aggregateId)}\t${copyText(e.correlationId)}\t${copyJson(JSON.stringify(e))}\n`;
  const copy = client.query(copyFrom(COPY_SQL));
  copy.end(rows);
  await finished(copy);
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value in COPY's text format: backslash, tab, newline and carriage return escaped. */
function copyText(value: string): string {
  return COPY_SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : value;
}

/** JSON text in COPY's text format: JSON.stringify escapes every control character, so only backslashes remain to double. */
function copyJson(json: string): string {
  return json.includes('\\') ? json.replace(/\\/g, '\\\\') : json;
}
