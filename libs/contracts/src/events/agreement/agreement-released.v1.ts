import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../envelope';
import { AgreementIdentity } from './agreement-state';

/** A suspended agreement was released and may generate service orders again. */
export const AgreementReleasedV1 = defineEvent({
  type: 'agreement.released',
  version: 1,
  aggregateType: 'service-agreement',
  description: 'A suspended service agreement was released: service orders may be created from it again.',
  payload: Type.Object(AgreementIdentity, { additionalProperties: false }),
  example: { agreementId: 'SA-000123', projectId: 'P-000042', customerAccount: 'US-001' },
});
