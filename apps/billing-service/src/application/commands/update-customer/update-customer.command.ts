import type { CustomerChanges } from '../../../domain/customer/customer';

export interface UpdateCustomerCommand {
  account: string;
  expectedVersion: number;
  changes: CustomerChanges;
}
