import type { DecimalText } from '../money/money';
import type { TransactionType } from '../project/transaction-type';

export type SourceType = 'service-order-line' | 'subscription-fee';

/** Where an invoice line came from: the project transaction and the source line behind it. */
export interface LineSource {
  type: SourceType;
  id: string;
  document: string;
  projectId: string;
  projectTransactionId: string;
}

/** A priced line of a proposal, an invoice or a credit note; amounts already rounded. */
export interface InvoiceLine {
  lineNo: number;
  transactionType: TransactionType;
  description: string;
  categoryId: string;
  quantity: DecimalText;
  unitPrice: DecimalText;
  netAmount: DecimalText;
  taxGroup: string | null;
  taxRate: DecimalText;
  taxAmount: DecimalText;
  source: LineSource;
}

export interface Totals {
  net: DecimalText;
  tax: DecimalText;
  gross: DecimalText;
}
