import { Controller, Inject, Module, type DynamicModule } from '@nestjs/common';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CustomerUpsertedV1, type EventEnvelope, type PayloadOf } from '@assistenza/contracts';
import type { ServiceConfig } from '@assistenza/platform/config';
import { createServiceApp, ServicePlatformModule } from '@assistenza/platform/http';
import { OnEvent } from '@assistenza/platform/messaging';
import { UnitOfWork } from '@assistenza/platform/persistence';

/** A minimal service for testing the event bus itself: it records what it handles. */
class ProbeTable1733390000000 implements MigrationInterface {
  name = 'ProbeTable1733390000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE probe_received (event_id uuid NOT NULL, account text NOT NULL, received_at timestamptz NOT NULL DEFAULT now())');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE probe_received');
  }
}

const PROBE_OPTIONS = Symbol('PROBE_OPTIONS');

export interface ProbeOptions {
  /** Write a row per handled event (the default); off, the handler does nothing and only the inbox records the event. */
  record: boolean;
}

@Controller()
class ProbeHandler {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(PROBE_OPTIONS) private readonly options: ProbeOptions,
  ) {}

  @OnEvent(CustomerUpsertedV1)
  async handle(event: EventEnvelope<PayloadOf<typeof CustomerUpsertedV1>>): Promise<void> {
    if (!this.options.record) return;
    await this.uow.manager.query('INSERT INTO probe_received (event_id, account) VALUES ($1, $2)', [event.eventId, event.payload.account]);
    // After the write, so a failure also proves the write is rolled back with the inbox record.
    if (event.payload.name === 'poison') throw new Error('poison pill: this handler always fails');
  }
}

@Module({})
class ProbeModule {
  static forConfig(config: ServiceConfig, options: ProbeOptions): DynamicModule {
    return {
      module: ProbeModule,
      imports: [ServicePlatformModule.forService(config, { entities: [], migrations: [ProbeTable1733390000000] })],
      controllers: [ProbeHandler],
      providers: [{ provide: PROBE_OPTIONS, useValue: options }],
    };
  }
}

export function createProbeApp(config: ServiceConfig, options: ProbeOptions = { record: true }) {
  return createServiceApp(ProbeModule.forConfig(config, options), { title: 'probe', description: 'event bus test service' });
}
