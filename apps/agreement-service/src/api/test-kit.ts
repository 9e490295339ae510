import { randomUUID } from 'node:crypto';
import * as amqp from 'amqplib';
import { ProjectUpsertedV1, type EventEnvelope } from '@assistenza/contracts';
import type { ServiceConfig } from '@assistenza/platform/config';
import { AmqpEventServer } from '@assistenza/platform/messaging';
import {
  authHeaders, dropTestDatabase, http, newRunId, startService, testServiceConfig, TestBroker, waitFor, type HttpAnswer, type RunningService,
} from '@assistenza/testing';
import { createAgreementApp } from '../bootstrap';

/**
 * Test helpers shared by the agreement service's integration tests (not shipped: only
 * *.int-spec.ts import it). One agreement service on the real PostgreSQL and RabbitMQ, a
 * service-manager token, and shortcuts for the setup every test needs.
 */
export class AgreementTestKit {
  private constructor(
    readonly svc: RunningService,
    readonly broker: TestBroker,
    readonly headers: Record<string, string>,
  ) {}

  static async start(config: ServiceConfig = testServiceConfig('agreement-service', newRunId())): Promise<AgreementTestKit> {
    const svc = await startService(createAgreementApp, config);
    return new AgreementTestKit(svc, await TestBroker.connect(), await authHeaders('service-manager', { companies: ['DAT'] }));
  }

  /** `path` below /api/v1, as the service-manager unless other headers are given. */
  http(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    return http(method, `${this.svc.url}/api/v1${path}`, body, { ...this.headers, ...headers });
  }

  async etag(agreementId: string): Promise<string> {
    return (await this.http('GET', `/service-agreements/${agreementId}`)).headers.get('etag') ?? '';
  }

  async publishProject(projectId: string, customerAccount: string): Promise<void> {
    await this.broker.publish(this.svc.config.broker.exchange, ProjectUpsertedV1.routingKey, {
      eventId: randomUUID(), type: ProjectUpsertedV1.type, version: 1, occurredAt: new Date().toISOString(), aggregateType: 'project', aggregateId: projectId,
      aggregateVersion: 1, correlationId: 'test', causationId: null, company: 'DAT', actor: 'billing', payload: { ...ProjectUpsertedV1.example, projectId, customerAccount },
    });
    await waitFor(async () => (await this.svc.db.query('SELECT 1 FROM project_replica WHERE project_id = $1', [projectId])).length === 1, { what: `project ${projectId} replicated` });
  }

  /** Creates reference data: `[path, body]` pairs, each must answer 201. */
  async reference(items: ReadonlyArray<readonly [string, object]>): Promise<void> {
    for (const [path, body] of items) {
      const res = await this.http('POST', path, body);
      if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }

  async createAgreement(agreementId: string, over: object = {}): Promise<HttpAnswer> {
    const res = await this.http('POST', '/service-agreements', { agreementId, description: 'Maintenance', projectId: 'PRJ-1', groupId: 'STD', startDate: '2012-01-01', endDate: '2012-12-31', ...over });
    if (res.status !== 201) throw new Error(`creating ${agreementId}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }

  async addLine(agreementId: string, line: object = {}): Promise<HttpAnswer> {
    const body = { transactionType: 'hour', description: 'Check', categoryId: 'SERVICE', quantity: '1', startDate: '2012-04-01', ...line };
    return this.http('POST', `/service-agreements/${agreementId}/lines`, body, { 'if-match': await this.etag(agreementId) });
  }

  /** Binds a queue of the test's own to the run's exchange and collects the envelopes that match `pattern`. */
  async listen(pattern: string): Promise<EventTap> {
    const conn = await amqp.connect(process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672');
    const ch = await conn.createChannel();
    const { queue } = await ch.assertQueue('', { exclusive: true });
    await ch.bindQueue(queue, this.svc.config.broker.exchange, pattern);
    const tap = new EventTap(conn);
    await ch.consume(queue, (m) => m && (tap.events.push(JSON.parse(m.content.toString())), ch.ack(m)));
    return tap;
  }

  async close(): Promise<void> {
    const queue = this.svc.app.get(AmqpEventServer).queue;
    await this.svc.close();
    await this.broker.removeTopology(this.svc.config.broker, [queue]);
    await this.broker.close();
    await dropTestDatabase(this.svc.config);
  }
}

/** An envelope as a test queue received it. */
export type ReceivedEvent = EventEnvelope<Record<string, unknown>>;

/** Envelopes received on a test queue. */
export class EventTap {
  readonly events: ReceivedEvent[] = [];

  constructor(private readonly connection: amqp.ChannelModel) {}

  of(type: string, aggregateId?: string): ReceivedEvent[] {
    return this.events.filter((e) => e.type === type && (aggregateId === undefined || e.aggregateId === aggregateId));
  }

  /** Waits until `count` events of the type (and aggregate) arrived; returns them. */
  wait(type: string, aggregateId?: string, count = 1): Promise<ReceivedEvent[]> {
    return waitFor(() => (this.of(type, aggregateId).length >= count ? this.of(type, aggregateId) : null), { what: `${count} × ${type} ${aggregateId ?? ''}` });
  }

  async close(): Promise<void> {
    await this.connection.close().catch(() => undefined);
  }
}
