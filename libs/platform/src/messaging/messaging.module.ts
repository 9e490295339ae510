import { Inject, Injectable, Module, type DynamicModule, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { SERVICE_CONFIG, type ServiceConfig } from '../config';
import { LOGGER } from '../observability/tokens';
import { UnitOfWork } from '../persistence';
import { AmqpConnection } from './amqp-connection';
import { AmqpEventServer } from './amqp-event-server';
import { EventPublisher } from './event-publisher';
import { EventValidator } from './event-validator';
import { Housekeeping } from './housekeeping';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';

@Injectable()
class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(AmqpConnection) private readonly connection: AmqpConnection,
    @Inject(EventPublisher) private readonly publisher: EventPublisher,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(Housekeeping) private readonly housekeeping: Housekeeping,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.publisher.start();
    await this.connection.start();
  }

  onApplicationBootstrap(): void {
    if (this.config.outboxRelay) this.relay.start();
    this.housekeeping.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.housekeeping.stop();
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/** Broker connection, confirmed publishing through the outbox, and the inbox-backed consumer. */
@Module({})
export class MessagingModule {
  static forRoot(): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        {
          provide: AmqpConnection,
          inject: [SERVICE_CONFIG, LOGGER],
          useFactory: (c: ServiceConfig, log: Logger) => new AmqpConnection(c.broker.url, c.service, log),
        },
        { provide: EventValidator, useValue: new EventValidator() },
        {
          provide: EventPublisher,
          inject: [AmqpConnection, SERVICE_CONFIG, LOGGER],
          useFactory: (conn: AmqpConnection, c: ServiceConfig, log: Logger) => new EventPublisher(conn, c.broker, log),
        },
        {
          provide: OutboxWriter,
          inject: [UnitOfWork, EventValidator],
          useFactory: (uow: UnitOfWork, v: EventValidator) => new OutboxWriter(uow, v),
        },
        {
          provide: OutboxRelay,
          inject: [DataSource, SERVICE_CONFIG, EventPublisher, LOGGER],
          useFactory: (ds: DataSource, c: ServiceConfig, p: EventPublisher, log: Logger) => new OutboxRelay(ds, c.database, p, log),
        },
        {
          provide: Housekeeping,
          inject: [DataSource, LOGGER],
          useFactory: (ds: DataSource, log: Logger) => new Housekeeping(ds, log),
        },
        AmqpEventServer,
        MessagingLifecycle,
      ],
      exports: [AmqpConnection, EventPublisher, OutboxWriter, OutboxRelay, AmqpEventServer, EventValidator],
    };
  }
}
