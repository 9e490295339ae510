import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { LogController } from 'fastify';
import { TokenVerifier } from '@assistenza/platform/auth';
import { MAX_BODY_BYTES, ProblemDetailsFilter } from '@assistenza/platform/http';
import { createLogger } from '@assistenza/platform/observability';
import { requireBearerToken } from './bearer-auth';
import { correlationIdOf, propagateCorrelationId } from './correlation-id';
import { registerDevTokens } from './dev-tokens';
import type { GatewayConfig } from './gateway-config';
import { GatewayModule } from './gateway.module';
import { NestPinoLogger } from './nest-pino-logger';
import { MergedOpenApiSource } from './openapi-source';
import { capPageSize } from './page-size';
import { createRateLimitHooks } from './rate-limits';
import { recordRequests } from './request-log';
import { registerUpstreamProxies } from './upstream-proxy';

/**
 * Builds the gateway: /api/v1 proxied to the owning services behind the edge checks (rate per
 * address, bearer token, rate per client, page size), the merged OpenAPI document with Swagger UI,
 * the AsyncAPI document, health and metrics, and POST /dev/tokens in development. Errors leave as
 * problem+json. The caller decides where to listen (tests use port 0).
 */
export async function createGatewayApp(config: GatewayConfig): Promise<NestFastifyApplication> {
  const logger = createLogger('gateway');
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: MAX_BODY_BYTES,
    genReqId: correlationIdOf,
    trustProxy: config.trustProxy,
    // recordRequests writes one line per request instead of Fastify's two.
    logController: new LogController({ requestIdLogLabel: 'correlationId', disableRequestLogging: true }),
  });
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.forRoot(config), adapter, {
    logger: new NestPinoLogger(logger),
  });
  app.useGlobalFilters(new ProblemDetailsFilter());

  const fastify = app.getHttpAdapter().getInstance();
  propagateCorrelationId(fastify);
  recordRequests(fastify);
  const limits = await createRateLimitHooks(fastify, config.rateLimits);
  // The address limit comes first, so that floods of bad tokens are cut off before the (costly)
  // signature check; the client limit needs the verified token.
  const checks = [limits.perIp, requireBearerToken(new TokenVerifier(config.auth)), limits.perClient, capPageSize];
  await registerUpstreamProxies(fastify, config.services, { bodyLimit: MAX_BODY_BYTES, upstreamTimeoutMs: config.upstreamTimeoutMs, checks });
  if (config.devTokens) await registerDevTokens(fastify, config.auth, limits.perIp);

  // Swagger UI builds its page from a document once; patchDocumentOnRequest swaps in the merged
  // document on every load, so services started after the gateway show up.
  const openApi = app.get(MergedOpenApiSource);
  const placeholder: OpenAPIObject = { openapi: '3.0.0', info: { title: 'Assistenza API', version: '1.0.0' }, paths: {} };
  SwaggerModule.setup('docs', app, () => placeholder, {
    raw: false, // the document itself is served at /openapi.json
    customSiteTitle: 'Assistenza API',
    swaggerOptions: { persistAuthorization: true }, // keep the pasted token across page reloads
    patchDocumentOnRequest: () => openApi.current(),
  });

  await app.init();
  return app;
}
