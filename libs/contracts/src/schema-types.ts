import { Type } from '@sinclair/typebox';

/** Money and quantities travel as decimal strings, never as binary floats. */
export const DecimalString = (description?: string) =>
  Type.String({ pattern: '^-?\\d{1,15}(\\.\\d{1,6})?$', description });

export const CurrencyCode = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code' });

export const BusinessDate = (description?: string) => Type.String({ format: 'date', description });

export const Timestamp = (description?: string) => Type.String({ format: 'date-time', description });

export const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
