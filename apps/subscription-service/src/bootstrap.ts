import type { ServiceConfig } from '@assistenza/platform/config';
import { createServiceApp } from '@assistenza/platform/http';
import { SubscriptionModule } from './subscription.module';

export const SUBSCRIPTION_DEFAULT_PORT = 3013;

export function createSubscriptionApp(config: ServiceConfig) {
  return createServiceApp(SubscriptionModule.forConfig(config), {
    title: 'Subscription service',
    description: 'Subscription groups, period codes, subscriptions, fee transactions, accruals, indexation and crediting.',
  });
}
