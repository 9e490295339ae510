import { ValidationError } from '@assistenza/platform/ddd';

/** Allowed time of an SLA (days/hours/minutes), plus separate response and resolution targets in minutes. */
export interface ServiceLevelTerms {
  days: number;
  hours: number;
  minutes: number;
  responseMinutes: number | null;
  resolutionMinutes: number | null;
}

export function validateServiceLevel(sla: ServiceLevelTerms): void {
  const limits = { days: 3650, hours: 23, minutes: 59 } as const;
  for (const field of ['days', 'hours', 'minutes'] as const) {
    const n = sla[field];
    if (!Number.isInteger(n) || n < 0 || n > limits[field]) throw new ValidationError(`${field} must be a whole number from 0 to ${limits[field]}`, field);
  }
  if (sla.days === 0 && sla.hours === 0 && sla.minutes === 0) throw new ValidationError('the allowed time must be more than zero', 'minutes');
  for (const field of ['responseMinutes', 'resolutionMinutes'] as const) {
    const n = sla[field];
    if (n !== null && (!Number.isInteger(n) || n < 1)) throw new ValidationError(`${field} must be a whole number of at least 1`, field);
  }
  if (sla.responseMinutes !== null && sla.resolutionMinutes !== null && sla.resolutionMinutes < sla.responseMinutes) {
    throw new ValidationError('resolutionMinutes must not be shorter than responseMinutes', 'resolutionMinutes');
  }
}
