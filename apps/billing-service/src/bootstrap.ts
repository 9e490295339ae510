import type { ServiceConfig } from '@assistenza/platform/config';
import { createServiceApp } from '@assistenza/platform/http';
import { BillingModule } from './billing.module';

export const BILLING_DEFAULT_PORT = 3014;

export function createBillingApp(config: ServiceConfig) {
  return createServiceApp(BillingModule.forConfig(config), {
    title: 'Billing service',
    description: 'Customers, projects, prices, project transactions, invoice proposals, invoices and credit notes.',
  });
}
