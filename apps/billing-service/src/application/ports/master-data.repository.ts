import type { Category } from '../../domain/category/category';
import type { Price } from '../../domain/price/price';
import type { TaxGroup } from '../../domain/tax-group/tax-group';

/** Categories of one company. */
export abstract class CategoryRepository {
  abstract insert(category: Category): Promise<void>;
  abstract find(company: string, id: string): Promise<Category | null>;
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
  abstract find(company: string, id: string): Promise<Price | null>;
  /** Lines that could apply to a project, worker and category in a currency. */
  abstract candidates(company: string, categoryId: string, currency: string, projectId: string): Promise<Price[]>;
  abstract list(company: string, limit: number, after: [string, string] | null): Promise<Price[]>;
}
