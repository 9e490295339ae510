import type { INestApplication } from '@nestjs/common';
import type { ServiceConfig } from '@assistenza/platform/config';
import { TestBroker } from './broker';
import { dropTestDatabase, startService, type RunningService } from './service-harness';
import { newRunId, testServiceConfig } from './test-config';

export interface ServiceWithBroker {
  svc: RunningService;
  broker: TestBroker;
  /** The service's own consumer queue on this run's exchange. */
  queue: string;
  /** Closes the service and removes everything the run created: queues, exchanges, database. */
  stop(): Promise<void>;
}

/** A service under test plus a plain broker client, on a database and exchange of their own. */
export async function startWithBroker(create: (c: ServiceConfig) => Promise<INestApplication>, service: string, runId = newRunId()): Promise<ServiceWithBroker> {
  const svc = await startService(create, testServiceConfig(service, runId));
  const broker = await TestBroker.connect();
  const queue = `${svc.config.broker.exchange}.${service}`;
  const stop = async () => {
    await svc.close();
    await broker.removeTopology(svc.config.broker, [queue]);
    await broker.close();
    await dropTestDatabase(svc.config);
  };
  return { svc, broker, queue, stop };
}
