import Decimal from 'decimal.js';
import { ValidationError } from '@assistenza/platform/ddd';
import { decimal, type DecimalText } from '../money/money';

export interface TaxGroupState {
  company: string;
  id: string;
  name: string;
  /** Percent, e.g. "22" or "7.5". */
  rate: DecimalText;
  version: number;
}

/** A sales tax group with one rate in percent. */
export class TaxGroup {
  private constructor(private state: TaxGroupState) {}

  static create(input: Omit<TaxGroupState, 'version'>): TaxGroup {
    const group = new TaxGroup({ ...input, rate: TaxGroup.checkedRate(input.rate), version: 1 });
    if (input.name.trim() === '') throw new ValidationError('name must not be blank', 'name');
    return group;
  }

  static restore(state: TaxGroupState): TaxGroup {
    return new TaxGroup({ ...state, rate: new Decimal(state.rate).toFixed() });
  }

  changeRate(rate: DecimalText): void {
    this.state.rate = TaxGroup.checkedRate(rate);
  }

  rename(name: string): void {
    if (name.trim() === '') throw new ValidationError('name must not be blank', 'name');
    this.state.name = name;
  }

  markStored(version: number): void {
    this.state.version = version;
  }

  snapshot(): Readonly<TaxGroupState> {
    return { ...this.state };
  }

  private static checkedRate(rate: DecimalText): DecimalText {
    const value = decimal(rate, 'rate');
    if (value.isNegative() || value.greaterThan(100) || value.decimalPlaces() > 4) {
      throw new ValidationError('rate must be a percentage from 0 to 100 with at most 4 decimals', 'rate');
    }
    return value.toFixed();
  }
}
