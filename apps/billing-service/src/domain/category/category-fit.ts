import { BusinessRuleViolation } from '@assistenza/platform/ddd';
import type { TransactionType } from '../project/transaction-type';
import type { Category } from './category';

/** What a posted source line (service order line or fee) says about its category. */
export interface CategorizedLine {
  sourceId: string;
  transactionType: TransactionType;
  categoryId: string;
}

const SHOWN = 5;

/**
 * Every posted line must name a category of the company that belongs to the line's transaction
 * type (domain.md §2.8 R-PO-3: the category determines the ledger accounts). One line that does
 * not fit refuses the whole posting: nothing of it becomes a project transaction, since the
 * poster considers all its lines posted or none.
 */
export function assertCategoriesFit(company: string, lines: readonly CategorizedLine[], categories: readonly Category[]): void {
  const byId = new Map(categories.map((c) => [c.state.id, c.state]));
  const problems = lines.flatMap((line) => {
    const category = byId.get(line.categoryId);
    if (!category) return [`line ${line.sourceId} names category ${line.categoryId}, which does not exist in company ${company}`];
    if (category.transactionType !== line.transactionType) {
      return [`line ${line.sourceId} (${line.transactionType}) names category ${line.categoryId}, which is for ${category.transactionType} transactions`];
    }
    return [];
  });
  if (problems.length === 0) return;
  const more = problems.length > SHOWN ? `; and ${problems.length - SHOWN} more` : '';
  throw new BusinessRuleViolation(`${problems.length} posted line(s) do not fit their category: ${problems.slice(0, SHOWN).join('; ')}${more}`, 'categoryId');
}
