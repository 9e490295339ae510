import 'reflect-metadata';
import { runService } from '@assistenza/platform/http';
import { REPORTING_DEFAULT_PORT, createReportingApp } from './bootstrap';

runService('reporting-service', REPORTING_DEFAULT_PORT, createReportingApp);
