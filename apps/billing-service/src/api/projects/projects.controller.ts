import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '@assistenza/platform/auth';
import { etagOf, Idempotent, IfMatchVersion, PageQuery } from '@assistenza/platform/http';
import { CreateProjectHandler } from '../../application/commands/create-project/create-project.handler';
import { UpdateProjectHandler } from '../../application/commands/update-project/update-project.handler';
import { ProjectQueries } from '../../application/queries/projects/project.queries';
import { MASTER_DATA_READERS, MASTER_DATA_WRITERS } from '../roles';
import { CreateProjectRequest, ProjectPage, ProjectResponse, UpdateProjectRequest } from './project.dto';

@ApiTags('Projects')
@Controller('api/v1/projects')
export class ProjectsController {
  constructor(
    private readonly createProject: CreateProjectHandler,
    private readonly updateProject: UpdateProjectHandler,
    private readonly queries: ProjectQueries,
  ) {}

  @Post()
  @Roles(...MASTER_DATA_WRITERS)
  @Idempotent()
  @ApiOperation({ summary: 'Create a project for an existing customer (publishes billing.project.upserted.v1)' })
  @ApiCreatedResponse({ type: ProjectResponse })
  async create(@Body() body: CreateProjectRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<ProjectResponse> {
    const project = await this.createProject.execute(body);
    void reply.header('etag', etagOf(project.version)).header('location', `/api/v1/projects/${encodeURIComponent(project.id)}`);
    return ProjectResponse.of(project);
  }

  @Get()
  @Roles(...MASTER_DATA_READERS, 'customer')
  @ApiOperation({ summary: 'List projects by id (a customer-portal caller sees only its own)' })
  @ApiOkResponse({ type: ProjectPage })
  async list(@Query() query: PageQuery): Promise<ProjectPage> {
    const page = await this.queries.list(query.limit, query.cursor);
    return { items: page.items.map(ProjectResponse.of), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Roles(...MASTER_DATA_READERS, 'customer')
  @ApiOperation({ summary: 'Read a project' })
  @ApiOkResponse({ type: ProjectResponse })
  async get(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<ProjectResponse> {
    const project = await this.queries.get(id);
    void reply.header('etag', etagOf(project.version));
    return ProjectResponse.of(project);
  }

  @Patch(':id')
  @Roles(...MASTER_DATA_WRITERS)
  @ApiOperation({ summary: 'Change a project, e.g. its chargeable line properties (If-Match required)' })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOkResponse({ type: ProjectResponse })
  async update(
    @Param('id') id: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() body: UpdateProjectRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProjectResponse> {
    const project = await this.updateProject.execute({ id, expectedVersion, changes: body });
    void reply.header('etag', etagOf(project.version));
    return ProjectResponse.of(project);
  }
}
