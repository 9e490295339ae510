export * from './envelope';
export * from './schema-types';
export * from './asyncapi';
export * from './http/problem';
export * from './events/catalog';
export * from './events/billing/customer-upserted.v1';
export * from './events/hr/worker-upserted.v1';
