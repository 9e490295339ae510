export * from './database';
export * from './data-source';
export * from './unit-of-work';
export * from './versioned-update';
export * from './persistence.module';
export { PlatformTables1733300000000 } from './migrations/1733300000000-platform-tables';
export * from './upsert-if-newer';
