import { Controller, Get, Header, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/roles.decorator';
import { AmqpConnection, AmqpEventServer, EventPublisher } from '../messaging';
import { metricsRegistry } from '../observability';

/** Liveness, readiness (database, broker, consumers) and Prometheus metrics of one service process. */
@ApiExcludeController()
@Public()
@Controller()
export class OpsController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AmqpConnection) private readonly connection: AmqpConnection,
    @Inject(EventPublisher) private readonly publisher: EventPublisher,
    @Inject(AmqpEventServer) private readonly server: AmqpEventServer,
  ) {}

  @Get('health/live')
  @HttpCode(200)
  live() {
    return { status: 'up' };
  }

  @Get('health/ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const checks = {
      database: await this.databaseUp(),
      broker: this.connection.isConnected && this.publisher.isReady,
      consumers: this.server.consumerReady,
    };
    const up = Object.values(checks).every(Boolean);
    void reply.status(up ? 200 : 503);
    return { status: up ? 'up' : 'down', checks };
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  metrics() {
    return metricsRegistry.metrics();
  }

  private async databaseUp(): Promise<boolean> {
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1_000))]);
      return true;
    } catch {
      return false;
    }
  }
}
