import { Controller, Inject } from '@nestjs/common';
import { ProjectUpsertedV1, type EventEnvelope, type PayloadOf } from '@assistenza/contracts';
import { OnEvent } from '@assistenza/platform/messaging';
import { PROJECT_REPLICA, type ProjectReplicaRepository } from '../ports/project-replica.repository';

/** Keeps the local project replica in step with billing. Runs inside the inbox transaction. */
@Controller()
export class ReplicateProjectHandler {
  constructor(@Inject(PROJECT_REPLICA) private readonly replica: ProjectReplicaRepository) {}

  @OnEvent(ProjectUpsertedV1)
  async handle(event: EventEnvelope<PayloadOf<typeof ProjectUpsertedV1>>): Promise<void> {
    const p = event.payload;
    await this.replica.upsertIfNewer({
      company: event.company,
      projectId: p.projectId,
      customerAccount: p.customerAccount,
      type: p.type,
      currency: p.currency,
      sourceVersion: event.aggregateVersion,
    });
  }
}
