import { BusinessRuleViolation } from '@assistenza/platform/ddd';
import type { AgreementState } from './agreement';
import type { AgreementLine } from './agreement-line';

export interface CopyRequest {
  /** `copy-lines`: any other agreement; `template`: it must be a template (domain.md §2.2). */
  mode: 'copy-lines' | 'template';
  /** The lines ticked; null ⇒ every line that may be copied. */
  lineNums: readonly number[] | null;
}

/** The request field that names the source agreement, for error messages. */
export const sourceField = (mode: CopyRequest['mode']) => (mode === 'template' ? 'templateId' : 'fromAgreementId');

/**
 * Chooses the lines of `source` to copy into `target` (domain.md §2.1 step 3, §2.2):
 * - never from an agreement into itself;
 * - template lines only from a template;
 * - R-AG-2: a suspended source's lines all count as stopped, so it has nothing to copy;
 * - R-AG-3: a stopped line is never copied; ticking one is refused, and "all lines" skips it;
 * - a ticked line that does not exist is refused; so is a copy that would copy nothing.
 * The target's own rules (R-AG-2 on the target) are the agreement's `assertMayChangeLines`.
 */
export function selectLinesToCopy(
  source: Pick<AgreementState, 'agreementId' | 'suspended' | 'templateGroupId'>,
  target: Pick<AgreementState, 'agreementId'>,
  lines: readonly AgreementLine[],
  request: CopyRequest,
): AgreementLine[] {
  const field = sourceField(request.mode);
  if (source.agreementId === target.agreementId) throw new BusinessRuleViolation('An agreement cannot copy lines from itself', field);
  if (request.mode === 'template' && source.templateGroupId === null) {
    throw new BusinessRuleViolation(`Agreement ${source.agreementId} is not a template (it has no template group)`, field);
  }
  if (source.suspended) throw new BusinessRuleViolation(`Agreement ${source.agreementId} is suspended; its lines count as stopped and cannot be copied`, field);
  let chosen: AgreementLine[];
  if (request.lineNums === null) {
    chosen = lines.filter((l) => !l.stopped);
  } else {
    const byNum = new Map(lines.map((l) => [l.lineNum, l]));
    chosen = [...new Set(request.lineNums)].sort((a, b) => a - b).map((n) => {
      const line = byNum.get(n);
      if (!line) throw new BusinessRuleViolation(`Agreement ${source.agreementId} has no line ${n}`, 'lineNums');
      if (line.stopped) throw new BusinessRuleViolation(`Line ${n} of agreement ${source.agreementId} is stopped and cannot be copied`, 'lineNums');
      return line;
    });
  }
  if (chosen.length === 0) throw new BusinessRuleViolation(`Agreement ${source.agreementId} has no lines that can be copied`, request.lineNums === null ? field : 'lineNums');
  return chosen;
}
