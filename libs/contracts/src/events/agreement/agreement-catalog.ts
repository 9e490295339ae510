import type { EventContract } from '../../envelope';
import { CalendarUpsertedV1 } from './calendar-upserted.v1';
import { ServiceOrderRequestedV1 } from './service-order-requested.v1';
import { SlaUpsertedV1 } from './sla-upserted.v1';

/** The events the agreement service publishes, taken into the shared catalog with one entry. */
export const agreementEvents: readonly EventContract[] = [ServiceOrderRequestedV1, SlaUpsertedV1, CalendarUpsertedV1];
