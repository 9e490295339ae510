import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min } from 'class-validator';
import { PageMeta, PageQuery } from '@assistenza/platform/http';
import type { AgreementDetails } from '../../application/queries/agreement-queries.service';
import type { Agreement } from '../../domain/agreement/agreement';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,19}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const codeMessage = { message: 'must be a code of 1-20 letters, digits, dots, dashes or underscores' };

export class CreateAgreementRequest {
  @ApiProperty({ example: 'SA-000123' }) @IsString() @Matches(CODE, codeMessage) agreementId!: string;
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) description!: string;
  @ApiProperty({ example: 'PRJ-001', description: 'Project (replicated from billing); not a time project' }) @IsString() @Matches(CODE, codeMessage) projectId!: string;
  @ApiProperty({ example: 'STD', description: 'Agreement group' }) @IsString() @Matches(CODE, codeMessage) groupId!: string;
  @ApiProperty({ example: '2012-01-01' }) @Matches(DATE, { message: 'startDate must be YYYY-MM-DD' }) startDate!: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2012-12-31' }) @IsOptional() @Matches(DATE, { message: 'endDate must be YYYY-MM-DD' }) endDate?: string | null;
  @ApiPropertyOptional({ enum: ['agreement', 'task', 'employee', 'object'], default: 'agreement' }) @IsOptional() @IsIn(['agreement', 'task', 'employee', 'object']) combineBy?: 'agreement' | 'task' | 'employee' | 'object';
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Defaults from the agreement group' }) @IsOptional() @Matches(CODE, codeMessage) slaId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Set ⇒ the agreement is a template' }) @IsOptional() @Matches(CODE, codeMessage) templateGroupId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(25) responsible?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(25) preferredTechnician?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(100) contact?: string | null;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() suspended?: boolean;
}

export class UpdateAgreementRequest extends PartialType(OmitType(CreateAgreementRequest, ['agreementId', 'projectId', 'suspended'] as const)) {}

export class AddLineRequest {
  @ApiProperty({ enum: ['hour', 'expense', 'item', 'fee'] }) @IsIn(['hour', 'expense', 'item', 'fee']) transactionType!: 'hour' | 'expense' | 'item' | 'fee';
  @ApiProperty({ maxLength: 500 }) @IsString() @Length(1, 500) description!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(25) worker?: string | null;
  @ApiProperty({ example: 'SERVICE' }) @IsString() @Matches(CODE, codeMessage) categoryId!: string;
  @ApiProperty({ example: '1.5', description: 'Decimal string' }) @IsString() @Matches(/^\d{1,15}(\.\d{1,6})?$/, { message: 'quantity must be a decimal string such as 1.5' }) quantity!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(40) itemId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Matches(CODE, codeMessage) taskId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Matches(CODE, codeMessage) objectId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Blank ⇒ one-time line' }) @IsOptional() @Matches(CODE, codeMessage) intervalId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Matches(CODE, codeMessage) timeWindowId?: string | null;
  @ApiProperty({ example: '2012-01-01' }) @Matches(DATE, { message: 'startDate must be YYYY-MM-DD' }) startDate!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Matches(DATE, { message: 'endDate must be YYYY-MM-DD' }) endDate?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '08:00' }) @IsOptional() @IsString() serviceTimeStartAfter?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '12:00' }) @IsOptional() @IsString() serviceTimeEndBefore?: string | null;
}

export class ObjectRelationRequest {
  @ApiProperty() @Matches(CODE, codeMessage) objectId!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(100) reference?: string | null;
}

export class TaskRelationRequest {
  @ApiProperty() @Matches(CODE, codeMessage) taskId!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'For the technician' }) @IsOptional() @IsString() @MaxLength(2000) internalNote?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Visible to the customer' }) @IsOptional() @IsString() @MaxLength(2000) externalNote?: string | null;
}

const lineNums = () => (target: object, key: string) => {
  ApiPropertyOptional({ type: [Number], example: [1, 2], description: 'The lines to copy; omitted ⇒ every line that is not stopped' })(target, key);
  for (const d of [IsOptional(), IsArray(), ArrayNotEmpty(), ArrayMaxSize(1000), IsInt({ each: true }), Min(1, { each: true })]) d(target, key);
};

export class CopyLinesRequest {
  @ApiProperty({ example: 'SA-000100', description: 'The agreement to copy lines from' }) @Matches(CODE, codeMessage) fromAgreementId!: string;
  @lineNums() lineNums?: number[];
  @ApiPropertyOptional({ default: false, description: 'Also add its object and task relations to this agreement\'s' }) @IsOptional() @IsBoolean() includeRelations?: boolean;
}

export class CopyTemplateLinesRequest {
  @ApiProperty({ example: 'TPL-BOILER', description: 'A template: an agreement in a template group' }) @Matches(CODE, codeMessage) templateId!: string;
  @lineNums() lineNums?: number[];
}

export class ListAgreementsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only the templates of this template group' }) @IsOptional() @Matches(CODE, codeMessage) templateGroupId?: string;
}

export class AgreementResponse {
  @ApiProperty() company!: string;
  @ApiProperty() agreementId!: string;
  @ApiProperty() description!: string;
  @ApiProperty() projectId!: string;
  @ApiProperty() customerAccount!: string;
  @ApiProperty() groupId!: string;
  @ApiProperty() startDate!: string;
  @ApiProperty({ nullable: true, type: String }) endDate!: string | null;
  @ApiProperty() suspended!: boolean;
  @ApiProperty() combineBy!: string;
  @ApiProperty({ nullable: true, type: String }) slaId!: string | null;
  @ApiProperty({ nullable: true, type: String }) templateGroupId!: string | null;
  @ApiProperty() hasOrders!: boolean;
  @ApiProperty({ description: 'Aggregate version; also the ETag' }) version!: number;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) lines?: unknown[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) objectRelations?: unknown[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) taskRelations?: unknown[];

  static of(agreement: Agreement, details?: Omit<AgreementDetails, 'agreement'>): AgreementResponse {
    return Object.assign(new AgreementResponse(), agreement.snapshot(), details ?? {});
  }
}

export class AgreementPage extends PageMeta {
  @ApiProperty({ type: [AgreementResponse] }) items!: AgreementResponse[];
}
