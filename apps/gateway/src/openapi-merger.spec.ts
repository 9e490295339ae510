import type { OpenAPIObject } from '@nestjs/swagger';
import { mergeOpenApi } from './openapi-merger';

const money = { type: 'object', properties: { amount: { type: 'string' }, currency: { type: 'string' } } };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (schema: object) => ({ responses: { 200: { description: 'ok', content: { 'application/json': { schema } } } } });

function doc(paths: Record<string, object>, schemas: Record<string, object>, extra: Partial<OpenAPIObject> = {}): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths, components: { schemas }, ...extra } as OpenAPIObject;
}

const billing = doc(
  {
    '/api/v1/customers': { get: { operationId: 'CustomersController_list', tags: ['customers'], ...ok(ref('Customer')) } },
    '/health/ready': { get: { responses: {} } },
    '/metrics': { get: { responses: {} } },
  },
  { Customer: { type: 'object', properties: { id: { type: 'string' }, balance: ref('Money') } }, Money: money },
  { tags: [{ name: 'customers' }] },
);
const agreement = doc(
  {
    '/api/v1/service-agreements': { get: { operationId: 'AgreementsController_list', ...ok(ref('Agreement')) } },
    '/api/v1/service-agreements/{id}': { get: { operationId: 'CustomersController_list', ...ok(ref('Customer')) } },
  },
  {
    Agreement: { type: 'object', properties: { customer: ref('Customer'), fee: ref('Money') } },
    Customer: { type: 'object', properties: { number: { type: 'string' } } },
    Money: money,
  },
  { tags: [{ name: 'agreements' }, { name: 'customers', description: 'duplicate' }] },
);

describe('mergeOpenApi', () => {
  const merged = mergeOpenApi([
    { service: 'billing-service', doc: billing },
    { service: 'agreement-service', doc: agreement },
  ]);

  it('merges the /api paths of every service', () => {
    expect(Object.keys(merged.paths).sort()).toEqual(['/api/v1/customers', '/api/v1/service-agreements', '/api/v1/service-agreements/{id}']);
  });

  it("drops the services' non-API paths (health, metrics)", () => {
    expect(merged.paths['/health/ready']).toBeUndefined();
    expect(merged.paths['/metrics']).toBeUndefined();
  });

  it('prefixes a schema name two services define differently, and rewrites each service’s refs', () => {
    const schemas = merged.components?.schemas ?? {};
    expect(Object.keys(schemas).sort()).toEqual(['Agreement', 'Agreement_Customer', 'Billing_Customer', 'Money']);
    expect(merged.paths['/api/v1/customers'].get?.responses[200]).toMatchObject({ content: { 'application/json': { schema: ref('Billing_Customer') } } });
    expect(merged.paths['/api/v1/service-agreements/{id}'].get?.responses[200]).toMatchObject({
      content: { 'application/json': { schema: ref('Agreement_Customer') } },
    });
    expect(schemas['Agreement']).toEqual({ type: 'object', properties: { customer: ref('Agreement_Customer'), fee: ref('Money') } });
  });

  it('keeps one copy of a schema that services define identically', () => {
    expect(merged.components?.schemas?.['Money']).toEqual(money);
  });

  it('keeps operationIds unique by prefixing a later duplicate', () => {
    expect(merged.paths['/api/v1/customers'].get?.operationId).toBe('CustomersController_list');
    expect(merged.paths['/api/v1/service-agreements/{id}'].get?.operationId).toBe('Agreement_CustomersController_list');
  });

  it('unions the tags by name', () => {
    expect(merged.tags).toEqual([{ name: 'customers' }, { name: 'agreements' }]);
  });

  it('describes the whole system and points requests at the gateway', () => {
    expect(merged.info.title).toBe('Assistenza API');
    expect(merged.info.description).toContain('billing-service');
    expect(merged.info.description).toContain('agreement-service');
    expect(merged.servers).toEqual([{ url: '/' }]);
  });

  it('names the services whose documents could not be fetched', () => {
    const partial = mergeOpenApi([{ service: 'billing-service', doc: billing }], ['agreement-service']);
    expect((partial.info as unknown as Record<string, unknown>)['x-unavailable-services']).toEqual(['agreement-service']);
    expect(partial.components?.schemas?.['Customer']).toBeDefined(); // no collision left, no prefix
  });

  it('does not change the documents it merges', () => {
    expect(billing.paths['/api/v1/customers'].get?.responses[200]).toMatchObject({ content: { 'application/json': { schema: ref('Customer') } } });
    expect(agreement.paths['/api/v1/service-agreements/{id}'].get?.operationId).toBe('CustomersController_list');
  });
});
