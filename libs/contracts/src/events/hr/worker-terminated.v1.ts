import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../envelope';

/** Published by the HR module (outside Assistenza): a worker left; no new dispatches to them. */
export const WorkerTerminatedV1 = defineEvent({
  type: 'hr.worker.terminated',
  version: 1,
  aggregateType: 'worker',
  description: 'A worker was terminated in HR. The service-order service stops offering them as a technician.',
  payload: Type.Object(
    {
      personnelNumber: Type.String({ minLength: 1, maxLength: 25 }),
      terminatedOn: Type.String({ format: 'date', description: 'Last working day' }),
    },
    { additionalProperties: false },
  ),
  example: { personnelNumber: '000123', terminatedOn: '2026-12-31' },
});
