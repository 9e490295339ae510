import { SetMetadata } from '@nestjs/common';
import type { EventContract } from '@assistenza/contracts';

export const EVENT_CONTRACT = Symbol('assistenza:event-contract');

/**
 * Declares a method as the service's handler of one event contract. The transport finds it,
 * binds the service's queue to the contract's routing key, validates each message against the
 * contract, and calls the method inside the inbox transaction with the envelope as its only
 * argument: directly, not through Nest's RPC pipeline (ADR 0002).
 */
export const OnEvent = (contract: EventContract): MethodDecorator => SetMetadata(EVENT_CONTRACT, contract);
