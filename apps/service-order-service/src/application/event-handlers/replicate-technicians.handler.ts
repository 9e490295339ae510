import { Controller, Inject } from '@nestjs/common';
import { WorkerTerminatedV1, WorkerUpsertedV1, type EventEnvelope, type PayloadOf } from '@assistenza/contracts';
import { OnEvent } from '@assistenza/platform/messaging';
import { TECHNICIAN_REPOSITORY, type TechnicianRepository } from '../ports/technician.repository';

/**
 * Keeps the technicians dispatchers can assign in step with HR (design.md §1: the HR module
 * publishes workers; we never edit them). Runs inside the inbox transaction.
 */
@Controller()
export class ReplicateTechniciansHandler {
  constructor(@Inject(TECHNICIAN_REPOSITORY) private readonly technicians: TechnicianRepository) {}

  @OnEvent(WorkerUpsertedV1)
  async upserted(event: EventEnvelope<PayloadOf<typeof WorkerUpsertedV1>>): Promise<void> {
    const p = event.payload;
    await this.technicians.upsertIfNewer({
      company: event.company,
      personnelNumber: p.personnelNumber,
      name: p.name,
      dispatchTeam: p.dispatchTeam,
      calendar: p.calendar,
      isTechnician: p.isTechnician,
      sourceVersion: event.aggregateVersion,
    });
  }

  @OnEvent(WorkerTerminatedV1)
  async terminated(event: EventEnvelope<PayloadOf<typeof WorkerTerminatedV1>>): Promise<void> {
    await this.technicians.terminate(event.company, event.payload.personnelNumber, event.payload.terminatedOn, event.aggregateVersion);
  }
}
