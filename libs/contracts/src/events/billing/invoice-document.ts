import { Type } from '@sinclair/typebox';
import { BusinessDate, CurrencyCode, DecimalString } from '../../schema-types';

/** What a sales ledger needs of an invoice or credit note line, including where it came from. */
export const InvoiceLineSchema = Type.Object(
  {
    lineNo: Type.Integer({ minimum: 1 }),
    transactionType: Type.Union([Type.Literal('hour'), Type.Literal('expense'), Type.Literal('item'), Type.Literal('fee')]),
    description: Type.String({ maxLength: 500 }),
    categoryId: Type.String({ minLength: 1, maxLength: 20 }),
    quantity: DecimalString('Negative on a credit note'),
    unitPrice: DecimalString(),
    netAmount: DecimalString('quantity × unitPrice rounded half-up to 2 places'),
    taxGroup: Type.Union([Type.String({ minLength: 1, maxLength: 20 }), Type.Null()]),
    taxRate: DecimalString('Percent'),
    taxAmount: DecimalString('netAmount × taxRate / 100 rounded half-up to 2 places'),
    source: Type.Object(
      {
        type: Type.Union([Type.Literal('service-order-line'), Type.Literal('subscription-fee')]),
        id: Type.String({ minLength: 1, description: 'Service order line id or fee transaction id' }),
        document: Type.String({ minLength: 1, description: 'Service order id or subscription id' }),
        projectId: Type.String({ minLength: 1, maxLength: 20 }),
        projectTransactionId: Type.String({ format: 'uuid' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const InvoiceTotalsSchema = Type.Object(
  { net: DecimalString(), tax: DecimalString(), gross: DecimalString() },
  { additionalProperties: false },
);

/** Fields common to a posted invoice and a credit note. */
export const invoiceDocumentFields = {
  company: Type.String({ minLength: 1, maxLength: 8 }),
  invoiceId: Type.String({ format: 'uuid' }),
  invoiceNumber: Type.String({ minLength: 1, description: 'Gap-free per company' }),
  customerAccount: Type.String({ minLength: 1, maxLength: 20 }),
  projectId: Type.Union([Type.String({ minLength: 1, maxLength: 20 }), Type.Null()], { description: 'The project when all lines come from one; each line names its own' }),
  invoiceDate: BusinessDate(),
  dueDate: BusinessDate(),
  currency: CurrencyCode,
  lines: Type.Array(InvoiceLineSchema, { minItems: 1 }),
  totals: InvoiceTotalsSchema,
};
