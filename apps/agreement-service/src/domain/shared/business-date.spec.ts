import { fromEpochDay, toEpochDay } from './business-date';

describe('business dates', () => {
  it('formats every day from 1900 to 2200 exactly as the calendar does, and parses it back', () => {
    for (let day = toEpochDay('1900-01-01'); day <= toEpochDay('2200-12-31'); day++) {
      const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (fromEpochDay(day) !== expected) throw new Error(`day ${day}: ${fromEpochDay(day)} ≠ ${expected}`);
      if (toEpochDay(expected) !== day) throw new Error(`${expected} parses to ${toEpochDay(expected)}, not ${day}`);
    }
    expect(fromEpochDay(toEpochDay('2012-02-29'))).toBe('2012-02-29');
  });
});
