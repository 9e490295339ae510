import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '@assistenza/platform/auth';
import { etagOf, Idempotent, IfMatchVersion } from '@assistenza/platform/http';
import { AgreementCommands } from '../../application/commands/agreement-commands.service';
import { AgreementLineCommands } from '../../application/commands/agreement-lines.service';
import { CopyAgreementLines } from '../../application/commands/copy-lines/copy-agreement-lines.handler';
import { AgreementQueries } from '../../application/queries/agreement-queries.service';
import type { Agreement } from '../../domain/agreement/agreement';
import {
  AddLineRequest, AgreementPage, AgreementResponse, CopyLinesRequest, CopyTemplateLinesRequest, CreateAgreementRequest, ListAgreementsQuery, ObjectRelationRequest,
  TaskRelationRequest, UpdateAgreementRequest,
} from './agreement.dto';

const WRITERS = ['service-manager', 'dispatcher', 'admin'] as const;
const READERS = ['service-manager', 'dispatcher', 'technician', 'billing-clerk', 'integration', 'admin', 'customer'] as const;

@ApiTags('Service agreements')
@Controller('api/v1/service-agreements')
export class AgreementsController {
  constructor(
    private readonly commands: AgreementCommands,
    private readonly lineCommands: AgreementLineCommands,
    private readonly queries: AgreementQueries,
    private readonly copier: CopyAgreementLines,
  ) {}

  @Post()
  @Roles(...WRITERS)
  @Idempotent()
  @ApiOperation({ summary: 'Create a service agreement on a project (customer from the project; SLA defaults from the group)' })
  @ApiCreatedResponse({ type: AgreementResponse })
  async create(@Body() body: CreateAgreementRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AgreementResponse> {
    const b = body;
    const agreement = await this.commands.create({
      agreementId: b.agreementId, description: b.description, projectId: b.projectId, groupId: b.groupId, startDate: b.startDate, endDate: b.endDate ?? null,
      combineBy: b.combineBy ?? 'agreement', slaId: b.slaId, templateGroupId: b.templateGroupId ?? null, responsible: b.responsible ?? null,
      preferredTechnician: b.preferredTechnician ?? null, contact: b.contact ?? null, suspended: b.suspended ?? false,
    });
    void reply.header('location', `/api/v1/service-agreements/${encodeURIComponent(agreement.id)}`);
    return this.answer(agreement, reply);
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'List agreements by id (a customer-portal caller sees only its own); ?templateGroupId= lists the templates of a group' })
  @ApiOkResponse({ type: AgreementPage })
  async list(@Query() query: ListAgreementsQuery): Promise<AgreementPage> {
    const page = await this.queries.list(query.limit, query.cursor, query.templateGroupId ?? null);
    return { items: page.items.map((a) => AgreementResponse.of(a)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Read an agreement with its lines and relations' })
  @ApiOkResponse({ type: AgreementResponse })
  get(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<AgreementResponse> {
    return this.details(id, reply);
  }

  @Patch(':id')
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Change the header (If-Match)' })
  @ApiHeader({ name: 'If-Match', required: true })
  async update(@Param('id') id: string, @IfMatchVersion() v: number, @Body() body: UpdateAgreementRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(await this.commands.update(id, v, body), reply);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Suspend: no orders from it, its lines count as stopped (If-Match)' })
  async suspend(@Param('id') id: string, @IfMatchVersion() v: number, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(await this.commands.suspend(id, v), reply);
  }

  @Post(':id/release')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Release a suspended agreement (If-Match)' })
  async release(@Param('id') id: string, @IfMatchVersion() v: number, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(await this.commands.release(id, v), reply);
  }

  @Post(':id/lines')
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Add a line (If-Match of the agreement; refused on a suspended agreement)' })
  async addLine(@Param('id') id: string, @IfMatchVersion() v: number, @Body() body: AddLineRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { agreement, line } = await this.lineCommands.addLine(id, v, {
      worker: null, itemId: null, taskId: null, objectId: null, intervalId: null, timeWindowId: null, endDate: null, serviceTimeStartAfter: null, serviceTimeEndBefore: null, ...body,
    });
    void reply.header('etag', etagOf(agreement.version)).header('location', `/api/v1/service-agreements/${encodeURIComponent(id)}/lines/${line.lineNum}`);
    return line;
  }

  @Post(':id/lines/:lineNum/stop')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Stop a line (If-Match)' })
  async stop(@Param('id') id: string, @Param('lineNum', ParseIntPipe) n: number, @IfMatchVersion() v: number, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(await this.lineCommands.setStopped(id, n, v, true), reply);
  }

  @Post(':id/lines/:lineNum/resume')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Resume a stopped line (If-Match)' })
  async resume(@Param('id') id: string, @Param('lineNum', ParseIntPipe) n: number, @IfMatchVersion() v: number, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(await this.lineCommands.setStopped(id, n, v, false), reply);
  }

  @Post(':id/object-relations')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Relate a service object to the agreement (If-Match)' })
  async addObject(@Param('id') id: string, @IfMatchVersion() v: number, @Body() body: ObjectRelationRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(await this.lineCommands.addObjectRelation(id, v, { reference: null, ...body }), reply);
  }

  @Post(':id/task-relations')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Relate a service task with internal and external notes (If-Match)' })
  async addTask(@Param('id') id: string, @IfMatchVersion() v: number, @Body() body: TaskRelationRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(await this.lineCommands.addTaskRelation(id, v, { internalNote: null, externalNote: null, ...body }), reply);
  }

  @Post(':id/copy-lines')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Copy lines from another agreement, optionally with its object and task relations (If-Match; stopped lines are never copied)' })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOkResponse({ type: AgreementResponse })
  async copyLines(@Param('id') id: string, @IfMatchVersion() v: number, @Body() body: CopyLinesRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.copier.execute({ agreementId: id, expectedVersion: v, sourceId: body.fromAgreementId, mode: 'copy-lines', lineNums: body.lineNums ?? null, includeRelations: body.includeRelations ?? false });
    return this.details(id, reply);
  }

  @Post(':id/copy-template-lines')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Copy the lines of a template into the agreement, with the template\'s object and task relations (If-Match)' })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOkResponse({ type: AgreementResponse })
  async copyTemplateLines(@Param('id') id: string, @IfMatchVersion() v: number, @Body() body: CopyTemplateLinesRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.copier.execute({ agreementId: id, expectedVersion: v, sourceId: body.templateId, mode: 'template', lineNums: body.lineNums ?? null, includeRelations: true });
    return this.details(id, reply);
  }

  private async details(id: string, reply: FastifyReply): Promise<AgreementResponse> {
    const { agreement, ...details } = await this.queries.get(id);
    void reply.header('etag', etagOf(agreement.version));
    return AgreementResponse.of(agreement, details);
  }

  private answer(agreement: Agreement, reply: FastifyReply): AgreementResponse {
    void reply.header('etag', etagOf(agreement.version));
    return AgreementResponse.of(agreement);
  }
}
