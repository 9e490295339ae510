import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../envelope';

/** A working calendar was created or changed. */
export const CalendarUpsertedV1 = defineEvent({
  type: 'agreement.calendar.upserted',
  version: 1,
  aggregateType: 'calendar',
  description: 'A working calendar (hours per ISO weekday, closed days, time zone) was created or changed; SLA clocks in the service-order service run on it.',
  payload: Type.Object(
    {
      calendarId: Type.String({ minLength: 1, maxLength: 20 }),
      description: Type.String({ minLength: 1, maxLength: 200 }),
      timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone of the working hours' }),
      workingHours: Type.Array(
        Type.Object(
          { weekday: Type.Integer({ minimum: 1, maximum: 7 }), from: Type.String({ pattern: '^\\d{2}:\\d{2}$' }), to: Type.String({ pattern: '^\\d{2}:\\d{2}$' }) },
          { additionalProperties: false },
        ),
      ),
      closedDays: Type.Array(Type.String({ format: 'date' })),
    },
    { additionalProperties: false },
  ),
  example: { calendarId: 'STD', description: 'Standard', timeZone: 'Europe/Rome', workingHours: [{ weekday: 1, from: '08:00', to: '17:00' }], closedDays: ['2012-12-25'] },
});
