import type { Customer } from '../../domain/customer/customer';

export const CUSTOMER_REPOSITORY = Symbol('CustomerRepository');

/** Customers of one company; every call is scoped by company. */
export interface CustomerRepository {
  /** Stores a new customer; a duplicate account is a ConflictError. */
  insert(customer: Customer): Promise<void>;
  /** Stores changes if the customer is still at `expectedVersion`; returns the new version. */
  update(customer: Customer, expectedVersion: number): Promise<number>;
  find(company: string, account: string): Promise<Customer | null>;
  /** Customers ordered by account, after `afterAccount` when given. */
  list(company: string, limit: number, afterAccount: string | null): Promise<Customer[]>;
  /** The last sales.customer.upserted aggregateVersion applied to this account, if any. */
  appliedSalesVersion(company: string, account: string): Promise<number | null>;
  recordSalesVersion(company: string, account: string, salesVersion: number): Promise<void>;
}
