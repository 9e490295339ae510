import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../envelope';
import { AgreementStateFields, agreementStateExample } from './agreement-state';

/** A service agreement (or template) was created. */
export const AgreementCreatedV1 = defineEvent({
  type: 'agreement.created',
  version: 1,
  aggregateType: 'service-agreement',
  description:
    'A service agreement was created. Carries the whole agreement; aggregateVersion is the agreement version, so a consumer keeps the newest copy whatever the delivery order.',
  payload: Type.Object(AgreementStateFields, { additionalProperties: false }),
  example: { ...agreementStateExample, lines: [] },
});
