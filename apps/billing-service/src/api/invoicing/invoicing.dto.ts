import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDateString, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageMeta } from '@assistenza/platform/http';
import type { InvoiceState } from '../../domain/invoicing/invoice';
import type { InvoiceProposal } from '../../domain/invoicing/invoice-proposal';

const DECIMAL = /^\d{1,15}(\.\d{1,6})?$/;

export class CreateInvoiceProposalRequest {
  @ApiPropertyOptional({ description: 'Give exactly one of projectId, customerAccount, serviceOrderId, subscriptionId' })
  @IsOptional() @IsString() @Length(1, 20) projectId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 20) customerAccount?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 40) serviceOrderId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 40) subscriptionId?: string;
  @ApiProperty({ example: '2024-12-01', description: 'Transaction dates from (inclusive)' }) @IsDateString({ strict: true }) @MaxLength(10) from!: string;
  @ApiProperty({ example: '2024-12-31', description: 'Transaction dates to (inclusive)' }) @IsDateString({ strict: true }) @MaxLength(10) to!: string;
}

export class ProposalLineChange {
  @ApiProperty() @IsInt() @Min(1) lineNo!: number;
  @ApiProperty() @IsBoolean() included!: boolean;
}

export class ChangeProposalLinesRequest {
  @ApiProperty({ type: [ProposalLineChange] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10000) @ValidateNested({ each: true }) @Type(() => ProposalLineChange)
  lines!: ProposalLineChange[];
}

export class PostProposalRequest {
  @ApiPropertyOptional({ example: '2024-12-06', description: 'Default: today' }) @IsOptional() @IsDateString({ strict: true }) @MaxLength(10) invoiceDate?: string;
  @ApiPropertyOptional({ default: 30 }) @IsOptional() @IsInt() @Min(0) @Max(365) paymentTermsDays?: number;
}

export class CreditLineRequest {
  @ApiProperty() @IsInt() @Min(1) lineNo!: number;
  @ApiPropertyOptional({ description: 'Positive quantity to credit; default: all that is left of the line' })
  @IsOptional() @IsString() @Matches(DECIMAL, { message: 'quantity must be a positive decimal string such as "1.5"' })
  quantity?: string;
}

export class CreditInvoiceRequest {
  @ApiPropertyOptional({ type: [CreditLineRequest], description: 'Omitted: credit the whole invoice' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => CreditLineRequest)
  lines?: CreditLineRequest[];
  @ApiPropertyOptional({ example: '2024-12-10', description: 'Default: today' }) @IsOptional() @IsDateString({ strict: true }) @MaxLength(10) creditDate?: string;
  @ApiPropertyOptional({ default: 30 }) @IsOptional() @IsInt() @Min(0) @Max(365) paymentTermsDays?: number;
}

export class LineSourceResponse {
  @ApiProperty({ enum: ['service-order-line', 'subscription-fee'] }) type!: string;
  @ApiProperty({ description: 'Service order line id or fee transaction id' }) id!: string;
  @ApiProperty({ description: 'Service order id or subscription id' }) document!: string;
  @ApiProperty() projectId!: string;
  @ApiProperty({ format: 'uuid' }) projectTransactionId!: string;
}

export class InvoiceLineResponse {
  @ApiProperty() lineNo!: number;
  @ApiProperty() transactionType!: string;
  @ApiProperty() description!: string;
  @ApiProperty() categoryId!: string;
  @ApiProperty({ example: '2.5' }) quantity!: string;
  @ApiProperty({ example: '95' }) unitPrice!: string;
  @ApiProperty({ example: '237.50' }) netAmount!: string;
  @ApiProperty({ nullable: true, type: String }) taxGroup!: string | null;
  @ApiProperty({ example: '22' }) taxRate!: string;
  @ApiProperty({ example: '52.25' }) taxAmount!: string;
  @ApiProperty({ type: LineSourceResponse }) source!: LineSourceResponse;
}

export class ProposalLineResponse extends InvoiceLineResponse {
  @ApiProperty() included!: boolean;
}

export class TotalsResponse {
  @ApiProperty() net!: string;
  @ApiProperty() tax!: string;
  @ApiProperty() gross!: string;
}

export class InvoiceProposalResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() company!: string;
  @ApiProperty() customerAccount!: string;
  @ApiProperty({ nullable: true, type: String }) projectId!: string | null;
  @ApiProperty({ description: 'What was selected: by project, customer, service order or subscription, and the date range' }) selection!: object;
  @ApiProperty() currency!: string;
  @ApiProperty({ enum: ['open', 'posted'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) invoiceId!: string | null;
  @ApiProperty({ type: [ProposalLineResponse] }) lines!: ProposalLineResponse[];
  @ApiProperty({ type: TotalsResponse, description: 'Of the included lines' }) totals!: TotalsResponse;
  @ApiProperty() version!: number;

  static of(p: InvoiceProposal): InvoiceProposalResponse {
    return Object.assign(new InvoiceProposalResponse(), p.snapshot(), { totals: p.totals() });
  }
}

export class InvoiceProposalPage extends PageMeta {
  @ApiProperty({ type: [InvoiceProposalResponse] }) items!: InvoiceProposalResponse[];
}

export class PostedInvoiceLineResponse extends InvoiceLineResponse {
  @ApiProperty({ description: 'Taken back by credit notes so far' }) creditedQuantity!: string;
  @ApiProperty() creditedNet!: string;
  @ApiProperty() creditedTax!: string;
}

export class InvoiceResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() company!: string;
  @ApiProperty({ example: 'INV-000001' }) number!: string;
  @ApiProperty({ enum: ['invoice', 'credit-note'] }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) creditedInvoiceId!: string | null;
  @ApiProperty({ nullable: true, type: String }) proposalId!: string | null;
  @ApiProperty() customerAccount!: string;
  @ApiProperty({ nullable: true, type: String }) projectId!: string | null;
  @ApiProperty() invoiceDate!: string;
  @ApiProperty() dueDate!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ type: [PostedInvoiceLineResponse] }) lines!: PostedInvoiceLineResponse[];
  @ApiProperty({ type: TotalsResponse }) totals!: TotalsResponse;
  @ApiProperty() version!: number;

  static of(i: InvoiceState): InvoiceResponse {
    return Object.assign(new InvoiceResponse(), i);
  }
}

export class InvoicePage extends PageMeta {
  @ApiProperty({ type: [InvoiceResponse] }) items!: InvoiceResponse[];
}
