import { periodOf, slotOf } from './schedule';

describe('the generation schedule', () => {
  it('puts every moment of a slot into the same slot, aligned to the epoch so that all replicas agree', () => {
    const start = slotOf(new Date('2012-04-02T10:00:00Z'), 60);
    expect(slotOf(new Date('2012-04-02T10:59:59.999Z'), 60)).toBe(start);
    expect(slotOf(new Date('2012-04-02T11:00:00Z'), 60)).toBe(start + 60);
    expect(new Date(start * 60_000).toISOString()).toBe('2012-04-02T10:00:00.000Z');
    expect(new Date(slotOf(new Date('2012-04-02T10:17:00Z'), 15) * 60_000).toISOString()).toBe('2012-04-02T10:15:00.000Z');
  });

  it('asks for the coming period: from the slot\'s day for the horizon, across a month end', () => {
    expect(periodOf(slotOf(new Date('2012-04-02T23:30:00Z'), 60), 30)).toEqual({ from: '2012-04-02', to: '2012-05-01' });
    expect(periodOf(slotOf(new Date('2012-12-31T00:00:00Z'), 1440), 1)).toEqual({ from: '2012-12-31', to: '2012-12-31' });
  });
});
