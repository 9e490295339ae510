import 'reflect-metadata';
import { runService } from '@assistenza/platform/http';
import { AGREEMENT_DEFAULT_PORT, createAgreementApp } from './bootstrap';

runService('agreement-service', AGREEMENT_DEFAULT_PORT, createAgreementApp);
