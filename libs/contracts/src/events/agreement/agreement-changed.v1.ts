import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../envelope';
import { AgreementStateFields, agreementStateExample } from './agreement-state';

/** A service agreement's header, lines or relations changed (suspending and releasing have their own events). */
export const AgreementChangedV1 = defineEvent({
  type: 'agreement.changed',
  version: 1,
  aggregateType: 'service-agreement',
  description:
    'A service agreement changed: header fields, a line added, stopped or resumed, lines copied, or relations added. Carries the whole agreement after the change and what changed; aggregateVersion orders the changes.',
  payload: Type.Object(
    {
      ...AgreementStateFields,
      changes: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
        description: 'Header fields that changed, or lines / objectRelations / taskRelations',
      }),
    },
    { additionalProperties: false },
  ),
  example: { ...agreementStateExample, changes: ['lines'] },
});
