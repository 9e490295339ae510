import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { PageMeta } from '@assistenza/platform/http';
import type { Customer } from '../../domain/customer/customer';

export class CreateCustomerRequest {
  @ApiProperty({ example: 'US-001', maxLength: 20 })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,19}$/, { message: 'account must be 1-20 letters, digits, dots, dashes or underscores' })
  account!: string;

  @ApiProperty({ example: 'Contoso Retail San Diego', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'USD', description: 'ISO 4217 currency code' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency!: string;

  @ApiPropertyOptional({ nullable: true, maxLength: 20 })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  customerPriceGroup?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  blocked?: boolean;
}

/** Every field but the account (the key) may change; the account never does. */
export class UpdateCustomerRequest extends PartialType(OmitType(CreateCustomerRequest, ['account'] as const)) {}

export class CustomerResponse {
  @ApiProperty() company!: string;
  @ApiProperty() account!: string;
  @ApiProperty() name!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ nullable: true, type: String }) customerPriceGroup!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty() blocked!: boolean;
  @ApiProperty({ description: 'Aggregate version; also the ETag' }) version!: number;

  static of(customer: Customer): CustomerResponse {
    return Object.assign(new CustomerResponse(), customer.snapshot());
  }
}

export class CustomerPage extends PageMeta {
  @ApiProperty({ type: [CustomerResponse] }) items!: CustomerResponse[];
}
