import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../envelope';

/** A service level agreement definition was created or changed. */
export const SlaUpsertedV1 = defineEvent({
  type: 'agreement.sla.upserted',
  version: 1,
  aggregateType: 'service-level-agreement',
  description: 'An SLA definition was created or changed; the service-order service keeps a replica to measure manual orders.',
  payload: Type.Object(
    {
      slaId: Type.String({ minLength: 1, maxLength: 20 }),
      description: Type.String({ minLength: 1, maxLength: 200 }),
      days: Type.Integer({ minimum: 0 }),
      hours: Type.Integer({ minimum: 0, maximum: 23 }),
      minutes: Type.Integer({ minimum: 0, maximum: 59 }),
      responseMinutes: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
      resolutionMinutes: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
      calendarId: Type.Union([Type.String({ maxLength: 20 }), Type.Null()]),
      suspended: Type.Boolean(),
    },
    { additionalProperties: false },
  ),
  example: { slaId: 'GOLD', description: 'Gold: 4 hours', days: 0, hours: 4, minutes: 0, responseMinutes: 60, resolutionMinutes: 240, calendarId: 'STD', suspended: false },
});
