import 'reflect-metadata';
import { createGatewayApp } from './bootstrap';
import { loadGatewayConfig } from './gateway-config';

async function start(): Promise<void> {
  const config = loadGatewayConfig();
  const app = await createGatewayApp(config);
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  app.getHttpAdapter().getInstance().log.info(`gateway listening on http://${config.host}:${config.port} (Swagger UI at /docs)`);
}

start().catch((err) => {
  // A JSON line and a non-zero exit, so that a supervisor (npm start, Kubernetes) sees the failed start.
  console.error(JSON.stringify({ level: 60, service: 'gateway', msg: 'start-up failed', err: String(err?.stack ?? err) }));
  process.exit(1);
});
