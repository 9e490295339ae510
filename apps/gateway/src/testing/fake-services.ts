import { createServer } from 'node:net';
import fastify, { type FastifyInstance } from 'fastify';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface FakeService {
  app: FastifyInstance;
  url: string;
  received: ReceivedRequest[];
}

/**
 * A real HTTP server on a free port standing in for one service: the gateway under test talks to
 * it exactly as to the real one, and the test sees what arrived.
 */
export async function startFakeService(configure: (app: FastifyInstance) => void): Promise<FakeService> {
  const app = fastify();
  const received: ReceivedRequest[] = [];
  app.addHook('preHandler', async (request) => {
    received.push({ method: request.method, url: request.url, headers: { ...request.headers }, body: request.body });
  });
  configure(app);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: address, received };
}

/** A URL on which nothing listens: a port that was free a moment ago. */
export async function unusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** A minimal OpenAPI 3 document as the services' Nest Swagger module produces it. */
export function openApiDoc(title: string, paths: Record<string, unknown>, schemas: Record<string, unknown>) {
  return { openapi: '3.0.0', info: { title, version: '1.0.0' }, paths, components: { schemas } };
}
