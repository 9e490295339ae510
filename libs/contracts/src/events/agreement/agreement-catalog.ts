import type { EventContract } from '../../envelope';
import { AgreementChangedV1 } from './agreement-changed.v1';
import { AgreementCreatedV1 } from './agreement-created.v1';
import { AgreementReleasedV1 } from './agreement-released.v1';
import { AgreementSuspendedV1 } from './agreement-suspended.v1';
import { CalendarUpsertedV1 } from './calendar-upserted.v1';
import { ServiceOrderRequestedV1 } from './service-order-requested.v1';
import { SlaUpsertedV1 } from './sla-upserted.v1';

/** The events the agreement service publishes, taken into the shared catalog with one entry. */
export const agreementEvents: readonly EventContract[] = [
  ServiceOrderRequestedV1,
  SlaUpsertedV1,
  CalendarUpsertedV1,
  AgreementCreatedV1,
  AgreementChangedV1,
  AgreementSuspendedV1,
  AgreementReleasedV1,
];
