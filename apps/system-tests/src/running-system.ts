import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
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
  private log?: string;

  async start(extraEnv: Record<string, string> = {}): Promise<this> {
    for (const service of SERVICES) this.configs.set(service, testServiceConfig(service, this.runId, { port: await freePort() }));
    const gatewayPort = await freePort();
    this.gateway = `http://127.0.0.1:${gatewayPort}`;
    const env = Object.assign({}, process.env, ...[...this.configs.values()].map(envFor), { PORT: String(gatewayPort) }, extraEnv);
    // What the processes print goes to a log, quoted if the system does not come up.
    mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
    const log = (this.log = path.join(ROOT, 'tmp', `system-${this.runId}.log`));
    const out = openSync(log, 'w');
    // Its own process group, so that stopping it stops everything npm start started.
    this.process = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], { cwd: ROOT, env, stdio: ['ignore', out, out], detached: true });
    closeSync(out); // the child holds its own copy
    try {
      const ready = waitFor(async () => (await fetch(`${this.gateway}/health/ready`)).status === 200, { timeoutMs: 90_000, intervalMs: 250, what: 'the gateway to be ready' });
      const gaveUp = exited(this.process).then((code) => Promise.reject(new Error(`npm start exited (${code}) before the gateway was ready`)));
      await Promise.race([ready, gaveUp]);
    } catch (err) {
      const tail = readFileSync(log, 'utf8').split('\n').slice(-40).join('\n');
      await this.stop();
      throw new Error(`${(err as Error).message}\nlast lines of ${log}:\n${tail}`);
    }
    return this;
  }

  config(service: string): ServiceConfig {
    const config = this.configs.get(service);
    if (!config) throw new Error(`unknown service ${service}`);
    return config;
  }

  async stop(): Promise<void> {
    const child = this.process;
    // npm start stops every process itself when one of them exits; then there is nothing to kill.
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      await exited(child);
    }
    const broker = await TestBroker.connect();
    for (const config of this.configs.values()) await broker.removeTopology(config.broker, [`${config.broker.exchange}.${config.service}`]);
    await broker.close();
    for (const config of this.configs.values()) await dropTestDatabase(config);
    if (this.log) rmSync(this.log, { force: true });
  }
}
