import { createRemoteJWKSet, importSPKI, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type KeyLike } from 'jose';
import type { AuthConfig } from './auth-config';
import { isRole, type Principal } from './roles';

export class InvalidTokenError extends Error {}

const COMPANY = /^[A-Z0-9]{1,8}$/;

/**
 * Verifies a bearer JWT (signature, issuer, audience, expiry) and turns its claims into a
 * Principal. Claims: `sub`, `roles` (array), `companies` (array of legal entities), and
 * `customer_account` for the customer role, which is refused without one.
 */
export class TokenVerifier {
  private key?: Promise<KeyLike | Uint8Array | JWTVerifyGetKey>;

  constructor(private readonly config: AuthConfig) {}

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, (await this.resolveKey()) as KeyLike, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: this.config.devSecret ? ['HS256'] : ['RS256'],
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (err) {
      throw new InvalidTokenError((err as Error).message);
    }
    return toPrincipal(payload);
  }

  private resolveKey() {
    this.key ??= this.config.jwksUrl
      ? Promise.resolve(createRemoteJWKSet(new URL(this.config.jwksUrl)))
      : this.config.publicKeyPem
        ? importSPKI(this.config.publicKeyPem, 'RS256')
        : Promise.resolve(new TextEncoder().encode(this.config.devSecret));
    return this.key;
  }
}

function toPrincipal(payload: JWTPayload): Principal {
  const roles = Array.isArray(payload['roles']) ? payload['roles'].filter(isRole) : [];
  const companies = Array.isArray(payload['companies'])
    ? payload['companies'].map((c) => String(c).toUpperCase()).filter((c) => COMPANY.test(c))
    : [];
  const customerAccount = typeof payload['customer_account'] === 'string' ? payload['customer_account'] : null;
  if (roles.length === 0) throw new InvalidTokenError('token carries no known role');
  if (companies.length === 0) throw new InvalidTokenError('token names no company');
  if (roles.includes('customer') && !customerAccount) throw new InvalidTokenError('a customer token must name its customer_account');
  return { subject: String(payload.sub), roles, companies, customerAccount: roles.includes('customer') ? customerAccount : null };
}
