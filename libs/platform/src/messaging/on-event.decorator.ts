import { EventPattern } from '@nestjs/microservices';
import type { EventContract } from '@assistenza/contracts';

/**
 * Declares a method as the service's handler of one event contract. The transport binds the
 * service's queue to the contract's routing key, validates each message against the contract,
 * and runs the method inside the inbox transaction with the envelope as its only argument.
 */
export const OnEvent = (contract: EventContract): MethodDecorator => EventPattern(contract.routingKey);
