import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ServiceConfig } from '@assistenza/platform/config';
import { dropTestDatabase, envFor, exited, freePort, newRunId, testServiceConfig, TestBroker, waitFor } from '@assistenza/testing';

export const SERVICES = ['agreement-service', 'service-order-service', 'subscription-service', 'billing-service', 'reporting-service'];
const ROOT = path.resolve(__dirname, '../../..');

/**
 * The whole system as `npm start` runs it (scripts/start.mjs: build, then the gateway and every
 * service as processes), on free ports, with databases and an exchange of this test run's own.
 */
export class RunningSystem {
  readonly runId = newRunId();
  readonly configs = new Map<string, ServiceConfig>();
  gateway = '';
  private process?: ChildProcess;

  async start(extraEnv: Record<string, string> = {}): Promise<this> {
    for (const service of SERVICES) this.configs.set(service, testServiceConfig(service, this.runId, { port: await freePort() }));
    const gatewayPort = await freePort();
    this.gateway = `http://127.0.0.1:${gatewayPort}`;
    const env = Object.assign({}, process.env, ...[...this.configs.values()].map(envFor), { PORT: String(gatewayPort) }, extraEnv);
    // Its own process group, so that stopping it stops everything npm start started.
    this.process = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], { cwd: ROOT, env, stdio: 'ignore', detached: true });
    await waitFor(async () => (await fetch(`${this.gateway}/health/ready`)).status === 200, { timeoutMs: 90_000, intervalMs: 250, what: 'the gateway to be ready' });
    return this;
  }

  config(service: string): ServiceConfig {
    const config = this.configs.get(service);
    if (!config) throw new Error(`unknown service ${service}`);
    return config;
  }

  async stop(): Promise<void> {
    if (this.process?.pid) {
      process.kill(-this.process.pid, 'SIGTERM');
      await exited(this.process);
    }
    const broker = await TestBroker.connect();
    for (const config of this.configs.values()) await broker.removeTopology(config.broker, [`${config.broker.exchange}.${config.service}`]);
    await broker.close();
    for (const config of this.configs.values()) await dropTestDatabase(config);
  }
}
