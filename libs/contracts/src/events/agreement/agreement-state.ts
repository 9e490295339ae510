import { Type } from '@sinclair/typebox';
import { BusinessDate, DecimalString } from '../../schema-types';

/** Schema parts shared by the agreement events (not a contract of its own). */
const Code = Type.String({ minLength: 1, maxLength: 20 });
const NullableCode = Type.Union([Code, Type.Null()]);
const NullableText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);
const HHMM = Type.Union([Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }), Type.Null()]);

/** What identifies an agreement to its consumers: id, project and customer. */
export const AgreementIdentity = {
  agreementId: Code,
  projectId: Code,
  customerAccount: Code,
};

export const AgreementLineState = Type.Object(
  {
    lineNum: Type.Integer({ minimum: 1 }),
    transactionType: Type.Union([Type.Literal('hour'), Type.Literal('expense'), Type.Literal('item'), Type.Literal('fee')]),
    description: Type.String({ minLength: 1, maxLength: 500 }),
    worker: NullableText(25),
    categoryId: Code,
    quantity: DecimalString('Hours, expense or item quantity'),
    itemId: NullableText(40),
    taskId: NullableCode,
    objectId: NullableCode,
    intervalId: Type.Union([Code, Type.Null()], { description: 'null ⇒ one-time line' }),
    timeWindowId: NullableCode,
    startDate: BusinessDate(),
    endDate: Type.Union([BusinessDate(), Type.Null()]),
    serviceTimeStartAfter: HHMM,
    serviceTimeEndBefore: HHMM,
    stopped: Type.Boolean(),
  },
  { additionalProperties: false },
);

/** The whole agreement (header, lines, relations) as it stands after the change: consumers replace their copy. */
export const AgreementStateFields = {
  ...AgreementIdentity,
  description: Type.String({ minLength: 1, maxLength: 200 }),
  groupId: Code,
  startDate: BusinessDate(),
  endDate: Type.Union([BusinessDate(), Type.Null()]),
  suspended: Type.Boolean(),
  combineBy: Type.Union([Type.Literal('agreement'), Type.Literal('task'), Type.Literal('employee'), Type.Literal('object')]),
  slaId: NullableCode,
  templateGroupId: Type.Union([Code, Type.Null()], { description: 'Set ⇒ the agreement is a template and never generates orders' }),
  responsible: NullableText(25),
  preferredTechnician: NullableText(25),
  contact: NullableText(100),
  lines: Type.Array(AgreementLineState),
  objectRelations: Type.Array(Type.Object({ objectId: Code, reference: NullableText(100) }, { additionalProperties: false })),
  taskRelations: Type.Array(Type.Object({ taskId: Code, internalNote: NullableText(2000), externalNote: NullableText(2000) }, { additionalProperties: false })),
};

export const agreementStateExample = {
  agreementId: 'SA-000123',
  projectId: 'P-000042',
  customerAccount: 'US-001',
  description: 'Quarterly maintenance',
  groupId: 'STD',
  startDate: '2012-01-01',
  endDate: '2012-12-31',
  suspended: false,
  combineBy: 'object' as const,
  slaId: 'GOLD',
  templateGroupId: null,
  responsible: '000123',
  preferredTechnician: null,
  contact: null,
  lines: [
    {
      lineNum: 1,
      transactionType: 'hour' as const,
      description: 'Inspect the boiler',
      worker: '000123',
      categoryId: 'SERVICE',
      quantity: '1.5',
      itemId: null,
      taskId: 'INSPECT',
      objectId: 'X-1',
      intervalId: 'M1',
      timeWindowId: null,
      startDate: '2012-01-01',
      endDate: null,
      serviceTimeStartAfter: '08:00',
      serviceTimeEndBefore: '12:00',
      stopped: false,
    },
  ],
  objectRelations: [{ objectId: 'X-1', reference: 'Basement' }],
  taskRelations: [{ taskId: 'INSPECT', internalNote: 'Bring the ladder', externalNote: null }],
};
