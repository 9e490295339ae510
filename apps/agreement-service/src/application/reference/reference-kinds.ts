import { CalendarUpsertedV1, SlaUpsertedV1, type EventContract } from '@assistenza/contracts';
import { validateInterval, type ServiceInterval } from '../../domain/generation/service-interval';
import { validateTimeWindow, type TimeWindow } from '../../domain/generation/time-window';
import { validateCalendar, type WorkingCalendar } from '../../domain/generation/working-calendar';
import { validateServiceLevel, type ServiceLevelTerms } from '../../domain/reference/service-level';

export type Attributes = Record<string, unknown>;

/**
 * One kind of setup data (domain.md §1.2). All kinds share storage and endpoints; what differs is
 * the attributes, their rule, the codes they refer to and the event a change publishes.
 */
export interface ReferenceKind {
  path: string;
  table: string;
  resource: string;
  defaults: Attributes;
  validate(attributes: Attributes): void;
  /** Attribute → table of the code it must name. */
  references?: Record<string, string>;
  event?: { contract: EventContract; payload(code: string, description: string, a: Attributes): unknown };
}

const none = () => undefined;

export const REFERENCE_KINDS = {
  agreementGroups: { path: 'agreement-groups', table: 'agreement_groups', resource: 'Agreement group', defaults: { defaultSlaId: null }, validate: none, references: { defaultSlaId: 'service_level_agreements' } },
  serviceIntervals: { path: 'service-intervals', table: 'service_intervals', resource: 'Service interval', defaults: {}, validate: (a) => validateInterval(a as unknown as ServiceInterval) },
  timeWindows: {
    path: 'time-windows',
    table: 'time_windows',
    resource: 'Time window',
    defaults: { daysBefore: 0, daysAfter: 0 },
    validate: (a) => validateTimeWindow(a as unknown as TimeWindow),
  },
  serviceTasks: { path: 'service-tasks', table: 'service_tasks', resource: 'Service task', defaults: {}, validate: none },
  serviceObjectGroups: { path: 'service-object-groups', table: 'service_object_groups', resource: 'Service object group', defaults: {}, validate: none },
  serviceObjects: {
    path: 'service-objects',
    table: 'service_objects',
    resource: 'Service object',
    defaults: { groupId: null, itemId: null, serialNumber: null },
    validate: none,
    references: { groupId: 'service_object_groups' },
  },
  templateGroups: { path: 'template-groups', table: 'template_groups', resource: 'Template group', defaults: { parentId: null }, validate: none, references: { parentId: 'template_groups' } },
  serviceLevelAgreements: {
    path: 'service-level-agreements',
    table: 'service_level_agreements',
    resource: 'Service level agreement',
    defaults: { days: 0, hours: 0, minutes: 0, responseMinutes: null, resolutionMinutes: null, calendarId: null, suspended: false },
    validate: (a) => validateServiceLevel(a as unknown as ServiceLevelTerms),
    references: { calendarId: 'calendars' },
    event: { contract: SlaUpsertedV1, payload: (slaId, description, a) => ({ slaId, description, ...a }) },
  },
  calendars: {
    path: 'calendars',
    table: 'calendars',
    resource: 'Calendar',
    defaults: { timeZone: 'UTC', workingHours: [], closedDays: [] },
    validate: (a) => validateCalendar(a as unknown as WorkingCalendar),
    event: { contract: CalendarUpsertedV1, payload: (calendarId, description, a) => ({ calendarId, description, ...a }) },
  },
} satisfies Record<string, ReferenceKind>;
