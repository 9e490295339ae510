import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../envelope';

/** Published by the HR module (outside Assistenza): a worker who may act as a technician. */
export const WorkerUpsertedV1 = defineEvent({
  type: 'hr.worker.upserted',
  version: 1,
  aggregateType: 'worker',
  description: 'A worker was hired or changed in HR. The service-order service keeps technicians from it.',
  payload: Type.Object(
    {
      personnelNumber: Type.String({ minLength: 1, maxLength: 25 }),
      name: Type.String({ minLength: 1, maxLength: 200 }),
      dispatchTeam: Type.Union([Type.String({ maxLength: 20 }), Type.Null()]),
      calendar: Type.Union([Type.String({ maxLength: 20 }), Type.Null()]),
      isTechnician: Type.Boolean(),
    },
    { additionalProperties: false },
  ),
  example: { personnelNumber: '000123', name: 'Julia Funderburk', dispatchTeam: 'NORTH', calendar: 'STD', isTechnician: true },
});
