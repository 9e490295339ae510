export interface CreateCustomerCommand {
  account: string;
  name: string;
  currency: string;
  customerPriceGroup?: string | null;
  address?: string | null;
  blocked?: boolean;
}
