import { pgArray } from './pg-array';

describe(pgArray.name, () => {
  it('quotes every string, so that a code spelled NULL stays a string, and escapes quotes and backslashes', () => {
    expect(pgArray(['SA-1', 'NULL', 'a"b\\c', ''])).toBe('{"SA-1","NULL","a\\"b\\\\c",""}');
  });

  it('keeps commas, braces and spaces inside the quotes (an element may be an array literal itself)', () => {
    expect(pgArray(['{1,2}', 'a b'])).toBe('{"{1,2}","a b"}');
  });

  it('writes numbers bare and an empty list as {}', () => {
    expect(pgArray([1, 22])).toBe('{1,22}');
    expect(pgArray([])).toBe('{}');
  });
});
