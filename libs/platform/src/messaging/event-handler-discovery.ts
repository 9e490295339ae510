import type { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { EventContract, EventEnvelope } from '@assistenza/contracts';
import type { EventHandlerFn } from './message-checks';
import { EVENT_CONTRACT } from './on-event.decorator';

/**
 * The `@OnEvent` methods of the application's controllers and providers, by routing key, bound to
 * their instances. A contract has one handler per service: its queue gets each message once.
 */
export function discoverEventHandlers(discovery: DiscoveryService, scanner: MetadataScanner, reflector: Reflector): Map<string, EventHandlerFn> {
  const handlers = new Map<string, EventHandlerFn>();
  for (const wrapper of [...discovery.getControllers(), ...discovery.getProviders()]) {
    const instance = wrapper.instance as Record<string, (envelope: EventEnvelope) => unknown> | undefined;
    if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
    const prototype = Object.getPrototypeOf(instance);
    for (const method of scanner.getAllMethodNames(prototype)) {
      const contract = reflector.get<EventContract | undefined>(EVENT_CONTRACT, prototype[method]);
      if (!contract) continue;
      if (handlers.has(contract.routingKey)) throw new Error(`${contract.routingKey} has two handlers; a service handles each event in one place`);
      handlers.set(contract.routingKey, async (envelope) => void (await instance[method](envelope)));
    }
  }
  return handlers;
}
