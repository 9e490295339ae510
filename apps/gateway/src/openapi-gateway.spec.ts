import type { OpenAPIObject } from '@nestjs/swagger';
import { mergeOpenApi } from './openapi-merger';
import { withGatewayParts } from './openapi-gateway';

// As the services' @Roles decorator writes each operation: x-roles plus the bearer requirement.
const guarded = (roles: string[]) => ({ 'x-roles': roles, security: [{ bearer: [] }], responses: { 200: { description: 'ok' } } });

function serviceDoc(paths: Record<string, object>, securitySchemes?: object): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths, components: { schemas: {}, ...(securitySchemes ? { securitySchemes } : {}) } } as OpenAPIObject;
}

describe('the merged document with the gateway parts', () => {
  const merged = mergeOpenApi([
    { service: 'billing-service', doc: serviceDoc({ '/api/v1/customers': { get: guarded(['billing-clerk', 'admin']), post: guarded(['integration']) } }) },
    { service: 'agreement-service', doc: serviceDoc({ '/api/v1/service-agreements/{id}': { get: guarded(['dispatcher', 'customer']) } }) },
  ]);

  it("keeps each operation's x-roles and bearer requirement from the services", () => {
    const doc = withGatewayParts(merged, { devTokens: false });
    expect(doc.paths['/api/v1/customers'].get).toMatchObject({ 'x-roles': ['billing-clerk', 'admin'], security: [{ bearer: [] }] });
    expect(doc.paths['/api/v1/customers'].post).toMatchObject({ 'x-roles': ['integration'] });
    expect(doc.paths['/api/v1/service-agreements/{id}'].get).toMatchObject({ 'x-roles': ['dispatcher', 'customer'] });
  });

  it('defines the bearer scheme the operations name, and makes it the default', () => {
    const doc = withGatewayParts(merged, { devTokens: false });
    expect(doc.components?.securitySchemes).toEqual({ bearer: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }) });
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.info.description).toContain('429');
  });

  it('adds POST /dev/tokens under Development only when the gateway has it', () => {
    expect(withGatewayParts(merged, { devTokens: false }).paths['/dev/tokens']).toBeUndefined();
    const doc = withGatewayParts(merged, { devTokens: true });
    expect(doc.paths['/dev/tokens'].post).toMatchObject({ tags: ['Development'], security: [] });
    expect(doc.tags).toContainEqual(expect.objectContaining({ name: 'Development' }));
  });

  it("keeps a service's own bearer scheme, unrenamed even when two services describe it differently", () => {
    const own = mergeOpenApi([
      { service: 'billing-service', doc: serviceDoc({}, { bearer: { type: 'http', scheme: 'bearer', description: 'billing' } }) },
      { service: 'agreement-service', doc: serviceDoc({}, { bearer: { type: 'http', scheme: 'bearer', description: 'agreements' } }) },
    ]);
    expect(withGatewayParts(own, { devTokens: false }).components?.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer', description: 'billing' } });
  });

  it('does not change the merged document it completes', () => {
    withGatewayParts(merged, { devTokens: true });
    expect(merged.paths['/dev/tokens']).toBeUndefined();
    expect(merged.security).toBeUndefined();
  });
});
