import type { Category } from '../../domain/category/category';
import type { Price } from '../../domain/price/price';
import type { TaxGroup } from '../../domain/tax-group/tax-group';

/** Categories of one company. */
export abstract class CategoryRepository {
  abstract insert(category: Category): Promise<void>;
  /** With `lock`, the row stays locked until the transaction ends (a change of transaction type takes it). */
  abstract find(company: string, id: string, lock?: boolean): Promise<Category | null>;
  /**
   * The categories among `ids` that exist, share-locked until the transaction ends: a posting reads
   * them so, and a change of transaction type waits for it, then sees its transactions.
   */
  abstract findForPosting(company: string, ids: readonly string[]): Promise<Category[]>;
  /** Whether any project transaction names the category. */
  abstract usedByTransactions(company: string, id: string): Promise<boolean>;
  /** Stores name and transaction type if still at `expectedVersion`; returns the new version. */
  abstract update(category: Category, expectedVersion: number): Promise<number>;
  abstract list(company: string, limit: number, afterId: string | null): Promise<Category[]>;
}

/** Tax groups of one company. */
export abstract class TaxGroupRepository {
  abstract insert(group: TaxGroup): Promise<void>;
  abstract update(group: TaxGroup, expectedVersion: number): Promise<number>;
  abstract find(company: string, id: string): Promise<TaxGroup | null>;
  abstract list(company: string, limit: number, afterId: string | null): Promise<TaxGroup[]>;
}

/** Cost and sales price lines of one company. */
export abstract class PriceRepository {
  /**
   * Serialises writers of one price key (kind, project, worker, category, currency) until the
   * transaction ends, so two overlapping lines cannot both pass the overlap check.
   */
  abstract lockKey(price: Price): Promise<void>;
  /** Lines of the same key, to check overlaps. */
  abstract sameKey(price: Price): Promise<Price[]>;
  abstract insert(price: Price): Promise<void>;
  /** Stores amount and validity if still at `expectedVersion`; returns the new version. */
  abstract update(price: Price, expectedVersion: number): Promise<number>;
  /** Deletes the line if still at `expectedVersion` (404 if gone, 412 if changed). */
  abstract delete(price: Price, expectedVersion: number): Promise<void>;
  abstract find(company: string, id: string): Promise<Price | null>;
  /** Lines that could apply to a project, worker and category in a currency. */
  abstract candidates(company: string, categoryId: string, currency: string, projectId: string): Promise<Price[]>;
  abstract list(company: string, limit: number, after: [string, string] | null): Promise<Price[]>;
}
