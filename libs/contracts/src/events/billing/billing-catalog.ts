import type { EventContract } from '../../envelope';
import { FeeTransactionsCreatedV1 } from '../subscription/fee-transactions-created.v1';
import { SalesCustomerUpsertedV1 } from '../sales/customer-upserted.v1';
import { ServiceOrderPostedV1 } from '../service-order/service-order-posted.v1';
import { InvoiceCreditedV1 } from './invoice-credited.v1';
import { InvoicePostedV1 } from './invoice-posted.v1';
import { PriceDeletedV1 } from './price-deleted.v1';
import { PriceUpsertedV1 } from './price-upserted.v1';
import { ProjectUpsertedV1 } from './project-upserted.v1';

/**
 * The events billing publishes (besides billing.customer.upserted) and the ones it accepts from
 * other modules. Kept in one list so the shared catalog takes them with a single entry.
 */
export const billingEvents: readonly EventContract[] = [
  ProjectUpsertedV1,
  PriceUpsertedV1,
  PriceDeletedV1,
  InvoicePostedV1,
  InvoiceCreditedV1,
  SalesCustomerUpsertedV1,
  ServiceOrderPostedV1,
  FeeTransactionsCreatedV1,
];
