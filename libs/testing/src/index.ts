export * from './test-config';
export * from './wait-for';
export * from './broker';
export * from './service-harness';
export * from './http';
export * from './database';
export * from './metrics';
export * from './auth';
