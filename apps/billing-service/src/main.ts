import 'reflect-metadata';
import { runService } from '@assistenza/platform/http';
import { BILLING_DEFAULT_PORT, createBillingApp } from './bootstrap';

runService('billing-service', BILLING_DEFAULT_PORT, createBillingApp);
