import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../envelope';
import { invoiceDocumentFields } from './invoice-document';

/** A credit note was posted against an invoice, for all of it or for chosen lines. */
export const InvoiceCreditedV1 = defineEvent({
  type: 'billing.invoice.credited',
  version: 1,
  aggregateType: 'invoice',
  description:
    'A credit note was posted against a posted invoice. Same shape as billing.invoice.posted (the credit note has its own gap-free number; quantities and amounts are negative) plus the credited invoice.',
  payload: Type.Object(
    {
      ...invoiceDocumentFields,
      creditedInvoiceId: Type.String({ format: 'uuid' }),
      creditedInvoiceNumber: Type.String({ minLength: 1 }),
    },
    { additionalProperties: false },
  ),
  example: {
    company: 'DAT',
    invoiceId: '5a0b7c52-7d0e-4f0e-8e4b-0c8c3f2a1d22',
    invoiceNumber: 'INV-000002',
    customerAccount: 'US-001',
    projectId: 'PRJ-001',
    invoiceDate: '2024-12-10',
    dueDate: '2025-01-09',
    currency: 'USD',
    creditedInvoiceId: '0b6f4a0e-8d0a-4a49-9b52-0d2b7b6d3e10',
    creditedInvoiceNumber: 'INV-000001',
    lines: [
      {
        lineNo: 1,
        transactionType: 'hour',
        description: 'Boiler repair',
        categoryId: 'REPAIR',
        quantity: '-1',
        unitPrice: '95.00',
        netAmount: '-95.00',
        taxGroup: 'STD',
        taxRate: '22',
        taxAmount: '-20.90',
        source: { type: 'service-order-line', id: 'SO-000123-1', document: 'SO-000123', projectId: 'PRJ-001', projectTransactionId: '7d1d7b1c-5a55-4d7e-a3a2-6f0c1c0b9b01' },
      },
    ],
    totals: { net: '-95.00', tax: '-20.90', gross: '-115.90' },
  },
});
