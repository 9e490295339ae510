import { SignJWT } from 'jose';
import type { AuthConfig } from './auth-config';
import type { Role } from './roles';

export interface DevTokenRequest {
  role: Role;
  companies?: string[];
  customerAccount?: string;
  subject?: string;
  /** Seconds until expiry; negative gives an already expired token (for tests). */
  expiresIn?: number;
}

/** Signs a token with the development secret. Never available in production (no secret there). */
export async function issueDevToken(config: AuthConfig, request: DevTokenRequest): Promise<string> {
  if (!config.devSecret) throw new Error('Development tokens need the development secret');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    roles: [request.role],
    companies: request.companies ?? ['DAT'],
    ...(request.customerAccount ? { customer_account: request.customerAccount } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(request.subject ?? `dev-${request.role}`)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + (request.expiresIn ?? 3600))
    .sign(new TextEncoder().encode(config.devSecret));
}
