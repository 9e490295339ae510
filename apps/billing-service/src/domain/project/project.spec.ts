import { ValidationError } from '@assistenza/platform/ddd';
import { Project } from './project';

const input = { company: 'DAT', id: 'PRJ-1', name: 'Contoso', customerAccount: 'US-001', type: 'time-and-material' as const, currency: 'USD', taxGroup: null };

describe(Project.name, () => {
  it('makes every transaction type chargeable on a time-and-material project by default', () => {
    const p = Project.create(input);
    expect(['hour', 'expense', 'item', 'fee'].map((t) => p.isChargeable(t as 'hour'))).toEqual([true, true, true, true]);
  });

  it('follows the line property per transaction type', () => {
    const p = Project.create({ ...input, chargeable: { expense: false } });
    expect(p.isChargeable('hour')).toBe(true);
    expect(p.isChargeable('expense')).toBe(false);
  });

  it('never charges transactions of an internal project, even if a line property says so', () => {
    expect(Project.create({ ...input, type: 'internal', chargeable: { hour: true } }).isChargeable('hour')).toBe(false);
  });

  it('changes one line property and keeps the others', () => {
    const p = Project.create(input);
    p.change({ chargeable: { fee: false } });
    expect(p.snapshot().chargeable).toEqual({ hour: true, expense: true, item: true, fee: false });
  });

  it('rejects a lower-case currency, naming the field', () => {
    expect(() => Project.create({ ...input, currency: 'usd' })).toThrow(ValidationError);
  });
});
