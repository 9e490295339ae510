import { Price } from './price';
import { resolvePrice } from './price-resolution';

let n = 0;
const price = (over: Partial<Parameters<typeof Price.create>[0]> = {}) =>
  Price.create({ company: 'DAT', id: `p${++n}`, kind: 'sales', projectId: null, worker: null, categoryId: 'REPAIR', validFrom: '2024-01-01', validTo: null, currency: 'USD', amount: '80', ...over });
const query = { kind: 'sales' as const, projectId: 'PRJ-1', worker: 'W-1', categoryId: 'REPAIR', currency: 'USD', date: '2024-06-01' };

describe('price setup', () => {
  it('lets the most specific line win: project and worker over project over worker over all', () => {
    const all = price({ amount: '80' });
    const worker = price({ worker: 'W-1', amount: '85' });
    const project = price({ projectId: 'PRJ-1', amount: '90' });
    const both = price({ projectId: 'PRJ-1', worker: 'W-1', amount: '95' });
    expect(resolvePrice([all, worker, project, both], query)?.state.amount).toBe('95');
    expect(resolvePrice([all, worker, project], query)?.state.amount).toBe('90');
    expect(resolvePrice([all, worker], query)?.state.amount).toBe('85');
    expect(resolvePrice([all], query)?.state.amount).toBe('80');
  });

  it('ignores lines of another project, worker, currency, or not yet valid on the date', () => {
    const lines = [price({ projectId: 'PRJ-2' }), price({ worker: 'W-2' }), price({ currency: 'EUR' }), price({ validFrom: '2024-07-01' })];
    expect(resolvePrice(lines, query)).toBeNull();
  });

  it('takes the latest valid-from among equally specific lines', () => {
    const old = price({ projectId: 'PRJ-1', validTo: '2024-03-31', amount: '90' });
    const current = price({ projectId: 'PRJ-1', validFrom: '2024-04-01', amount: '99.5' });
    expect(resolvePrice([old, current], query)?.state.amount).toBe('99.5');
    expect(resolvePrice([old, current], { ...query, date: '2024-02-01' })?.state.amount).toBe('90');
  });

  it('sees an overlap only between lines of the same key whose validity shares a day', () => {
    const jan = price({ validTo: '2024-01-31' });
    expect(jan.overlaps(price({ validFrom: '2024-01-31' }))).toBe(true);
    expect(jan.overlaps(price({ validFrom: '2024-02-01' }))).toBe(false);
    expect(jan.overlaps(price({ worker: 'W-1' }))).toBe(false);
    expect(price().overlaps(price({ validFrom: '2030-01-01' }))).toBe(true);
  });

  it('rejects a validTo before validFrom and a negative amount, naming the field', () => {
    expect(() => price({ validTo: '2023-12-31' })).toThrow(expect.objectContaining({ field: 'validTo' }));
    expect(() => price({ amount: '-1' })).toThrow(expect.objectContaining({ field: 'amount' }));
  });

  it('changes amount and validity, keeps the key, and checks the new values as on creation', () => {
    const p = price({ amount: '80' });
    p.change({ amount: '85.50', validTo: '2024-12-31' });
    expect(p.state).toMatchObject({ amount: '85.5', validFrom: '2024-01-01', validTo: '2024-12-31', categoryId: 'REPAIR' });
    expect(() => p.change({ validFrom: '2025-01-01' })).toThrow(expect.objectContaining({ field: 'validTo' }));
    expect(() => p.change({ amount: '-0.01' })).toThrow(expect.objectContaining({ field: 'amount' }));
    expect(p.state).toMatchObject({ amount: '85.5', validFrom: '2024-01-01' });
    p.change({ validTo: null });
    expect(p.state.validTo).toBeNull();
  });

  it('never sees a line overlapping itself, so a changed line is checked against the others only', () => {
    const p = price();
    expect(p.overlaps(p)).toBe(false);
    expect(p.overlaps(Price.restore({ ...p.state, id: 'other' }))).toBe(true);
  });
});
