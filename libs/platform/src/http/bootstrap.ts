import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { DynamicModule } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { env } from '../config';
import { AmqpEventServer } from '../messaging';
import { httpRequestDuration } from '../observability';
import { ProblemDetailsFilter } from './problem-details.filter';
import { RequestContextInterceptor } from './request-context.interceptor';
import { createValidationPipe } from './validation';

export const MAX_BODY_BYTES = 1_048_576;

export interface ServiceApi {
  title: string;
  description: string;
}

/**
 * Builds a service process: Fastify HTTP (problem+json errors, whitelist validation, request
 * context, latency metrics, its OpenAPI document at /openapi.json) plus the event consumer as a
 * hybrid Nest microservice. The caller decides where to listen (tests use port 0).
 */
export async function createServiceApp(module: DynamicModule, api: ServiceApi): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter({ bodyLimit: MAX_BODY_BYTES }), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new RequestContextInterceptor(env('DEFAULT_COMPANY', 'DAT')));

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onResponse', (request, reply, done) => {
    httpRequestDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });

  const document = buildOpenApi(app, api);
  fastify.get('/openapi.json', (_request, reply) => void reply.send(document));

  app.connectMicroservice({ strategy: app.get(AmqpEventServer) });
  await app.startAllMicroservices();
  return app;
}

function buildOpenApi(app: NestFastifyApplication, api: ServiceApi): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(api.title)
    .setDescription(api.description)
    .setVersion('1.0.0')
    .addGlobalParameters(
      { name: 'X-Company', in: 'header', required: false, description: 'Legal entity the request acts in', schema: { type: 'string' } },
      { name: 'X-Correlation-Id', in: 'header', required: false, description: 'Echoed back and carried into the events the request causes', schema: { type: 'string' } },
    )
    .build();
  return SwaggerModule.createDocument(app, config);
}
