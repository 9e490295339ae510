import type { EventContract } from '../../envelope';
import { WorkerTerminatedV1 } from './worker-terminated.v1';
import { WorkerUpsertedV1 } from './worker-upserted.v1';

/** Events the external HR module publishes and Assistenza consumes. */
export const hrEvents: readonly EventContract[] = [WorkerUpsertedV1, WorkerTerminatedV1];
