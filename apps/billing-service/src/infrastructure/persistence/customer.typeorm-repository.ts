import { Inject, Injectable } from '@nestjs/common';
import { ConflictError } from '@assistenza/platform/ddd';
import { UnitOfWork, updateVersioned } from '@assistenza/platform/persistence';
import { MoreThan } from 'typeorm';
import type { CustomerRepository } from '../../application/ports/customer.repository';
import { Customer } from '../../domain/customer/customer';
import { CustomerSchema, type CustomerRow } from './customer.schema';

@Injectable()
export class CustomerTypeormRepository implements CustomerRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {}

  async insert(customer: Customer): Promise<void> {
    const s = customer.snapshot();
    // insert(), not save(): save() would silently overwrite an existing account (typeorm#2188).
    const inserted: unknown[] = await this.uow.manager.query(
      `INSERT INTO customers (company, account, name, currency, customer_price_group, address, blocked, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING 1`,
      [s.company, s.account, s.name, s.currency, s.customerPriceGroup, s.address, s.blocked, s.version],
    );
    if (inserted.length === 0) throw new ConflictError(`Customer ${s.account} already exists`, 'account');
  }

  async update(customer: Customer, expectedVersion: number): Promise<number> {
    const s = customer.snapshot();
    return updateVersioned(
      this.uow.manager,
      { table: 'customers', resource: 'Customer', company: s.company, idColumn: 'account', id: s.account, expectedVersion },
      { name: s.name, currency: s.currency, customer_price_group: s.customerPriceGroup, address: s.address, blocked: s.blocked },
    );
  }

  async find(company: string, account: string): Promise<Customer | null> {
    const row = await this.uow.manager.findOne(CustomerSchema, { where: { company, account } });
    return row ? toDomain(row) : null;
  }

  async list(company: string, limit: number, afterAccount: string | null): Promise<Customer[]> {
    const rows = await this.uow.manager.find(CustomerSchema, {
      where: afterAccount === null ? { company } : { company, account: MoreThan(afterAccount) },
      order: { account: 'ASC' },
      take: limit,
    });
    return rows.map(toDomain);
  }

  async appliedSalesVersion(company: string, account: string): Promise<number | null> {
    const [row] = await this.uow.manager.query('SELECT sales_version FROM customers WHERE company = $1 AND account = $2 FOR UPDATE', [company, account]);
    return row?.sales_version ?? null;
  }

  async recordSalesVersion(company: string, account: string, salesVersion: number): Promise<void> {
    await this.uow.manager.query('UPDATE customers SET sales_version = $3 WHERE company = $1 AND account = $2', [company, account, salesVersion]);
  }
}

function toDomain(row: CustomerRow): Customer {
  return Customer.restore({
    company: row.company,
    account: row.account,
    name: row.name,
    currency: row.currency,
    customerPriceGroup: row.customer_price_group,
    address: row.address,
    blocked: row.blocked,
    version: row.version,
  });
}
