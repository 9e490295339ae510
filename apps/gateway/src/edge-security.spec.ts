process.env['LOG_LEVEL'] = 'silent';

import { issueDevToken, type AuthConfig } from '@assistenza/platform/auth';
import { loadGatewayConfig, type GatewayConfig, type RateLimits } from './gateway-config';
import { startFakeService, type FakeService } from './testing/fake-services';
import { bearer, startGateway, type RunningGateway } from './testing/gateway';

const PROBLEM = 'application/problem+json';

describe('gateway edge checks on /api/v1', () => {
  let billing: FakeService;
  const gateways: RunningGateway[] = [];

  beforeAll(async () => {
    billing = await startFakeService((app) => {
      app.get('/api/v1/customers', async () => ({ items: [], nextCursor: null }));
      app.post('/api/v1/customers', async (_request, reply) => reply.status(201).send({ id: 'C1' }));
    });
  });

  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.app.close()));
    await billing?.app.close();
  });

  beforeEach(() => (billing.received.length = 0));

  /** A gateway in front of the fake billing service, with the given request-rate limits (0 = off). */
  async function gatewayWith(rateLimits: RateLimits): Promise<{ url: string; config: GatewayConfig }> {
    const config = loadGatewayConfig();
    config.rateLimits = rateLimits;
    config.services = [{ name: 'billing-service', url: billing.url, prefixes: ['/api/v1/customers'] }];
    const gateway = await startGateway(config);
    gateways.push(gateway);
    return { url: gateway.url, config };
  }

  const token = (auth: AuthConfig, subject = 'dev-dispatcher', expiresIn?: number) =>
    issueDevToken(auth, { role: 'dispatcher', subject, expiresIn });

  describe('bearer token', () => {
    let base: string;
    let auth: AuthConfig;

    beforeAll(async () => {
      const gateway = await gatewayWith({ perClientPerMinute: 0, perIpPerMinute: 0 });
      base = gateway.url;
      auth = gateway.config.auth;
    });

    async function expectUnauthorized(response: Response, challenge: string) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain(PROBLEM);
      expect(response.headers.get('www-authenticate')).toBe(challenge);
      expect(await response.json()).toMatchObject({ status: 401, instance: expect.stringMatching(/^\/api\/v1\/customers/) });
      expect(billing.received).toHaveLength(0);
    }

    it('answers 401 without a token, and never calls the service', async () => {
      await expectUnauthorized(await fetch(`${base}/api/v1/customers`), 'Bearer');
    });

    it('answers 401 to a write without a token before reading its body', async () => {
      const response = await fetch(`${base}/api/v1/customers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"x"}' });
      await expectUnauthorized(response, 'Bearer');
    });

    it('answers 401 to a token signed with another key', async () => {
      const forged = await token({ ...auth, devSecret: 'someone-elses-secret' });
      await expectUnauthorized(await fetch(`${base}/api/v1/customers`, { headers: bearer(forged) }), 'Bearer error="invalid_token"');
    });

    it('answers 401 to an expired token', async () => {
      const expired = await token(auth, 'dev-dispatcher', -60);
      await expectUnauthorized(await fetch(`${base}/api/v1/customers`, { headers: bearer(expired) }), 'Bearer error="invalid_token"');
    });

    it('answers 401 to a token for another audience, and to something that is no token', async () => {
      const foreign = await token({ ...auth, audience: 'another-api' });
      await expectUnauthorized(await fetch(`${base}/api/v1/customers`, { headers: bearer(foreign) }), 'Bearer error="invalid_token"');
      await expectUnauthorized(await fetch(`${base}/api/v1/customers`, { headers: bearer('not-a-jwt') }), 'Bearer error="invalid_token"');
      await expectUnauthorized(await fetch(`${base}/api/v1/customers`, { headers: { authorization: 'Basic dXNlcjpwdw==' } }), 'Bearer');
    });

    it('forwards a request with a valid token, Authorization header included, for the service to check roles', async () => {
      const valid = bearer(await token(auth));
      const response = await fetch(`${base}/api/v1/customers`, { headers: valid });
      expect(response.status).toBe(200);
      expect(billing.received).toHaveLength(1);
      expect(billing.received[0].headers['authorization']).toBe(valid.authorization);
    });

    it('keeps health, metrics and the API documents public', async () => {
      for (const path of ['/health/live', '/metrics', '/openapi.json', '/asyncapi.json', '/docs']) {
        expect([path, (await fetch(`${base}${path}`)).status]).toEqual([path, 200]);
      }
    });

    it('refuses a page larger than 200 with 400 naming limit', async () => {
      const response = await fetch(`${base}/api/v1/customers?limit=500`, { headers: bearer(await token(auth)) });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain(PROBLEM);
      expect(await response.json()).toMatchObject({ status: 400, errors: [{ field: 'limit', message: expect.stringContaining('200') }] });
      expect(billing.received).toHaveLength(0);
    });

    it('passes a page of 200 on to the service', async () => {
      const response = await fetch(`${base}/api/v1/customers?limit=200`, { headers: bearer(await token(auth)) });
      expect(response.status).toBe(200);
      expect(billing.received[0].url).toBe('/api/v1/customers?limit=200');
    });
  });

  describe('rate limits', () => {
    async function expectTooMany(response: Response) {
      expect(response.status).toBe(429);
      expect(response.headers.get('content-type')).toContain(PROBLEM);
      const retryAfter = Number(response.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await response.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
    }

    it('answers 429 with Retry-After once a client has used its requests, while other clients go on', async () => {
      const { url, config } = await gatewayWith({ perClientPerMinute: 2, perIpPerMinute: 0 });
      const first = bearer(await token(config.auth, 'client-a'));
      const second = bearer(await token(config.auth, 'client-b'));
      expect((await fetch(`${url}/api/v1/customers`, { headers: first })).status).toBe(200);
      expect((await fetch(`${url}/api/v1/customers`, { headers: first })).status).toBe(200);
      await expectTooMany(await fetch(`${url}/api/v1/customers`, { headers: first }));
      expect(billing.received).toHaveLength(2);
      // A new token for the same subject does not reset the count: it is per client, not per token.
      await expectTooMany(await fetch(`${url}/api/v1/customers`, { headers: bearer(await token(config.auth, 'client-a')) }));
      expect((await fetch(`${url}/api/v1/customers`, { headers: second })).status).toBe(200);
    });

    it('answers 429 once an address has used its requests, whichever tokens (or none) it sends', async () => {
      const { url, config } = await gatewayWith({ perClientPerMinute: 0, perIpPerMinute: 3 });
      expect((await fetch(`${url}/api/v1/customers`)).status).toBe(401);
      expect((await fetch(`${url}/api/v1/customers`, { headers: bearer('guessed') })).status).toBe(401);
      expect((await fetch(`${url}/api/v1/customers`, { headers: bearer(await token(config.auth, 'client-a')) })).status).toBe(200);
      await expectTooMany(await fetch(`${url}/api/v1/customers`, { headers: bearer(await token(config.auth, 'client-b')) }));
      expect(billing.received).toHaveLength(1);
      // Probes and documents are not counted.
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
    });
  });
});
