import { Inject, Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import type { Logger } from 'pino';
import { SERVICE_CONFIG, type ServiceConfig } from '../config';
import { LOGGER } from '../observability/tokens';
import { UnitOfWork } from '../persistence';
import { AmqpConnection } from './amqp-connection';
import { EventConsumer } from './event-consumer';
import { discoverEventHandlers } from './event-handler-discovery';
import { EventValidator } from './event-validator';

/**
 * A Nest microservice transport over amqplib (ADR 0002): Nest starts and stops it with the app;
 * it finds the `@OnEvent` handlers and consumes the service's own quorum queue with manual acks,
 * an inbox and dead lettering, which Nest's built-in RMQ transport does not do (auto-ack,
 * non-persistent defaults, dispatch on a `pattern` field in the body, no DLX). Handlers are called
 * directly: Nest's RPC pipeline (interceptors, pipes, Observables) cost a sixth of the consumer's
 * CPU and added nothing, since the consumer sets the context and handles errors itself.
 */
@Injectable()
export class AmqpEventServer extends Server implements CustomTransportStrategy {
  private consumer?: EventConsumer;

  constructor(
    @Inject(AmqpConnection) private readonly connection: AmqpConnection,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(EventValidator) private readonly validator: EventValidator,
    @Inject(LOGGER) private readonly log: Logger,
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(MetadataScanner) private readonly scanner: MetadataScanner,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {
    super();
  }

  get queue(): string {
    return `${this.config.broker.exchange}.${this.config.service}`;
  }

  /** Whether this process consumes at all, and if so whether its consumer is attached. */
  get consumerReady(): boolean {
    return this.consumer === undefined || this.consumer.isAttached;
  }

  async listen(callback: (...optionalParams: unknown[]) => void): Promise<void> {
    const handlers = discoverEventHandlers(this.discovery, this.scanner, this.reflector);
    if (handlers.size > 0) {
      this.consumer = new EventConsumer(this.connection, this.config.broker, this.queue, handlers, this.uow, this.validator, this.log);
      await this.consumer.start();
    }
    callback();
  }

  async close(): Promise<void> {
    await this.consumer?.stop();
  }

  on(): void {
    throw new Error('AmqpEventServer does not expose transport events');
  }

  unwrap<T>(): T {
    return this.connection as T;
  }
}
