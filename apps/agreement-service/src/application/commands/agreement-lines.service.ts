import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@assistenza/platform/ddd';
import type { Agreement } from '../../domain/agreement/agreement';
import { validateLine, type AgreementLine } from '../../domain/agreement/agreement-line';
import { AGREEMENT_REPOSITORY, type AgreementRepository, type ObjectRelation, type TaskRelation } from '../ports/agreement.repository';
import { AgreementCommands } from './agreement-commands.service';

export type NewLine = Omit<AgreementLine, 'lineNum' | 'stopped'> & { stopped?: boolean };

const LINE_REFERENCES = { intervalId: 'service_intervals', timeWindowId: 'time_windows', taskId: 'service_tasks', objectId: 'service_objects' } as const;

/** Lines and relations of an agreement; each change moves the agreement's version (one ETag for the whole). */
@Injectable()
export class AgreementLineCommands {
  constructor(
    @Inject(AGREEMENT_REPOSITORY) private readonly agreements: AgreementRepository,
    @Inject(AgreementCommands) private readonly headers: AgreementCommands,
  ) {}

  async addLine(agreementId: string, expectedVersion: number, input: NewLine): Promise<{ agreement: Agreement; line: AgreementLine }> {
    let line!: AgreementLine;
    const agreement = await this.headers.change(agreementId, expectedVersion, async (a, company) => {
      a.assertMayChangeLines();
      const candidate = { ...input, stopped: input.stopped ?? false };
      validateLine(candidate);
      for (const [field, table] of Object.entries(LINE_REFERENCES)) {
        const code = candidate[field as keyof typeof LINE_REFERENCES];
        if (code) await this.headers.existing(table, company, code, field);
      }
      line = await this.agreements.insertLine(company, a.id, candidate);
      return ['lines'];
    });
    return { agreement, line };
  }

  /** Stop (R-AG-3) or resume a line. */
  setStopped(agreementId: string, lineNum: number, expectedVersion: number, stopped: boolean): Promise<Agreement> {
    return this.headers.change(agreementId, expectedVersion, async (a, company) => {
      if (!(await this.agreements.setLineStopped(company, a.id, lineNum, stopped))) throw new NotFoundError('Agreement line', `${agreementId}/${lineNum}`);
      return ['lines'];
    });
  }

  addObjectRelation(agreementId: string, expectedVersion: number, relation: ObjectRelation): Promise<Agreement> {
    return this.headers.change(agreementId, expectedVersion, async (a, company) => {
      await this.headers.existing('service_objects', company, relation.objectId, 'objectId');
      await this.agreements.addObjectRelation(company, a.id, relation);
      return ['objectRelations'];
    });
  }

  addTaskRelation(agreementId: string, expectedVersion: number, relation: TaskRelation): Promise<Agreement> {
    return this.headers.change(agreementId, expectedVersion, async (a, company) => {
      await this.headers.existing('service_tasks', company, relation.taskId, 'taskId');
      await this.agreements.addTaskRelation(company, a.id, relation);
      return ['taskRelations'];
    });
  }
}
