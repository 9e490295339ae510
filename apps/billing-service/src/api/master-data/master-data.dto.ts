import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { PageMeta } from '@assistenza/platform/http';
import type { Category } from '../../domain/category/category';
import type { Price, PriceKind } from '../../domain/price/price';
import { TRANSACTION_TYPES, type TransactionType } from '../../domain/project/transaction-type';
import type { TaxGroup } from '../../domain/tax-group/tax-group';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,19}$/;
const ID_MESSAGE = { message: 'id must be 1-20 letters, digits, dots, dashes or underscores' };
const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;
const CURRENCY = { message: 'currency must be an ISO 4217 code such as USD' };

export class CreateCategoryRequest {
  @ApiProperty({ example: 'REPAIR' }) @IsString() @Matches(ID, ID_MESSAGE) id!: string;
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ enum: TRANSACTION_TYPES }) @IsIn(TRANSACTION_TYPES) transactionType!: TransactionType;
}

export class UpdateCategoryRequest {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ enum: TRANSACTION_TYPES, description: 'Only while no project transaction uses the category' })
  @IsOptional()
  @IsIn(TRANSACTION_TYPES)
  transactionType?: TransactionType;
}

export class CategoryResponse {
  @ApiProperty() company!: string;
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: TRANSACTION_TYPES }) transactionType!: TransactionType;
  @ApiProperty() version!: number;
  static of(c: Category): CategoryResponse {
    return Object.assign(new CategoryResponse(), c.state);
  }
}

export class CategoryPage extends PageMeta {
  @ApiProperty({ type: [CategoryResponse] }) items!: CategoryResponse[];
}

export class CreateTaxGroupRequest {
  @ApiProperty({ example: 'STD' }) @IsString() @Matches(ID, ID_MESSAGE) id!: string;
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: '22', description: 'Percent as a decimal string' })
  @IsString()
  @Matches(DECIMAL, { message: 'rate must be a decimal string such as "22" or "7.5"' })
  rate!: string;
}

export class UpdateTaxGroupRequest {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ example: '10' })
  @IsOptional()
  @IsString()
  @Matches(DECIMAL, { message: 'rate must be a decimal string such as "22" or "7.5"' })
  rate?: string;
}

export class TaxGroupResponse {
  @ApiProperty() company!: string;
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '22' }) rate!: string;
  @ApiProperty() version!: number;
  static of(g: TaxGroup): TaxGroupResponse {
    return Object.assign(new TaxGroupResponse(), g.snapshot());
  }
}

export class TaxGroupPage extends PageMeta {
  @ApiProperty({ type: [TaxGroupResponse] }) items!: TaxGroupResponse[];
}

export class CreatePriceRequest {
  @ApiProperty({ enum: ['sales', 'cost'] }) @IsIn(['sales', 'cost']) kind!: PriceKind;
  @ApiPropertyOptional({ nullable: true, description: 'Omitted or null: all projects' }) @IsOptional() @IsString() @Length(1, 20) projectId?: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Omitted or null: every worker' }) @IsOptional() @IsString() @Length(1, 25) worker?: string | null;
  @ApiProperty({ example: 'REPAIR' }) @IsString() @Length(1, 20) categoryId!: string;
  @ApiProperty({ example: '2024-01-01' }) @IsDateString({ strict: true }) @MaxLength(10) validFrom!: string;
  @ApiPropertyOptional({ nullable: true, example: '2024-12-31' }) @IsOptional() @IsDateString({ strict: true }) @MaxLength(10) validTo?: string | null;
  @ApiProperty({ example: 'USD' }) @IsString() @Matches(/^[A-Z]{3}$/, CURRENCY) currency!: string;
  @ApiProperty({ example: '95.00' }) @IsString() @Matches(DECIMAL, { message: 'amount must be a decimal string such as "95.00"' }) amount!: string;
}

/** Amount and validity only: the key of a line (kind, project, worker, category, currency) is fixed. */
export class UpdatePriceRequest {
  @ApiPropertyOptional({ example: '2024-01-01' }) @IsOptional() @IsDateString({ strict: true }) @MaxLength(10) validFrom?: string;
  @ApiPropertyOptional({ nullable: true, example: '2024-12-31', description: 'null: open-ended; omitted: unchanged' })
  @IsOptional()
  @IsDateString({ strict: true })
  @MaxLength(10)
  validTo?: string | null;
  @ApiPropertyOptional({ example: '99.00' }) @IsOptional() @IsString() @Matches(DECIMAL, { message: 'amount must be a decimal string such as "95.00"' }) amount?: string;
}

export class ResolvePriceQuery {
  @ApiProperty({ enum: ['sales', 'cost'] }) @IsIn(['sales', 'cost']) kind!: PriceKind;
  @ApiProperty() @IsString() @Length(1, 20) projectId!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 25) worker?: string;
  @ApiProperty({ example: 'REPAIR' }) @IsString() @Length(1, 20) categoryId!: string;
  @ApiProperty() @IsString() @Matches(/^[A-Z]{3}$/, CURRENCY) currency!: string;
  @ApiProperty({ example: '2024-06-01' }) @IsDateString({ strict: true }) @MaxLength(10) date!: string;
}

export class PriceResponse {
  @ApiProperty() company!: string;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['sales', 'cost'] }) kind!: PriceKind;
  @ApiProperty({ nullable: true, type: String }) projectId!: string | null;
  @ApiProperty({ nullable: true, type: String }) worker!: string | null;
  @ApiProperty() categoryId!: string;
  @ApiProperty() validFrom!: string;
  @ApiProperty({ nullable: true, type: String }) validTo!: string | null;
  @ApiProperty() currency!: string;
  @ApiProperty({ example: '95.00' }) amount!: string;
  @ApiProperty() version!: number;
  static of(p: Price): PriceResponse {
    return Object.assign(new PriceResponse(), p.state);
  }
}

export class PricePage extends PageMeta {
  @ApiProperty({ type: [PriceResponse] }) items!: PriceResponse[];
}
