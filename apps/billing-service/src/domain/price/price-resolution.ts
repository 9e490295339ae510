import type { Price, PriceKind } from './price';

export interface PriceQuery {
  kind: PriceKind;
  projectId: string;
  worker: string | null;
  categoryId: string;
  currency: string;
  date: string;
}

/**
 * The price line that applies: of the lines for the category and currency valid on the date, the
 * most specific wins: project and worker, then project, then worker, then all projects. Among
 * equally specific lines the latest valid-from wins.
 */
export function resolvePrice(lines: readonly Price[], query: PriceQuery): Price | null {
  const rank = (p: Price) => (p.state.projectId !== null ? 2 : 0) + (p.state.worker !== null ? 1 : 0);
  const candidates = lines.filter((p) => {
    const s = p.state;
    return (
      s.kind === query.kind &&
      s.categoryId === query.categoryId &&
      s.currency === query.currency &&
      (s.projectId === null || s.projectId === query.projectId) &&
      (s.worker === null || s.worker === query.worker) &&
      p.validOn(query.date)
    );
  });
  candidates.sort((a, b) => rank(b) - rank(a) || (a.state.validFrom < b.state.validFrom ? 1 : a.state.validFrom > b.state.validFrom ? -1 : 0));
  return candidates[0] ?? null;
}
