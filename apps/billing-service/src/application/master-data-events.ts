import type { PayloadOf, PriceDeletedV1, PriceUpsertedV1, ProjectUpsertedV1 } from '@assistenza/contracts';
import type { Price } from '../domain/price/price';
import type { Project } from '../domain/project/project';

/** The integration event other services replicate projects from. */
export function projectUpserted(project: Project) {
  const s = project.snapshot();
  const payload: PayloadOf<typeof ProjectUpsertedV1> = {
    projectId: s.id,
    name: s.name,
    customerAccount: s.customerAccount,
    type: s.type,
    currency: s.currency,
    taxGroup: s.taxGroup,
    chargeable: { ...s.chargeable },
  };
  return { aggregateId: s.id, aggregateVersion: s.version, payload };
}

/** The integration event other services replicate the price setup from. */
export function priceUpserted(price: Price) {
  const s = price.state;
  const payload: PayloadOf<typeof PriceUpsertedV1> = {
    priceId: s.id,
    kind: s.kind,
    projectId: s.projectId,
    worker: s.worker,
    categoryId: s.categoryId,
    validFrom: s.validFrom,
    validTo: s.validTo,
    currency: s.currency,
    amount: s.amount,
  };
  return { aggregateId: s.id, aggregateVersion: s.version, payload };
}

/**
 * The tombstone of a deleted price line. Its aggregateVersion is one past the line's last version,
 * so replicas that apply price events by aggregateVersion put it after every upsert of the line.
 */
export function priceDeleted(price: Price) {
  const s = price.state;
  const payload: PayloadOf<typeof PriceDeletedV1> = { priceId: s.id, kind: s.kind, projectId: s.projectId, worker: s.worker, categoryId: s.categoryId, currency: s.currency };
  return { aggregateId: s.id, aggregateVersion: s.version + 1, payload };
}
