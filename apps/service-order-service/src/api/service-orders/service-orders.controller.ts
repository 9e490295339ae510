import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Roles } from '@assistenza/platform/auth';
import { etagOf, PageQuery, type Page } from '@assistenza/platform/http';
import type { ServiceOrderView } from '../../application/ports/service-order.repository';
import { ServiceOrderQueries } from '../../application/queries/service-order-queries.service';

const READERS = ['dispatcher', 'technician', 'service-manager', 'billing-clerk', 'integration', 'admin', 'customer'] as const;

export class ServiceOrderListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only orders generated from this agreement' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,19}$/, { message: 'agreementId must be an agreement id' })
  agreementId?: string;
}

@ApiTags('Service orders')
@Controller('api/v1/service-orders')
export class ServiceOrdersController {
  constructor(private readonly queries: ServiceOrderQueries) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'List service orders (filter by agreement; a customer-portal caller sees only its own)' })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  list(@Query() query: ServiceOrderListQuery): Promise<Page<ServiceOrderView>> {
    return this.queries.list(query.agreementId ?? null, query.limit, query.cursor);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Read a service order with its lines and relations' })
  async get(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<ServiceOrderView> {
    const order = await this.queries.get(id);
    void reply.header('etag', etagOf(order.version));
    return order;
  }
}
