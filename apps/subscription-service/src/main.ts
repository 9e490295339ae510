import 'reflect-metadata';
import { runService } from '@assistenza/platform/http';
import { SUBSCRIPTION_DEFAULT_PORT, createSubscriptionApp } from './bootstrap';

runService('subscription-service', SUBSCRIPTION_DEFAULT_PORT, createSubscriptionApp);
