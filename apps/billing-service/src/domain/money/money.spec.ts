import { decimal, lineAmount, money, roundMoney, sum, taxAmount } from './money';

describe('money', () => {
  it('adds 0.1 and 0.2 to exactly 0.30, where binary floats give 0.30000000000000004', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(money(sum(['0.1', '0.2']))).toBe('0.30');
  });

  it('rounds half-up to 2 places, also where a float sits just below the half (1.005)', () => {
    expect(Math.round(1.005 * 100) / 100).toBe(1); // the float answer is wrong
    expect(money('1.005')).toBe('1.01');
    expect(money('-1.005')).toBe('-1.01');
    expect(money('2.675')).toBe('2.68');
  });

  it('splits 100.00 in thirds as 33.33 per line, and the rounded lines sum to 99.99, not 100', () => {
    const third = lineAmount('1', decimal('100', 'x').dividedBy(3));
    expect(third.toFixed(2)).toBe('33.33');
    expect(money(sum([third, third, third]))).toBe('99.99');
  });

  it('computes a line as quantity × price rounded once: 3 × 0.335 = 1.01 (1.005 rounded up)', () => {
    expect(money(lineAmount('3', '0.335'))).toBe('1.01');
    expect(money(lineAmount('2.5', '95.00'))).toBe('237.50');
  });

  it('computes tax per line, rounded half-up: 22% of 237.50 is 52.25; 22% of 0.05 is 0.01', () => {
    expect(money(taxAmount('237.50', '22'))).toBe('52.25');
    expect(money(taxAmount('0.05', '22'))).toBe('0.01');
    expect(money(taxAmount('-95.00', '22'))).toBe('-20.90');
  });

  it('rejects an amount that is not a decimal string, naming the field', () => {
    expect(() => decimal('1e3', 'amount')).toThrow(expect.objectContaining({ field: 'amount' }));
    expect(() => decimal(0.1 as unknown as string, 'amount')).toThrow(expect.objectContaining({ field: 'amount' }));
  });

  it('keeps exact values beyond float precision: 12345678901234.56 + 0.01', () => {
    expect(roundMoney(sum(['12345678901234.56', '0.01'])).toFixed(2)).toBe('12345678901234.57');
  });
});
