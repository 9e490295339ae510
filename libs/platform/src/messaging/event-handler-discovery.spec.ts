import 'reflect-metadata';
import { Controller, Injectable, Module } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { CustomerUpsertedV1, type EventEnvelope } from '@assistenza/contracts';
import { discoverEventHandlers } from './event-handler-discovery';
import { OnEvent } from './on-event.decorator';

@Controller()
class CustomerReplica {
  readonly seen: string[] = [];

  @OnEvent(CustomerUpsertedV1)
  async upsert(event: EventEnvelope): Promise<void> {
    this.seen.push(event.eventId);
  }

  countSeen(): number {
    return this.seen.length;
  }
}

@Injectable()
class SecondCustomerHandler {
  @OnEvent(CustomerUpsertedV1)
  async alsoUpsert(): Promise<void> {
    await Promise.resolve();
  }
}

async function handlersOf(module: new () => unknown) {
  const app = await Test.createTestingModule({ imports: [DiscoveryModule, module] }).compile();
  return { app, discover: () => discoverEventHandlers(app.get(DiscoveryService), app.get(MetadataScanner), app.get(Reflector)) };
}

describe(discoverEventHandlers.name, () => {
  it('finds an @OnEvent method by its routing key and calls it on its own instance', async () => {
    @Module({ controllers: [CustomerReplica] })
    class OneHandler {}
    const { app, discover } = await handlersOf(OneHandler);
    const handlers = discover();
    expect([...handlers.keys()]).toEqual([CustomerUpsertedV1.routingKey]);
    await handlers.get(CustomerUpsertedV1.routingKey)!({ eventId: 'e-1' } as EventEnvelope);
    expect(app.get(CustomerReplica).seen).toEqual(['e-1']);
  });

  it('refuses a service with two handlers for one event', async () => {
    @Module({ controllers: [CustomerReplica], providers: [SecondCustomerHandler] })
    class TwoHandlers {}
    const { discover } = await handlersOf(TwoHandlers);
    expect(discover).toThrow(/two handlers/);
  });
});
