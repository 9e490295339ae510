import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../envelope';
import { AgreementIdentity } from './agreement-state';

/** R-AG-2: a suspended agreement generates no service orders; all its lines count as stopped. */
export const AgreementSuspendedV1 = defineEvent({
  type: 'agreement.suspended',
  version: 1,
  aggregateType: 'service-agreement',
  description: 'A service agreement was suspended: no service orders are created from it, automatically or manually, until it is released.',
  payload: Type.Object(AgreementIdentity, { additionalProperties: false }),
  example: { agreementId: 'SA-000123', projectId: 'P-000042', customerAccount: 'US-001' },
});
