import type { EventContract } from '../envelope';
import { CustomerUpsertedV1 } from './billing/customer-upserted.v1';
import { billingEvents } from './billing/billing-catalog';
import { agreementEvents } from './agreement/agreement-catalog';
import { hrEvents } from './hr/hr-catalog';

/**
 * Every event Assistenza publishes or accepts. The AsyncAPI document is built from this list and
 * consumers look contracts up here to validate what they receive; an event that is not listed is
 * dead-lettered as unknown.
 */
export const eventCatalog: readonly EventContract[] = [CustomerUpsertedV1, ...hrEvents, ...billingEvents, ...agreementEvents];

const byRoutingKey = new Map(eventCatalog.map((c) => [c.routingKey, c]));

export function findContract(type: string, version: number): EventContract | undefined {
  return byRoutingKey.get(`${type}.v${version}`);
}
