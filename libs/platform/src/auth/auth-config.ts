import { env } from '../config';

export interface AuthConfig {
  issuer: string;
  audience: string;
  /** RS256 keys from an identity provider's JWKS endpoint (production). */
  jwksUrl?: string;
  /** Or one RS256 public key in PEM (SPKI). */
  publicKeyPem?: string;
  /** HS256 shared secret: development and tests only, refused when NODE_ENV=production. */
  devSecret?: string;
}

export const DEV_SECRET_DEFAULT = 'assistenza-development-secret-change-me';

export function isProduction(): boolean {
  return process.env['NODE_ENV'] === 'production';
}

/**
 * Token verification settings. Without a JWKS URL or public key, development falls back to a
 * shared secret so that `npm start` works out of the box; production refuses to start that way.
 */
export function loadAuthConfig(): AuthConfig {
  const jwksUrl = process.env['AUTH_JWKS_URL'] || undefined;
  const publicKeyPem = process.env['AUTH_PUBLIC_KEY']?.replace(/\\n/g, '\n') || undefined;
  let devSecret = process.env['AUTH_DEV_SECRET'] || undefined;
  if (!jwksUrl && !publicKeyPem && !devSecret) devSecret = isProduction() ? undefined : DEV_SECRET_DEFAULT;
  if (devSecret && isProduction()) throw new Error('AUTH_DEV_SECRET must not be used in production: set AUTH_JWKS_URL or AUTH_PUBLIC_KEY');
  if (!jwksUrl && !publicKeyPem && !devSecret) throw new Error('No token verification key: set AUTH_JWKS_URL or AUTH_PUBLIC_KEY');
  return {
    issuer: env('AUTH_ISSUER', 'assistenza-dev'),
    audience: env('AUTH_AUDIENCE', 'assistenza'),
    jwksUrl,
    publicKeyPem,
    devSecret,
  };
}
