import { EntitySchema } from 'typeorm';

export interface CustomerRow {
  company: string;
  account: string;
  name: string;
  currency: string;
  customer_price_group: string | null;
  address: string | null;
  blocked: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const CustomerSchema = new EntitySchema<CustomerRow>({
  name: 'customer',
  tableName: 'customers',
  columns: {
    company: { type: 'text', primary: true },
    account: { type: 'text', primary: true },
    name: { type: 'text' },
    currency: { type: 'char', length: 3 },
    customer_price_group: { type: 'text', nullable: true },
    address: { type: 'text', nullable: true },
    blocked: { type: 'boolean', default: false },
    version: { type: 'integer' },
    created_at: { type: 'timestamptz', createDate: true },
    updated_at: { type: 'timestamptz', updateDate: true },
  },
});
