import { ValidationError } from '@assistenza/platform/ddd';
import { Customer } from './customer';

const input = { company: 'DAT', account: 'US-001', name: 'Contoso', currency: 'USD', customerPriceGroup: null, address: null, blocked: false };

describe(Customer.name, () => {
  it('starts a new customer at version 1', () => {
    expect(Customer.create(input).version).toBe(1);
  });

  it('rejects a currency that is not an ISO 4217 code, naming the field', () => {
    expect(() => Customer.create({ ...input, currency: 'usd' })).toThrow(expect.objectContaining({ field: 'currency' }));
  });

  it('rejects renaming a customer to a blank name', () => {
    const customer = Customer.create(input);
    expect(() => customer.change({ name: '  ' })).toThrow(ValidationError);
  });
});
