import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '@assistenza/platform/auth';
import { etagOf, Idempotent, IfMatchVersion, PageQuery } from '@assistenza/platform/http';
import { CreateCategoryHandler } from '../../application/commands/create-category/create-category.handler';
import { CreateTaxGroupHandler } from '../../application/commands/create-tax-group/create-tax-group.handler';
import { UpdateCategoryHandler } from '../../application/commands/update-category/update-category.handler';
import { UpdateTaxGroupHandler } from '../../application/commands/update-tax-group/update-tax-group.handler';
import { MasterDataQueries } from '../../application/queries/master-data/master-data.queries';
import { MASTER_DATA_READERS, MASTER_DATA_WRITERS } from '../roles';
import * as dto from './master-data.dto';

type Reply = FastifyReply;
export const created = (reply: Reply, version: number, location: string) => void reply.header('etag', etagOf(version)).header('location', location);

@ApiTags('Categories')
@Controller('api/v1/categories')
export class CategoriesController {
  constructor(private readonly create: CreateCategoryHandler, private readonly update: UpdateCategoryHandler, private readonly queries: MasterDataQueries) {}

  @Post() @Roles(...MASTER_DATA_WRITERS) @Idempotent()
  @ApiOperation({ summary: 'Create a project category for one transaction type' }) @ApiCreatedResponse({ type: dto.CategoryResponse })
  async post(@Body() body: dto.CreateCategoryRequest, @Res({ passthrough: true }) reply: Reply): Promise<dto.CategoryResponse> {
    const category = await this.create.execute(body);
    created(reply, category.state.version, `/api/v1/categories/${encodeURIComponent(category.state.id)}`);
    return dto.CategoryResponse.of(category);
  }

  @Get() @Roles(...MASTER_DATA_READERS) @ApiOkResponse({ type: dto.CategoryPage })
  async list(@Query() q: PageQuery): Promise<dto.CategoryPage> {
    const page = await this.queries.categoryPage(q.limit, q.cursor);
    return { items: page.items.map(dto.CategoryResponse.of), nextCursor: page.nextCursor };
  }

  @Get(':id') @Roles(...MASTER_DATA_READERS) @ApiOkResponse({ type: dto.CategoryResponse })
  async get(@Param('id') id: string, @Res({ passthrough: true }) reply: Reply): Promise<dto.CategoryResponse> {
    const category = await this.queries.category(id);
    void reply.header('etag', etagOf(category.state.version));
    return dto.CategoryResponse.of(category);
  }

  @Patch(':id') @Roles(...MASTER_DATA_WRITERS) @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({ summary: 'Rename a category, or change its transaction type while no project transaction uses it (422 once one does)' })
  @ApiOkResponse({ type: dto.CategoryResponse })
  async patch(@Param('id') id: string, @IfMatchVersion() expectedVersion: number, @Body() body: dto.UpdateCategoryRequest, @Res({ passthrough: true }) reply: Reply): Promise<dto.CategoryResponse> {
    const category = await this.update.execute({ id, expectedVersion, changes: body });
    void reply.header('etag', etagOf(category.state.version));
    return dto.CategoryResponse.of(category);
  }
}

@ApiTags('Tax groups')
@Controller('api/v1/tax-groups')
export class TaxGroupsController {
  constructor(private readonly create: CreateTaxGroupHandler, private readonly update: UpdateTaxGroupHandler, private readonly queries: MasterDataQueries) {}

  @Post() @Roles(...MASTER_DATA_WRITERS) @Idempotent()
  @ApiOperation({ summary: 'Create a sales tax group with its rate in percent' }) @ApiCreatedResponse({ type: dto.TaxGroupResponse })
  async post(@Body() body: dto.CreateTaxGroupRequest, @Res({ passthrough: true }) reply: Reply): Promise<dto.TaxGroupResponse> {
    const group = await this.create.execute(body);
    created(reply, group.snapshot().version, `/api/v1/tax-groups/${encodeURIComponent(group.snapshot().id)}`);
    return dto.TaxGroupResponse.of(group);
  }

  @Get() @Roles(...MASTER_DATA_READERS) @ApiOkResponse({ type: dto.TaxGroupPage })
  async list(@Query() q: PageQuery): Promise<dto.TaxGroupPage> {
    const page = await this.queries.taxGroupPage(q.limit, q.cursor);
    return { items: page.items.map(dto.TaxGroupResponse.of), nextCursor: page.nextCursor };
  }

  @Get(':id') @Roles(...MASTER_DATA_READERS) @ApiOkResponse({ type: dto.TaxGroupResponse })
  async get(@Param('id') id: string, @Res({ passthrough: true }) reply: Reply): Promise<dto.TaxGroupResponse> {
    const group = await this.queries.taxGroup(id);
    void reply.header('etag', etagOf(group.snapshot().version));
    return dto.TaxGroupResponse.of(group);
  }

  @Patch(':id') @Roles(...MASTER_DATA_WRITERS) @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({ summary: 'Rename a tax group or change its rate (applies to proposals created afterwards)' }) @ApiOkResponse({ type: dto.TaxGroupResponse })
  async patch(@Param('id') id: string, @IfMatchVersion() expectedVersion: number, @Body() body: dto.UpdateTaxGroupRequest, @Res({ passthrough: true }) reply: Reply): Promise<dto.TaxGroupResponse> {
    const group = await this.update.execute({ id, expectedVersion, changes: body });
    void reply.header('etag', etagOf(group.snapshot().version));
    return dto.TaxGroupResponse.of(group);
  }
}
