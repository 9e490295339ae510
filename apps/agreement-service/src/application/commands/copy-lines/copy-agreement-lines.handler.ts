import { Inject, Injectable } from '@nestjs/common';
import { BusinessRuleViolation } from '@assistenza/platform/ddd';
import type { Agreement } from '../../../domain/agreement/agreement';
import { selectLinesToCopy, sourceField, type CopyRequest } from '../../../domain/agreement/copy-lines';
import type { AgreementChange } from '../../events/agreement-events';
import { AGREEMENT_REPOSITORY, type AgreementRepository } from '../../ports/agreement.repository';
import { AgreementCommands } from '../agreement-commands.service';

export interface CopyLinesCommand extends CopyRequest {
  agreementId: string;
  expectedVersion: number;
  /** The agreement (or template) the lines come from. */
  sourceId: string;
  /** Also add the source's object and task relations (always so for template lines). */
  includeRelations: boolean;
}

/**
 * "Copy service agreement lines" and "Template lines" (domain.md §2.1 step 3, §2.2, F28/F30):
 * appends copies of the chosen lines of another agreement or of a template to an agreement, as one
 * change of the agreement (If-Match, one version, one `agreement.changed.v1`). Relations are
 * added to the target's, never replacing one it has.
 */
@Injectable()
export class CopyAgreementLines {
  constructor(
    @Inject(AGREEMENT_REPOSITORY) private readonly agreements: AgreementRepository,
    @Inject(AgreementCommands) private readonly headers: AgreementCommands,
  ) {}

  execute(command: CopyLinesCommand): Promise<Agreement> {
    return this.headers.change(command.agreementId, command.expectedVersion, async (target, company) => {
      target.assertMayChangeLines();
      const source = await this.agreements.find(company, command.sourceId);
      if (!source) throw new BusinessRuleViolation(`Agreement ${command.sourceId} does not exist`, sourceField(command.mode));
      const lines = (await this.agreements.lines(company, [source.id])).get(source.id) ?? [];
      const chosen = selectLinesToCopy(source.snapshot(), target.snapshot(), lines, command);
      await this.agreements.insertLines(company, target.id, chosen.map(({ lineNum: _n, ...line }) => line));
      const changes: AgreementChange[] = ['lines'];
      if (command.mode === 'template' || command.includeRelations) {
        const added = await this.agreements.copyRelations(company, source.id, target.id);
        if (added.objects > 0) changes.push('objectRelations');
        if (added.tasks > 0) changes.push('taskRelations');
      }
      return changes;
    });
  }
}
