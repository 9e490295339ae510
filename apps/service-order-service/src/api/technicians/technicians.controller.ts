import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { Roles } from '@assistenza/platform/auth';
import { PageMeta, PageQuery } from '@assistenza/platform/http';
import type { Technician } from '../../application/ports/technician.repository';
import { TechnicianQueries } from '../../application/queries/technician-queries.service';

const READERS = ['dispatcher', 'service-manager', 'technician', 'integration', 'admin'] as const;

export class TechnicianListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only this dispatch team' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{1,20}$/, { message: 'dispatchTeam must be a dispatch team code' })
  dispatchTeam?: string;

  @ApiPropertyOptional({ default: true, description: 'Leave out technicians whose termination date has passed' })
  @IsOptional()
  @Transform(({ value }) => (value === 'false' ? false : value === 'true' ? true : value))
  @IsBoolean()
  activeOnly?: boolean;
}

export class TechnicianResponse {
  @ApiProperty() personnelNumber!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) dispatchTeam!: string | null;
  @ApiProperty({ nullable: true, type: String }) calendar!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) terminatedOn!: string | null;
}

export class TechnicianPage extends PageMeta {
  @ApiProperty({ type: [TechnicianResponse] }) items!: TechnicianResponse[];
}

const view = (t: Technician): TechnicianResponse => ({
  personnelNumber: t.personnelNumber,
  name: t.name,
  dispatchTeam: t.dispatchTeam,
  calendar: t.calendar,
  active: t.active,
  terminatedOn: t.terminatedOn,
});

/** Technicians come from the HR module's events; here they are only read (for dispatching). */
@ApiTags('Technicians')
@Controller('api/v1/technicians')
export class TechniciansController {
  constructor(private readonly queries: TechnicianQueries) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'List technicians, by personnel number' })
  @ApiOkResponse({ type: TechnicianPage })
  async list(@Query() query: TechnicianListQuery): Promise<TechnicianPage> {
    const page = await this.queries.list({ dispatchTeam: query.dispatchTeam ?? null, activeOnly: query.activeOnly ?? true }, query.limit, query.cursor);
    return { items: page.items.map(view), nextCursor: page.nextCursor };
  }

  @Get(':personnelNumber')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Read a technician' })
  @ApiOkResponse({ type: TechnicianResponse })
  async get(@Param('personnelNumber') personnelNumber: string): Promise<TechnicianResponse> {
    return view(await this.queries.get(personnelNumber));
  }
}
