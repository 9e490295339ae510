import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min, ValidateNested } from 'class-validator';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,19}$/;

export class CreateReferenceRequest {
  @ApiProperty({ example: 'STD', maxLength: 20 })
  @IsString()
  @Matches(CODE, { message: 'code must be 1-20 letters, digits, dots, dashes or underscores' })
  code!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Length(1, 200)
  description!: string;
}

const optionalCode = () => (target: object, key: string) => {
  ApiPropertyOptional({ nullable: true, type: String, maxLength: 20 })(target, key);
  IsOptional()(target, key);
  Matches(CODE, { message: `${key} must be a code` })(target, key);
};

export class CreateAgreementGroupRequest extends CreateReferenceRequest {
  @optionalCode() defaultSlaId?: string | null;
}

export class CreateServiceIntervalRequest extends CreateReferenceRequest {
  @ApiProperty({ enum: ['day', 'week', 'month', 'year'], description: 'Range' }) @IsIn(['day', 'week', 'month', 'year']) unit!: string;
  @ApiProperty({ minimum: 1, description: 'Multiplier: interval = range × frequency' }) @IsInt() @Min(1) frequency!: number;
}

export class CreateTimeWindowRequest extends CreateReferenceRequest {
  @ApiProperty({ enum: ['week', 'month', 'manual'] }) @IsIn(['week', 'month', 'manual']) method!: string;
  @ApiPropertyOptional({ minimum: 0, description: 'Manual only' }) @IsOptional() @IsInt() @Min(0) daysBefore?: number;
  @ApiPropertyOptional({ minimum: 0, description: 'Manual only' }) @IsOptional() @IsInt() @Min(0) daysAfter?: number;
}

export class CreateServiceTaskRequest extends CreateReferenceRequest {}
export class CreateServiceObjectGroupRequest extends CreateReferenceRequest {}

export class CreateServiceObjectRequest extends CreateReferenceRequest {
  @optionalCode() groupId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(40) itemId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(40) serialNumber?: string | null;
}

export class CreateTemplateGroupRequest extends CreateReferenceRequest {
  @optionalCode() parentId?: string | null;
}

export class CreateServiceLevelAgreementRequest extends CreateReferenceRequest {
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsInt() @Min(0) days?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 23, example: 4 }) @IsOptional() @IsInt() @Min(0) hours?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 59 }) @IsOptional() @IsInt() @Min(0) minutes?: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Response target' }) @IsOptional() @IsInt() @Min(1) responseMinutes?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Resolution target' }) @IsOptional() @IsInt() @Min(1) resolutionMinutes?: number | null;
  @optionalCode() calendarId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() suspended?: boolean;
}

export class WorkingHoursDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' }) @IsInt() weekday!: number;
  @ApiProperty({ example: '08:00' }) @IsString() from!: string;
  @ApiProperty({ example: '17:00' }) @IsString() to!: string;
}

export class CreateCalendarRequest extends CreateReferenceRequest {
  @ApiProperty({ example: 'Europe/Rome', description: 'IANA time zone of the working hours' }) @IsString() @MaxLength(64) timeZone!: string;
  @ApiProperty({ type: [WorkingHoursDto] }) @IsArray() @ValidateNested({ each: true }) @Type(() => WorkingHoursDto) workingHours!: WorkingHoursDto[];
  @ApiPropertyOptional({ type: [String], example: ['2012-12-25'] }) @IsOptional() @IsArray() @IsString({ each: true }) closedDays?: string[];
}

const update = <T extends typeof CreateReferenceRequest>(c: T) => PartialType(OmitType(c, ['code'] as const));
export class UpdateAgreementGroupRequest extends update(CreateAgreementGroupRequest) {}
export class UpdateServiceIntervalRequest extends update(CreateServiceIntervalRequest) {}
export class UpdateTimeWindowRequest extends update(CreateTimeWindowRequest) {}
export class UpdateServiceTaskRequest extends update(CreateServiceTaskRequest) {}
export class UpdateServiceObjectGroupRequest extends update(CreateServiceObjectGroupRequest) {}
export class UpdateServiceObjectRequest extends update(CreateServiceObjectRequest) {}
export class UpdateTemplateGroupRequest extends update(CreateTemplateGroupRequest) {}
export class UpdateServiceLevelAgreementRequest extends update(CreateServiceLevelAgreementRequest) {}
export class UpdateCalendarRequest extends update(CreateCalendarRequest) {}
