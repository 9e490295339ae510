import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createGatewayApp } from '../bootstrap';
import type { GatewayConfig } from '../gateway-config';

export interface RunningGateway {
  app: NestFastifyApplication;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
}

/** A gateway on a free local port, built from the given configuration. */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const app = await createGatewayApp(config);
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

/** An Authorization header value. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
