import type { ChildProcess } from 'node:child_process';
import type { ServiceConfig } from '@assistenza/platform/config';
import { dropTestDatabase, exited, freePort, newRunId, spawnService, testServiceConfig, TestBroker, waitUntilReady } from '@assistenza/testing';

/**
 * Billing (the producer of customer events) and agreement (a consumer) as separate OS processes
 * built from dist/, each with its own database, sharing one test exchange.
 */
export class BillingAndAgreement {
  billing!: ServiceConfig;
  agreement!: ServiceConfig;
  private readonly processes = new Map<string, ChildProcess>();

  async init(): Promise<this> {
    const runId = newRunId();
    this.billing = testServiceConfig('billing-service', runId, { port: await freePort() });
    this.agreement = testServiceConfig('agreement-service', runId, { port: await freePort() });
    return this;
  }

  url(config: ServiceConfig): string {
    return `http://127.0.0.1:${config.port}`;
  }

  async start(config: ServiceConfig, env: Record<string, string> = {}): Promise<ChildProcess> {
    const child = spawnService(config, env);
    this.processes.set(config.service, child);
    await waitUntilReady(this.url(config));
    return child;
  }

  async stop(config: ServiceConfig): Promise<void> {
    const child = this.processes.get(config.service);
    if (!child) return;
    child.kill('SIGTERM');
    await exited(child);
    this.processes.delete(config.service);
  }

  async cleanUp(): Promise<void> {
    for (const child of this.processes.values()) {
      child.kill('SIGKILL');
      await exited(child);
    }
    const broker = await TestBroker.connect();
    await broker.removeTopology(this.billing.broker, [`${this.billing.broker.exchange}.agreement-service`]);
    await broker.close();
    await dropTestDatabase(this.billing);
    await dropTestDatabase(this.agreement);
  }
}
