import type { ServiceConfig } from '@assistenza/platform/config';
import { createServiceApp } from '@assistenza/platform/http';
import { ServiceOrderModule } from './service-order.module';

export const SERVICE_ORDER_DEFAULT_PORT = 3012;

export function createServiceOrderApp(config: ServiceConfig) {
  return createServiceApp(ServiceOrderModule.forConfig(config), {
    title: 'Service order service',
    description: 'Service orders and lines, stages and reason codes, SLA time recording, repair, customer service requests and dispatching.',
  });
}
