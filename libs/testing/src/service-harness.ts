import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '@assistenza/platform/config';
import { dropDatabase } from '@assistenza/platform/persistence';
import { envFor } from './test-config';
import { waitFor } from './wait-for';

export interface RunningService {
  app: INestApplication;
  url: string;
  config: ServiceConfig;
  db: DataSource;
  close(): Promise<void>;
}

/** Boots a service in this process against the real PostgreSQL and RabbitMQ, on a free port. */
export async function startService(create: (c: ServiceConfig) => Promise<INestApplication>, config: ServiceConfig): Promise<RunningService> {
  const app = await create(config);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  let closed = false;
  return {
    app,
    url,
    config,
    db: app.get(DataSource),
    close: async () => {
      if (closed) return;
      closed = true;
      await app.close();
    },
  };
}

/**
 * Ports for processes a test spawns. Chosen below Linux's ephemeral range (32768-60999), so that
 * no outgoing connection (a service's own PostgreSQL and RabbitMQ clients) can take the port
 * between choosing it and the process binding it; never the same one twice in one test process.
 */
const PORT_RANGE = { from: 20_000, to: 32_000 };
const handedOut = new Set<number>();

export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = PORT_RANGE.from + Math.floor(Math.random() * (PORT_RANGE.to - PORT_RANGE.from));
    if (handedOut.has(port) || !(await canBind(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`no free port between ${PORT_RANGE.from} and ${PORT_RANGE.to}`);
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

const ROOT = path.resolve(__dirname, '../../..');

/** Runs a built service (dist/) as its own OS process, as production does, so tests can kill -9 it. */
export function spawnService(config: ServiceConfig, extraEnv: Record<string, string> = {}): ChildProcess {
  const main = path.join(ROOT, 'dist/apps', config.service, 'src/main.js');
  return spawn(process.execPath, [main], {
    env: { ...process.env, ...envFor(config), ...extraEnv },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

export async function waitUntilReady(url: string, timeoutMs = 30_000): Promise<void> {
  await waitFor(async () => (await fetch(`${url}/health/ready`)).status === 200, { timeoutMs, intervalMs: 100, what: `${url} ready` });
}

export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
  });
}

export async function dropTestDatabase(config: ServiceConfig): Promise<void> {
  await dropDatabase(config.database);
}
