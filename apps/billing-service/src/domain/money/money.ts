import Decimal from 'decimal.js';
import { ValidationError } from '@assistenza/platform/ddd';

/** Amounts, quantities and rates travel as decimal strings; JS numbers never hold money. */
export type DecimalText = string;

const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;

/** Parses a decimal string at the edge of the domain, naming the field when it is not one. */
export function decimal(value: DecimalText, field: string): Decimal {
  if (typeof value !== 'string' || !DECIMAL.test(value)) throw new ValidationError(`${field} must be a decimal string such as "12.50"`, field);
  return new Decimal(value);
}

/** Money is rounded half-up (away from zero on ties) to 2 places, line by line. */
export function roundMoney(value: Decimal.Value): Decimal {
  return new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Net amount of a line: quantity × unit price, rounded. */
export function lineAmount(quantity: Decimal.Value, unitPrice: Decimal.Value): Decimal {
  return roundMoney(new Decimal(quantity).times(unitPrice));
}

/** Tax on a line's net amount at a rate in percent, rounded per line. */
export function taxAmount(net: Decimal.Value, ratePercent: Decimal.Value): Decimal {
  return roundMoney(new Decimal(net).times(ratePercent).dividedBy(100));
}

export function sum(values: readonly Decimal.Value[]): Decimal {
  return values.reduce<Decimal>((total, v) => total.plus(v), new Decimal(0));
}

/** Fixed 2-place text for amounts ("0.30", "-12.90"). */
export const money = (value: Decimal.Value): DecimalText => roundMoney(value).toFixed(2);

/** Shortest exact text for quantities and prices ("2.5", "95"). */
export const plain = (value: Decimal.Value): DecimalText => new Decimal(value).toFixed();
