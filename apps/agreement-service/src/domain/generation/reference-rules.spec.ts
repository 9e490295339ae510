import { validateServiceLevel } from '../reference/service-level';
import { validateInterval } from './service-interval';
import { validateTimeWindow } from './time-window';
import { validateCalendar } from './working-calendar';

describe('reference data rules', () => {
  it('rejects an interval of zero, naming frequency', () => {
    expect(() => validateInterval({ unit: 'day', frequency: 0 })).toThrow(expect.objectContaining({ field: 'frequency' }));
  });

  it('allows days before/after only on manual time windows', () => {
    expect(() => validateTimeWindow({ method: 'week', daysBefore: 2, daysAfter: 0 })).toThrow(expect.objectContaining({ field: 'daysBefore' }));
    expect(() => validateTimeWindow({ method: 'manual', daysBefore: 2, daysAfter: 3 })).not.toThrow();
  });

  it('rejects an SLA with no allowed time, or a resolution target shorter than the response target', () => {
    expect(() => validateServiceLevel({ days: 0, hours: 0, minutes: 0, responseMinutes: null, resolutionMinutes: null })).toThrow(expect.objectContaining({ field: 'minutes' }));
    expect(() => validateServiceLevel({ days: 1, hours: 0, minutes: 0, responseMinutes: 60, resolutionMinutes: 30 })).toThrow(expect.objectContaining({ field: 'resolutionMinutes' }));
  });

  it('rejects an unknown time zone and a malformed closed day', () => {
    expect(() => validateCalendar({ timeZone: 'Mars/Olympus', workingHours: [], closedDays: [] })).toThrow(expect.objectContaining({ field: 'timeZone' }));
    expect(() => validateCalendar({ timeZone: 'Europe/Rome', workingHours: [], closedDays: ['2012-02-30'] })).toThrow(expect.objectContaining({ field: 'closedDays.0' }));
  });
});
