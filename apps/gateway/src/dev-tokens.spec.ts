process.env['LOG_LEVEL'] = 'silent';

import { exportSPKI, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { issueDevToken, TokenVerifier } from '@assistenza/platform/auth';
import { loadGatewayConfig, type GatewayConfig } from './gateway-config';
import { startFakeService, type FakeService } from './testing/fake-services';
import { bearer, startGateway, type RunningGateway } from './testing/gateway';

interface OpenApi {
  paths: Record<string, { post?: { tags?: string[]; security?: unknown[] } }>;
  tags: Array<{ name: string }>;
  security?: unknown[];
  components: { securitySchemes?: Record<string, unknown> };
}

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Loads the gateway configuration with some environment variables set, and puts them back. */
function configWithEnv(vars: Record<string, string | undefined>): GatewayConfig {
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(vars);
  try {
    return loadGatewayConfig();
  } finally {
    apply(saved);
  }
}

describe('POST /dev/tokens', () => {
  let billing: FakeService;
  const gateways: RunningGateway[] = [];

  beforeAll(async () => {
    billing = await startFakeService((app) => app.get('/api/v1/customers', async () => ({ items: [], nextCursor: null })));
  });

  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.app.close()));
    await billing?.app.close();
  });

  async function gateway(config: GatewayConfig): Promise<string> {
    config.openApiCacheMs = 0;
    config.services = [{ name: 'billing-service', url: billing.url, prefixes: ['/api/v1/customers'] }];
    const running = await startGateway(config);
    gateways.push(running);
    return running.url;
  }

  describe('in development', () => {
    let base: string;
    let config: GatewayConfig;

    beforeAll(async () => {
      config = configWithEnv({ NODE_ENV: 'development', AUTH_DEV_SECRET: undefined, AUTH_PUBLIC_KEY: undefined, AUTH_JWKS_URL: undefined });
      base = await gateway(config);
    });

    it('issues a token for a role that the verifier accepts and the gateway lets through', async () => {
      const response = await post(`${base}/dev/tokens`, { role: 'dispatcher', companies: ['dat', 'USMF'] });
      expect(response.status).toBe(200);
      const { token, expiresIn } = (await response.json()) as { token: string; expiresIn: number };
      expect(expiresIn).toBe(8 * 3600);
      expect(await new TokenVerifier(config.auth).verify(token)).toEqual({ subject: 'dev-dispatcher', roles: ['dispatcher'], companies: ['DAT', 'USMF'], customerAccount: null });
      expect((await fetch(`${base}/api/v1/customers`, { headers: bearer(token) })).status).toBe(200);
    });

    it('issues a customer token for its customer account, company DAT by default', async () => {
      const { token } = (await (await post(`${base}/dev/tokens`, { role: 'customer', customerAccount: 'C-100' })).json()) as { token: string };
      expect(await new TokenVerifier(config.auth).verify(token)).toMatchObject({ roles: ['customer'], companies: ['DAT'], customerAccount: 'C-100' });
    });

    it.each([
      [{ role: 'emperor' }, 'role'],
      [{ role: 'customer' }, 'customerAccount'],
      [{ role: 'admin', companies: [] }, 'companies'],
      [{ role: 'admin', companies: ['NOT A COMPANY'] }, 'companies'],
      [{ role: 'admin', expiresIn: 999_999_999 }, 'expiresIn'],
    ])('refuses %j with 400 naming %s', async (body, field) => {
      const response = await post(`${base}/dev/tokens`, body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ errors: expect.arrayContaining([expect.objectContaining({ field })]) });
    });

    it('refuses a body that is not JSON with 400 problem+json', async () => {
      const response = await fetch(`${base}/dev/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });

    it('is documented in the merged OpenAPI document, under Development and without a token', async () => {
      const doc = (await (await fetch(`${base}/openapi.json`)).json()) as OpenApi;
      expect(doc.paths['/dev/tokens'].post).toMatchObject({ tags: ['Development'], security: [] });
      expect(doc.tags).toContainEqual(expect.objectContaining({ name: 'Development' }));
      expect(doc.components.securitySchemes).toMatchObject({ bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } });
      expect(doc.security).toEqual([{ bearer: [] }]);
    });
  });

  describe('in production, with an RS256 public key', () => {
    let base: string;
    let privateKey: KeyLike;

    const rs256Token = () =>
      new SignJWT({ roles: ['dispatcher'], companies: ['DAT'] })
        .setProtectedHeader({ alg: 'RS256' })
        .setSubject('user-1')
        .setIssuer('assistenza-dev')
        .setAudience('assistenza')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);

    beforeAll(async () => {
      const keys = await generateKeyPair('RS256');
      privateKey = keys.privateKey;
      const config = configWithEnv({ NODE_ENV: 'production', AUTH_PUBLIC_KEY: await exportSPKI(keys.publicKey), AUTH_DEV_SECRET: undefined, AUTH_JWKS_URL: undefined });
      expect(config.devTokens).toBe(false);
      base = await gateway(config);
    });

    it('has no /dev/tokens route at all', async () => {
      const response = await post(`${base}/dev/tokens`, { role: 'admin' });
      expect(response.status).toBe(404);
    });

    it('leaves it out of the OpenAPI document', async () => {
      const doc = (await (await fetch(`${base}/openapi.json`)).json()) as OpenApi;
      expect(doc.paths['/dev/tokens']).toBeUndefined();
      expect(doc.tags.map((t) => t.name)).not.toContain('Development');
      expect(doc.components.securitySchemes).toHaveProperty('bearer');
    });

    it('accepts tokens signed with the private key, and refuses ones signed with the development secret', async () => {
      expect((await fetch(`${base}/api/v1/customers`, { headers: bearer(await rs256Token()) })).status).toBe(200);
      const devToken = await issueDevToken({ issuer: 'assistenza-dev', audience: 'assistenza', devSecret: 'assistenza-development-secret-change-me' }, { role: 'admin' });
      expect((await fetch(`${base}/api/v1/customers`, { headers: bearer(devToken) })).status).toBe(401);
    });
  });
});
