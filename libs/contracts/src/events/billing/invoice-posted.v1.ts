import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../envelope';
import { invoiceDocumentFields } from './invoice-document';

/** An invoice was posted from an invoice proposal. The sales module books it in its ledger. */
export const InvoicePostedV1 = defineEvent({
  type: 'billing.invoice.posted',
  version: 1,
  aggregateType: 'invoice',
  description:
    'A project invoice was posted. Carries everything a sales ledger needs: company, customer, gap-free number, dates, currency, lines with their source (service order line or subscription fee) and tax, and totals. Amounts are decimal strings.',
  payload: Type.Object(invoiceDocumentFields, { additionalProperties: false }),
  example: {
    company: 'DAT',
    invoiceId: '0b6f4a0e-8d0a-4a49-9b52-0d2b7b6d3e10',
    invoiceNumber: 'INV-000001',
    customerAccount: 'US-001',
    projectId: 'PRJ-001',
    invoiceDate: '2024-12-06',
    dueDate: '2025-01-05',
    currency: 'USD',
    lines: [
      {
        lineNo: 1,
        transactionType: 'hour',
        description: 'Boiler repair',
        categoryId: 'REPAIR',
        quantity: '2.5',
        unitPrice: '95.00',
        netAmount: '237.50',
        taxGroup: 'STD',
        taxRate: '22',
        taxAmount: '52.25',
        source: { type: 'service-order-line', id: 'SO-000123-1', document: 'SO-000123', projectId: 'PRJ-001', projectTransactionId: '7d1d7b1c-5a55-4d7e-a3a2-6f0c1c0b9b01' },
      },
    ],
    totals: { net: '237.50', tax: '52.25', gross: '289.75' },
  },
});
