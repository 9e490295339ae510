import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '@assistenza/platform/auth';
import { etagOf, Idempotent, IfMatchVersion, PageQuery } from '@assistenza/platform/http';
import { CreatePriceHandler } from '../../application/commands/create-price/create-price.handler';
import { DeletePriceHandler } from '../../application/commands/delete-price/delete-price.handler';
import { UpdatePriceHandler } from '../../application/commands/update-price/update-price.handler';
import { MasterDataQueries } from '../../application/queries/master-data/master-data.queries';
import { MASTER_DATA_READERS, MASTER_DATA_WRITERS } from '../roles';
import { created } from './master-data.controller';
import * as dto from './master-data.dto';

type Reply = FastifyReply;

@ApiTags('Prices')
@Controller('api/v1/prices')
export class PricesController {
  constructor(
    private readonly create: CreatePriceHandler,
    private readonly update: UpdatePriceHandler,
    private readonly remove: DeletePriceHandler,
    private readonly queries: MasterDataQueries,
  ) {}

  @Post() @Roles(...MASTER_DATA_WRITERS) @Idempotent()
  @ApiOperation({ summary: 'Add a cost or sales price line; an overlapping validity for the same key is 409 (publishes billing.price.upserted.v1)' })
  @ApiCreatedResponse({ type: dto.PriceResponse })
  async post(@Body() body: dto.CreatePriceRequest, @Res({ passthrough: true }) reply: Reply): Promise<dto.PriceResponse> {
    const price = await this.create.execute(body);
    created(reply, price.state.version, `/api/v1/prices/${price.state.id}`);
    return dto.PriceResponse.of(price);
  }

  @Get() @Roles(...MASTER_DATA_READERS) @ApiOkResponse({ type: dto.PricePage })
  async list(@Query() q: PageQuery): Promise<dto.PricePage> {
    const page = await this.queries.pricePage(q.limit, q.cursor);
    return { items: page.items.map(dto.PriceResponse.of), nextCursor: page.nextCursor };
  }

  @Get('resolve') @Roles(...MASTER_DATA_READERS)
  @ApiOperation({
    summary: 'The price line that applies: most specific (project+worker, project, worker, all), latest valid-from',
    description: 'For people and tools. Services price from their replica of billing.price.* events, never by calling this at posting time.',
  })
  @ApiOkResponse({ type: dto.PriceResponse })
  async resolve(@Query() q: dto.ResolvePriceQuery): Promise<dto.PriceResponse> {
    return dto.PriceResponse.of(await this.queries.resolve({ ...q, worker: q.worker ?? null }));
  }

  @Get(':id') @Roles(...MASTER_DATA_READERS) @ApiOkResponse({ type: dto.PriceResponse })
  async get(@Param('id') id: string, @Res({ passthrough: true }) reply: Reply): Promise<dto.PriceResponse> {
    const price = await this.queries.price(id);
    void reply.header('etag', etagOf(price.state.version));
    return dto.PriceResponse.of(price);
  }

  @Patch(':id') @Roles(...MASTER_DATA_WRITERS) @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({
    summary: 'Change the amount or validity of a price line; an overlap with another line of the same key is 409 (publishes billing.price.upserted.v1)',
    description: 'Kind, project, worker, category and currency are the key of the line and cannot change: delete the line and add another. Transactions already recorded keep their prices.',
  })
  @ApiOkResponse({ type: dto.PriceResponse })
  async patch(@Param('id') id: string, @IfMatchVersion() expectedVersion: number, @Body() body: dto.UpdatePriceRequest, @Res({ passthrough: true }) reply: Reply): Promise<dto.PriceResponse> {
    const price = await this.update.execute({ id, expectedVersion, changes: body });
    void reply.header('etag', etagOf(price.state.version));
    return dto.PriceResponse.of(price);
  }

  @Delete(':id') @Roles(...MASTER_DATA_WRITERS) @HttpCode(204) @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({ summary: 'Delete a price line; the next most specific line applies from then on (publishes billing.price.deleted.v1)' })
  @ApiNoContentResponse()
  async delete(@Param('id') id: string, @IfMatchVersion() expectedVersion: number): Promise<void> {
    await this.remove.execute(id, expectedVersion);
  }
}
