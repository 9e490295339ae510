import type { ServiceConfig } from '@assistenza/platform/config';
import { createServiceApp } from '@assistenza/platform/http';
import { AgreementModule } from './agreement.module';

export const AGREEMENT_DEFAULT_PORT = 3011;

export function createAgreementApp(config: ServiceConfig) {
  return createServiceApp(AgreementModule.forConfig(config), {
    title: 'Agreement service',
    description: 'Service agreements and templates, service objects and tasks, intervals, SLAs and calendars; generates service orders.',
  });
}
