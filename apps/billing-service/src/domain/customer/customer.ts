import { ValidationError } from '@assistenza/platform/ddd';

export interface CustomerState {
  company: string;
  account: string;
  name: string;
  currency: string;
  customerPriceGroup: string | null;
  address: string | null;
  blocked: boolean;
  version: number;
}

export type CustomerChanges = Partial<Pick<CustomerState, 'name' | 'currency' | 'customerPriceGroup' | 'address' | 'blocked'>>;

/**
 * A customer account, the party that is invoiced. Billing is the master of customers; other
 * services keep replicas from the events it publishes.
 */
export class Customer {
  private constructor(private state: CustomerState) {}

  static create(input: Omit<CustomerState, 'version'>): Customer {
    const customer = new Customer({ ...input, version: 1 });
    customer.check();
    return customer;
  }

  static restore(state: CustomerState): Customer {
    return new Customer({ ...state });
  }

  /** Applies a partial change; the version moves when the repository stores it. */
  change(changes: CustomerChanges): void {
    this.state = { ...this.state, ...changes };
    this.check();
  }

  markStored(version: number): void {
    this.state.version = version;
  }

  get account(): string {
    return this.state.account;
  }

  get version(): number {
    return this.state.version;
  }

  snapshot(): Readonly<CustomerState> {
    return { ...this.state };
  }

  private check(): void {
    if (!/^[A-Z]{3}$/.test(this.state.currency)) throw new ValidationError('currency must be an ISO 4217 code such as USD', 'currency');
    if (this.state.name.trim() === '') throw new ValidationError('name must not be blank', 'name');
  }
}
