import { BusinessRuleViolation } from '@assistenza/platform/ddd';
import type { AgreementLine } from './agreement-line';
import { selectLinesToCopy } from './copy-lines';

const line = (lineNum: number, stopped = false): AgreementLine => ({
  lineNum, transactionType: 'hour', description: `Line ${lineNum}`, worker: null, categoryId: 'SERVICE', quantity: '1', itemId: null, taskId: null, objectId: null,
  intervalId: null, timeWindowId: null, startDate: '2012-01-01', endDate: null, serviceTimeStartAfter: null, serviceTimeEndBefore: null, stopped,
});
const source = { agreementId: 'SA-FROM', suspended: false, templateGroupId: null as string | null };
const target = { agreementId: 'SA-TO' };
const lines = [line(1), line(2, true), line(3)];

describe('choosing the lines to copy into an agreement (domain.md §2.1-2.2)', () => {
  it('copies every line that is not stopped when no lines are ticked (R-AG-3)', () => {
    expect(selectLinesToCopy(source, target, lines, { mode: 'copy-lines', lineNums: null }).map((l) => l.lineNum)).toEqual([1, 3]);
  });

  it('copies only the ticked lines, once each, in line order', () => {
    expect(selectLinesToCopy(source, target, lines, { mode: 'copy-lines', lineNums: [3, 1, 3] }).map((l) => l.lineNum)).toEqual([1, 3]);
  });

  it('refuses a ticked stopped line or a line that does not exist, naming lineNums', () => {
    expect(() => selectLinesToCopy(source, target, lines, { mode: 'copy-lines', lineNums: [2] })).toThrow(expect.objectContaining({ field: 'lineNums' }));
    expect(() => selectLinesToCopy(source, target, lines, { mode: 'copy-lines', lineNums: [9] })).toThrow(expect.objectContaining({ field: 'lineNums' }));
  });

  it('refuses to copy from a suspended agreement, whose lines all count as stopped (R-AG-2)', () => {
    expect(() => selectLinesToCopy({ ...source, suspended: true }, target, lines, { mode: 'copy-lines', lineNums: null })).toThrow(
      expect.objectContaining({ field: 'fromAgreementId' }),
    );
  });

  it('refuses to copy an agreement into itself, or a copy that would copy nothing', () => {
    expect(() => selectLinesToCopy(source, { agreementId: 'SA-FROM' }, lines, { mode: 'copy-lines', lineNums: null })).toThrow(BusinessRuleViolation);
    expect(() => selectLinesToCopy(source, target, [line(1, true)], { mode: 'copy-lines', lineNums: null })).toThrow(expect.objectContaining({ field: 'fromAgreementId' }));
  });

  it('takes template lines only from a template, naming templateId otherwise', () => {
    expect(() => selectLinesToCopy(source, target, lines, { mode: 'template', lineNums: null })).toThrow(expect.objectContaining({ field: 'templateId' }));
    expect(selectLinesToCopy({ ...source, templateGroupId: 'TPL' }, target, lines, { mode: 'template', lineNums: null })).toHaveLength(2);
  });
});
