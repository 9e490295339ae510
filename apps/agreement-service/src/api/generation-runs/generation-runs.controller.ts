import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Roles } from '@assistenza/platform/auth';
import { etagOf, Idempotent } from '@assistenza/platform/http';
import { GenerationRuns } from '../../application/generation/generation-runs.service';
import type { GenerationRun } from '../../application/ports/generation-run.repository';
import type { TransactionType } from '../../domain/generation/planning.types';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,19}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class StartGenerationRunRequest {
  @ApiProperty({ example: '2012-04-01' }) @Matches(DATE, { message: 'from must be YYYY-MM-DD' }) from!: string;
  @ApiProperty({ example: '2012-04-30' }) @Matches(DATE, { message: 'to must be YYYY-MM-DD' }) to!: string;
  @ApiPropertyOptional({ enum: ['hour', 'expense', 'item', 'fee'], isArray: true, default: ['hour', 'expense', 'item', 'fee'] })
  @IsOptional() @IsArray() @ArrayNotEmpty() @IsIn(['hour', 'expense', 'item', 'fee'], { each: true }) transactionTypes?: TransactionType[];
  @ApiPropertyOptional({ default: false, description: 'Fill the missing orders of the series from the agreement start' }) @IsOptional() @IsBoolean() continuous?: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Calendar whose closed days flag conflicts; none ⇒ closed days are ignored' })
  @IsOptional() @Matches(CODE) calendarId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Only this agreement' }) @IsOptional() @Matches(CODE) agreementId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Only agreements of this customer' }) @IsOptional() @Matches(CODE) customerAccount?: string | null;
}

@ApiTags('Generation runs')
@Controller('api/v1/generation-runs')
export class GenerationRunsController {
  constructor(private readonly runs: GenerationRuns) {}

  @Post()
  @HttpCode(202)
  @Roles('service-manager', 'dispatcher', 'admin')
  @Idempotent()
  @ApiOperation({ summary: 'Start generating service orders for one agreement or a filter of agreements; runs in the background' })
  @ApiAcceptedResponse({ description: 'The run, pending; follow Location' })
  async start(@Body() body: StartGenerationRunRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<GenerationRun> {
    const run = await this.runs.start({
      from: body.from, to: body.to, transactionTypes: body.transactionTypes ?? ['hour', 'expense', 'item', 'fee'], continuous: body.continuous ?? false,
      calendarId: body.calendarId ?? null, agreementId: body.agreementId ?? null, customerAccount: body.customerAccount ?? null,
    });
    void reply.header('location', `/api/v1/generation-runs/${run.runId}`).header('etag', etagOf(run.version));
    return run;
  }

  @Get(':id')
  @Roles('service-manager', 'dispatcher', 'admin', 'integration')
  @ApiOperation({ summary: 'Progress and counts of a generation run' })
  @ApiOkResponse({ description: 'status pending | running | completed | failed' })
  async get(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<GenerationRun> {
    const run = await this.runs.get(id);
    void reply.header('etag', etagOf(run.version));
    return run;
  }
}
