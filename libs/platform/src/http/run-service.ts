import type { INestApplication } from '@nestjs/common';
import { loadServiceConfig, type ServiceConfig } from '../config';

/**
 * The whole of a service's main.ts: read configuration, build the app, listen, and exit non-zero
 * if start-up fails so that a supervisor (npm start, Kubernetes) sees it.
 */
export function runService(
  service: string,
  defaultPort: number,
  create: (config: ServiceConfig) => Promise<INestApplication>,
): void {
  const config = loadServiceConfig(service, { port: defaultPort });
  create(config)
    .then(async (app) => {
      app.enableShutdownHooks();
      await app.listen(config.port, config.host);
    })
    .catch((err) => {
      console.error(JSON.stringify({ level: 60, service, msg: 'start-up failed', err: String(err?.stack ?? err) }));
      process.exit(1);
    });
}
