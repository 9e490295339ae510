import { Body, Controller, Get, Param, Patch, Post, Query, Res, type Type } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '@assistenza/platform/auth';
import { etagOf, Idempotent, IfMatchVersion, PageQuery, type Page } from '@assistenza/platform/http';
import type { ReferenceRecord } from '../../application/ports/reference-data.repository';
import { ReferenceDataService } from '../../application/reference/reference-data.service';
import type { Attributes, ReferenceKind } from '../../application/reference/reference-kinds';

/** Setup data is read by staff and written by service managers and admins (not by customers). */
const READERS = ['service-manager', 'dispatcher', 'technician', 'billing-clerk', 'integration', 'admin'] as const;
const WRITERS = ['service-manager', 'admin'] as const;

type View = { company: string; code: string; description: string; version: number } & Attributes;
const view = (r: ReferenceRecord): View => ({ company: r.company, code: r.code, description: r.description, ...r.attributes, version: r.version });

/**
 * Builds the CRUD controller of one kind of setup data. The request DTO classes are set as the
 * handlers' parameter types so the global ValidationPipe whitelists and validates them.
 */
export function referenceController(kind: ReferenceKind, tag: string, createDto: Type, updateDto: Type): Type {
  @ApiTags(tag)
  @Controller(`api/v1/${kind.path}`)
  class ReferenceController {
    constructor(readonly service: ReferenceDataService) {}

    @Post()
    @Roles(...WRITERS)
    @Idempotent()
    @ApiOperation({ summary: `Create a ${kind.resource.toLowerCase()}` })
    @ApiBody({ type: createDto })
    async create(@Body() body: { code: string; description: string }, @Res({ passthrough: true }) reply: FastifyReply): Promise<View> {
      const record = await this.service.create(kind, body);
      void reply.header('etag', etagOf(record.version)).header('location', `/api/v1/${kind.path}/${encodeURIComponent(record.code)}`);
      return view(record);
    }

    @Get()
    @Roles(...READERS)
    @ApiOperation({ summary: `List ${kind.resource.toLowerCase()}s by code` })
    async list(@Query() query: PageQuery): Promise<Page<View>> {
      const page = await this.service.list(kind, query.limit, query.cursor);
      return { items: page.items.map(view), nextCursor: page.nextCursor };
    }

    @Get(':code')
    @Roles(...READERS)
    @ApiOperation({ summary: `Read a ${kind.resource.toLowerCase()}` })
    async get(@Param('code') code: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<View> {
      const record = await this.service.get(kind, code);
      void reply.header('etag', etagOf(record.version));
      return view(record);
    }

    @Patch(':code')
    @Roles(...WRITERS)
    @ApiOperation({ summary: `Change a ${kind.resource.toLowerCase()} (If-Match)` })
    @ApiHeader({ name: 'If-Match', required: true })
    @ApiBody({ type: updateDto })
    async update(@Param('code') code: string, @IfMatchVersion() expectedVersion: number, @Body() body: Attributes, @Res({ passthrough: true }) reply: FastifyReply): Promise<View> {
      const record = await this.service.update(kind, code, expectedVersion, body);
      void reply.header('etag', etagOf(record.version));
      return view(record);
    }
  }
  Reflect.defineMetadata('design:paramtypes', [createDto, Object], ReferenceController.prototype, 'create');
  Reflect.defineMetadata('design:paramtypes', [String, Number, updateDto, Object], ReferenceController.prototype, 'update');
  Object.defineProperty(ReferenceController, 'name', { value: `${createDto.name.replace(/^Create|Request$/g, '')}Controller` });
  return ReferenceController;
}
