import { BusinessRuleViolation } from '@assistenza/platform/ddd';
import { Agreement } from './agreement';
import { validateLine, type AgreementLine } from './agreement-line';

const input = {
  company: 'DAT', agreementId: 'SA-1', description: 'Maintenance', projectId: 'P-1', customerAccount: 'US-001', groupId: 'G', startDate: '2012-01-01',
  endDate: '2012-12-31', combineBy: 'agreement' as const, slaId: null, templateGroupId: null, responsible: null, preferredTechnician: null, contact: null,
};
const line: Omit<AgreementLine, 'lineNum'> = {
  transactionType: 'hour', description: 'Check', worker: null, categoryId: 'SERVICE', quantity: '1.5', itemId: null, taskId: null, objectId: null, intervalId: null,
  timeWindowId: null, startDate: '2012-01-01', endDate: null, serviceTimeStartAfter: null, serviceTimeEndBefore: null, stopped: false,
};

describe(Agreement.name, () => {
  it('rejects an end date before the start date, naming endDate', () => {
    expect(() => Agreement.create({ ...input, endDate: '2011-12-31' })).toThrow(expect.objectContaining({ field: 'endDate' }));
  });

  it('refuses lines on a suspended agreement until it is released', () => {
    const a = Agreement.create(input);
    a.suspend();
    expect(() => a.assertMayChangeLines()).toThrow(BusinessRuleViolation);
    a.release();
    expect(() => a.assertMayChangeLines()).not.toThrow();
  });

  it('refuses to make an agreement with service orders a template', () => {
    const a = Agreement.create(input);
    a.markHasOrders();
    expect(() => a.change({ templateGroupId: 'TPL' })).toThrow(expect.objectContaining({ field: 'templateGroupId' }));
  });

  it('rejects a line whose time-of-day window ends before it starts, or a negative quantity', () => {
    expect(() => validateLine({ ...line, serviceTimeStartAfter: '10:00', serviceTimeEndBefore: '09:00' })).toThrow(expect.objectContaining({ field: 'serviceTimeEndBefore' }));
    expect(() => validateLine({ ...line, quantity: '-1' })).toThrow(expect.objectContaining({ field: 'quantity' }));
    expect(() => validateLine({ ...line, endDate: '2011-01-01' })).toThrow(expect.objectContaining({ field: 'endDate' }));
  });
});
