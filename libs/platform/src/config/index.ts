export * from './env';
export * from './service-config';
export * from './tokens';
export * from './failpoints';
