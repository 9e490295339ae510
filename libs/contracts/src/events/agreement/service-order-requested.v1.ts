import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../envelope';
import { BusinessDate, DecimalString } from '../../schema-types';

const NullableText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);
const HHMM = Type.Union([Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }), Type.Null()]);

const RequestedLine = Type.Object(
  {
    agreementLineNum: Type.Integer({ minimum: 1 }),
    transactionType: Type.Union([Type.Literal('hour'), Type.Literal('expense'), Type.Literal('item'), Type.Literal('fee')]),
    description: Type.String({ minLength: 1, maxLength: 500 }),
    worker: NullableText(25),
    categoryId: Type.String({ minLength: 1, maxLength: 20 }),
    quantity: DecimalString('Hours, expense or item quantity'),
    itemId: NullableText(40),
    taskId: NullableText(20),
    objectId: NullableText(20),
    dateCalculated: BusinessDate('The date the service interval gave'),
    dateRangeFrom: BusinessDate('First day of the time window'),
    dateRangeTo: BusinessDate('Last day of the time window'),
    serviceTimeStartAfter: HHMM,
    serviceTimeEndBefore: HHMM,
  },
  { additionalProperties: false },
);

/** One planned service order generated from agreement lines (domain.md §2.3 step 8). */
export const ServiceOrderRequestedV1 = defineEvent({
  type: 'agreement.service-order.requested',
  version: 1,
  aggregateType: 'service-agreement',
  description:
    'Generation planned a service order from agreement lines. serviceOrderId is deterministic (company, agreement, combine key, date), so re-runs and redeliveries create the order once. The service-order service turns it into a service order with origin System and no SLA.',
  payload: Type.Object(
    {
      serviceOrderId: Type.String({ format: 'uuid' }),
      agreementId: Type.String({ minLength: 1, maxLength: 20 }),
      projectId: Type.String({ minLength: 1, maxLength: 20 }),
      customerAccount: Type.String({ minLength: 1, maxLength: 20 }),
      description: Type.String({ minLength: 1, maxLength: 500 }),
      serviceDate: BusinessDate('Preferred service date'),
      calendarConflict: Type.Boolean({ description: 'The service date is closed in the calendar in force' }),
      combineBy: Type.Union([Type.Literal('agreement'), Type.Literal('task'), Type.Literal('employee'), Type.Literal('object')]),
      combineValue: NullableText(25),
      responsible: NullableText(25),
      preferredTechnician: NullableText(25),
      contact: NullableText(100),
      generationRunId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
      lines: Type.Array(RequestedLine, { minItems: 1 }),
      objectRelations: Type.Array(Type.Object({ objectId: Type.String({ minLength: 1, maxLength: 20 }), reference: NullableText(100) }, { additionalProperties: false })),
      taskRelations: Type.Array(
        Type.Object({ taskId: Type.String({ minLength: 1, maxLength: 20 }), internalNote: NullableText(2000), externalNote: NullableText(2000) }, { additionalProperties: false }),
      ),
    },
    { additionalProperties: false },
  ),
  example: {
    serviceOrderId: '3f1c2a64-5d0e-5b8a-9c71-2e4b6d8f0a13',
    agreementId: 'SA-000123',
    projectId: 'P-000042',
    customerAccount: 'US-001',
    description: 'Quarterly maintenance',
    serviceDate: '2012-04-01',
    calendarConflict: false,
    combineBy: 'object',
    combineValue: 'X-1',
    responsible: '000123',
    preferredTechnician: null,
    contact: null,
    generationRunId: null,
    lines: [
      {
        agreementLineNum: 1,
        transactionType: 'hour',
        description: 'Inspect the boiler',
        worker: '000123',
        categoryId: 'SERVICE',
        quantity: '1.5',
        itemId: null,
        taskId: 'INSPECT',
        objectId: 'X-1',
        dateCalculated: '2012-04-01',
        dateRangeFrom: '2012-04-01',
        dateRangeTo: '2012-04-01',
        serviceTimeStartAfter: '08:00',
        serviceTimeEndBefore: '12:00',
      },
    ],
    objectRelations: [{ objectId: 'X-1', reference: 'Basement' }],
    taskRelations: [{ taskId: 'INSPECT', internalNote: 'Bring the ladder', externalNote: null }],
  },
});
