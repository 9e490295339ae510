import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PageMeta } from '@assistenza/platform/http';
import { PROJECT_TYPES, type Project, type ProjectType } from '../../domain/project/project';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,19}$/;

export class ChargeableDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() hour?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() expense?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() item?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() fee?: boolean;
}

export class CreateProjectRequest {
  @ApiProperty({ example: 'PRJ-001', maxLength: 20 })
  @IsString()
  @Matches(ID, { message: 'id must be 1-20 letters, digits, dots, dashes or underscores' })
  id!: string;

  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) name!: string;

  @ApiProperty({ example: 'US-001', description: 'A customer account that exists in billing' })
  @IsString()
  @Length(1, 20)
  customerAccount!: string;

  @ApiProperty({ enum: PROJECT_TYPES }) @IsIn(PROJECT_TYPES) type!: ProjectType;

  @ApiProperty({ example: 'USD' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency!: string;

  @ApiPropertyOptional({ nullable: true, maxLength: 20 }) @IsOptional() @IsString() @MaxLength(20) taxGroup?: string | null;

  @ApiPropertyOptional({ type: ChargeableDto, description: 'Line properties; default: all chargeable on time-and-material and fixed-price projects' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChargeableDto)
  chargeable?: ChargeableDto;
}

export class UpdateProjectRequest {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @Length(1, 200) name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency?: string;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(20) taxGroup?: string | null;

  @ApiPropertyOptional({ type: ChargeableDto }) @IsOptional() @ValidateNested() @Type(() => ChargeableDto) chargeable?: ChargeableDto;
}

export class ChargeableResponse {
  @ApiProperty() hour!: boolean;
  @ApiProperty() expense!: boolean;
  @ApiProperty() item!: boolean;
  @ApiProperty() fee!: boolean;
}

export class ProjectResponse {
  @ApiProperty() company!: string;
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() customerAccount!: string;
  @ApiProperty({ enum: PROJECT_TYPES }) type!: ProjectType;
  @ApiProperty() currency!: string;
  @ApiProperty({ nullable: true, type: String }) taxGroup!: string | null;
  @ApiProperty({ type: ChargeableResponse }) chargeable!: ChargeableResponse;
  @ApiProperty() version!: number;

  static of(project: Project): ProjectResponse {
    return Object.assign(new ProjectResponse(), project.snapshot());
  }
}

export class ProjectPage extends PageMeta {
  @ApiProperty({ type: [ProjectResponse] }) items!: ProjectResponse[];
}
