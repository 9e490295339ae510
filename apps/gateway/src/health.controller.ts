import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { metricsRegistry } from '@assistenza/platform/observability';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway-config';
import { probeJson } from './upstream-probe';

interface ServiceHealth {
  status: 'up' | 'down';
  /** The service's own readiness status code, when it answered. */
  httpStatus?: number;
  error?: string;
}

/** Liveness, readiness (every service ready) and Prometheus metrics of the gateway process. */
@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  @Get('health/live')
  live() {
    return { status: 'up' };
  }

  /**
   * Ready only when every service is: the gateway's routes are only as good as the services
   * behind them. Checked in parallel, each with a short timeout, so the probe never hangs.
   */
  @Get('health/ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const checks = await Promise.all(
      this.config.services.map(async (service) => [service.name, toHealth(await probeJson(`${service.url}/health/ready`, this.config.probeTimeoutMs))] as const),
    );
    const up = checks.every(([, health]) => health.status === 'up');
    void reply.status(up ? 200 : 503);
    return { status: up ? 'up' : 'down', services: Object.fromEntries(checks) };
  }

  @Get('metrics')
  @Header('content-type', metricsRegistry.contentType)
  metrics() {
    return metricsRegistry.metrics();
  }
}

function toHealth(result: { status?: number; error?: string }): ServiceHealth {
  if (result.status === 200) return { status: 'up' };
  return result.status !== undefined ? { status: 'down', httpStatus: result.status } : { status: 'down', error: result.error };
}
