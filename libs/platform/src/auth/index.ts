export * from './roles';
export * from './roles.decorator';
export * from './auth-config';
export * from './token-verifier';
export * from './dev-tokens';
export * from './auth.guard';
export * from './access';
