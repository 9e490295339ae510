import { BusinessRuleViolation } from '@assistenza/platform/ddd';
import { Category } from './category';
import { assertCategoriesFit } from './category-fit';

const repair = () => Category.create({ company: 'DAT', id: 'REPAIR', name: 'Repair work', transactionType: 'hour' });
const line = (sourceId: string, transactionType: 'hour' | 'expense' | 'item' | 'fee', categoryId: string) => ({ sourceId, transactionType, categoryId });

describe(Category.name, () => {
  it('renames, refusing a blank name', () => {
    const c = repair();
    c.rename('Repairs');
    expect(c.state.name).toBe('Repairs');
    expect(() => c.rename(' ')).toThrow(expect.objectContaining({ field: 'name' }));
  });

  it('changes its transaction type while no project transaction uses it', () => {
    const c = repair();
    c.retype('expense', false);
    expect(c.state.transactionType).toBe('expense');
  });

  it('refuses a new transaction type once a project transaction uses the category, but accepts the same type', () => {
    const c = repair();
    expect(() => c.retype('fee', true)).toThrow(BusinessRuleViolation);
    expect(() => c.retype('hour', true)).not.toThrow();
    expect(c.state.transactionType).toBe('hour');
  });

  it('rejects an unknown transaction type naming the field', () => {
    expect(() => repair().retype('travel' as 'hour', false)).toThrow(expect.objectContaining({ field: 'transactionType' }));
  });
});

describe('posted lines against their categories', () => {
  it('accepts lines whose category exists and is for their transaction type', () => {
    expect(() => assertCategoriesFit('DAT', [line('SO-1-1', 'hour', 'REPAIR')], [repair()])).not.toThrow();
  });

  it('refuses a line naming a category that does not exist, and one whose category is for another transaction type', () => {
    const lines = [line('SO-1-1', 'hour', 'REPAIR'), line('SO-1-2', 'expense', 'REPAIR'), line('SO-1-3', 'item', 'GHOST')];
    expect(() => assertCategoriesFit('DAT', lines, [repair()])).toThrow(
      '2 posted line(s) do not fit their category: line SO-1-2 (expense) names category REPAIR, which is for hour transactions; line SO-1-3 names category GHOST, which does not exist in company DAT',
    );
  });

  it('names the first five problems and counts the rest, so the reason stays short', () => {
    const lines = Array.from({ length: 8 }, (_, i) => line(`SO-1-${i + 1}`, 'fee', 'REPAIR'));
    expect(() => assertCategoriesFit('DAT', lines, [repair()])).toThrow(/^8 posted line\(s\).*SO-1-5 .*; and 3 more$/);
  });
});
