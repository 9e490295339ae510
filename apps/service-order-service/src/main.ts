import 'reflect-metadata';
import { runService } from '@assistenza/platform/http';
import { SERVICE_ORDER_DEFAULT_PORT, createServiceOrderApp } from './bootstrap';

runService('service-order-service', SERVICE_ORDER_DEFAULT_PORT, createServiceOrderApp);
