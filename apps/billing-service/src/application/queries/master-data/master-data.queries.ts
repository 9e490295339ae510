import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@assistenza/platform/ddd';
import { decodeCursor, toPage, type Page } from '@assistenza/platform/http';
import { requestContext } from '@assistenza/platform/observability';
import type { Category } from '../../../domain/category/category';
import type { Price } from '../../../domain/price/price';
import { resolvePrice, type PriceQuery } from '../../../domain/price/price-resolution';
import type { TaxGroup } from '../../../domain/tax-group/tax-group';
import { CategoryRepository, PriceRepository, TaxGroupRepository } from '../../ports/master-data.repository';

const company = () => requestContext.require().company;
const afterId = (cursor?: string) => {
  const key = decodeCursor(cursor);
  return key ? String(key[0]) : null;
};

/** Reads of categories, tax groups and the price setup, scoped by the caller's company. */
@Injectable()
export class MasterDataQueries {
  constructor(
    @Inject(CategoryRepository) private readonly categories: CategoryRepository,
    @Inject(TaxGroupRepository) private readonly taxGroups: TaxGroupRepository,
    @Inject(PriceRepository) private readonly prices: PriceRepository,
  ) {}

  async category(id: string): Promise<Category> {
    return (await this.categories.find(company(), id)) ?? notFound('Category', id);
  }

  async categoryPage(limit: number, cursor?: string): Promise<Page<Category>> {
    return toPage(await this.categories.list(company(), limit + 1, afterId(cursor)), limit, (c) => [c.state.id]);
  }

  async taxGroup(id: string): Promise<TaxGroup> {
    return (await this.taxGroups.find(company(), id)) ?? notFound('Tax group', id);
  }

  async taxGroupPage(limit: number, cursor?: string): Promise<Page<TaxGroup>> {
    return toPage(await this.taxGroups.list(company(), limit + 1, afterId(cursor)), limit, (g) => [g.snapshot().id]);
  }

  async price(id: string): Promise<Price> {
    return (await this.prices.find(company(), id)) ?? notFound('Price', id);
  }

  async pricePage(limit: number, cursor?: string): Promise<Page<Price>> {
    const key = decodeCursor(cursor);
    const rows = await this.prices.list(company(), limit + 1, key ? [String(key[0]), String(key[1])] : null);
    return toPage(rows, limit, (p) => [p.state.categoryId, p.state.id]);
  }

  /** The price line that applies to a project, worker and category on a date; 404 when none does. */
  async resolve(query: Omit<PriceQuery, 'currency'> & { currency: string }): Promise<Price> {
    const candidates = await this.prices.candidates(company(), query.categoryId, query.currency, query.projectId);
    return resolvePrice(candidates, query) ?? notFound('Price', `${query.kind}/${query.projectId}/${query.worker ?? '*'}/${query.categoryId}/${query.date}`);
  }
}

function notFound(resource: string, id: string): never {
  throw new NotFoundError(resource, id);
}
