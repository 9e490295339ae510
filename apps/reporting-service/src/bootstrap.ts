import type { ServiceConfig } from '@assistenza/platform/config';
import { createServiceApp } from '@assistenza/platform/http';
import { ReportingModule } from './reporting.module';

export const REPORTING_DEFAULT_PORT = 3015;

export function createReportingApp(config: ServiceConfig) {
  return createServiceApp(ReportingModule.forConfig(config), {
    title: 'Reporting service',
    description: 'Read models rebuilt from events: service order margin, work descriptions, subscription and fee transactions, SLA compliance.',
  });
}
