process.env['LOG_LEVEL'] = 'silent';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createGatewayApp } from './bootstrap';
import { loadGatewayConfig } from './gateway-config';
import fastify from 'fastify';
import { openApiDoc, unusedUrl } from './testing/fake-services';

describe('merged OpenAPI document of services started after the gateway', () => {
  const late = fastify();
  let gateway: NestFastifyApplication;
  let base: string;
  let lateUrl: string;

  beforeAll(async () => {
    lateUrl = await unusedUrl();
    late.get('/openapi.json', async () => openApiDoc('Reports', { '/api/v1/reports': { get: { responses: { 200: { description: 'ok' } } } } }, {}));
    const config = loadGatewayConfig();
    config.openApiCacheMs = 0;
    config.devTokens = false; // only the services' paths in the document
    config.services = [{ name: 'reporting-service', url: lateUrl, prefixes: ['/api/v1/reports'] }];
    gateway = await createGatewayApp(config);
    await gateway.listen(0, '127.0.0.1');
    base = await gateway.getUrl();
  });

  afterAll(async () => {
    await gateway?.close();
    await late.close();
  });

  it('picks up a service once it is running, in /openapi.json and in Swagger UI', async () => {
    const before = (await (await fetch(`${base}/openapi.json`)).json()) as { info: object; paths: object };
    expect(before.info).toHaveProperty('x-unavailable-services', ['reporting-service']);
    expect(Object.keys(before.paths)).toEqual([]);

    await late.listen({ port: Number(new URL(lateUrl).port), host: '127.0.0.1' });

    const after = (await (await fetch(`${base}/openapi.json`)).json()) as { info: object; paths: object };
    expect(Object.keys(after.paths)).toEqual(['/api/v1/reports']);
    expect(after.info).not.toHaveProperty('x-unavailable-services');
    expect(await (await fetch(`${base}/docs/swagger-ui-init.js`)).text()).toContain('/api/v1/reports');
  });
});
