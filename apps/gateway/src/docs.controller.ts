import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { buildAsyncApiDocument } from '@assistenza/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway-config';
import { MergedOpenApiSource } from './openapi-source';

/** The system's API descriptions: HTTP (merged from the services) and events (from the catalog). */
@ApiExcludeController()
@Controller()
export class DocsController {
  private readonly asyncApi: ReturnType<typeof buildAsyncApiDocument>;

  constructor(
    @Inject(MergedOpenApiSource) private readonly openApi: MergedOpenApiSource,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    // The event catalog is compiled in, so the document cannot change while the process runs.
    this.asyncApi = buildAsyncApiDocument({ exchange: config.eventsExchange, version: '1.0.0' });
  }

  @Get('openapi.json')
  openapi() {
    return this.openApi.current();
  }

  @Get('asyncapi.json')
  asyncapi() {
    return this.asyncApi;
  }
}
