import type { OpenAPIObject } from '@nestjs/swagger';
import type { UpstreamService } from './gateway-config';
import { withGatewayParts } from './openapi-gateway';
import { mergeOpenApi, type ServiceDocument } from './openapi-merger';
import { probeJson } from './upstream-probe';

/**
 * The merged OpenAPI document, built on demand from the services' own documents (fetched in
 * parallel) and reused for a few seconds, so that a service started after the gateway appears
 * without a restart and a page full of Swagger UI requests does not ask every service each time.
 */
export class MergedOpenApiSource {
  private cached?: { doc: OpenAPIObject; at: number };
  private inFlight?: Promise<OpenAPIObject>;

  constructor(
    private readonly services: readonly UpstreamService[],
    private readonly options: { timeoutMs: number; cacheMs: number; devTokens: boolean },
  ) {}

  current(): Promise<OpenAPIObject> {
    if (this.cached && Date.now() - this.cached.at < this.options.cacheMs) return Promise.resolve(this.cached.doc);
    // Concurrent callers share one round of fetches.
    this.inFlight ??= this.build().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async build(): Promise<OpenAPIObject> {
    const results = await Promise.all(
      this.services.map(async (service) => ({ service, result: await probeJson(`${service.url}/openapi.json`, this.options.timeoutMs) })),
    );
    const docs: ServiceDocument[] = [];
    const unavailable: string[] = [];
    for (const { service, result } of results) {
      if (result.status === 200 && isOpenApi(result.body)) docs.push({ service: service.name, doc: result.body });
      else unavailable.push(service.name);
    }
    const doc = withGatewayParts(mergeOpenApi(docs, unavailable), { devTokens: this.options.devTokens });
    this.cached = { doc, at: Date.now() };
    return doc;
  }
}

function isOpenApi(body: unknown): body is OpenAPIObject {
  return typeof body === 'object' && body !== null && 'openapi' in body && 'paths' in body;
}
