import type { InvoiceCreditedV1, InvoicePostedV1, PayloadOf } from '@assistenza/contracts';
import type { InvoiceState } from '../domain/invoicing/invoice';

type Document = PayloadOf<typeof InvoicePostedV1>;

function document(inv: InvoiceState): Document {
  return {
    company: inv.company,
    invoiceId: inv.id,
    invoiceNumber: inv.number,
    customerAccount: inv.customerAccount,
    projectId: inv.projectId,
    invoiceDate: inv.invoiceDate,
    dueDate: inv.dueDate,
    currency: inv.currency,
    // Explicit fields: the contract allows no extras (the credited-so-far counters stay internal).
    lines: inv.lines.map((l) => ({
      lineNo: l.lineNo,
      transactionType: l.transactionType,
      description: l.description,
      categoryId: l.categoryId,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      netAmount: l.netAmount,
      taxGroup: l.taxGroup,
      taxRate: l.taxRate,
      taxAmount: l.taxAmount,
      source: { ...l.source },
    })),
    totals: { ...inv.totals },
  };
}

/** billing.invoice.posted: what the sales module books for a posted invoice. */
export function invoicePosted(inv: InvoiceState) {
  return { aggregateId: inv.id, aggregateVersion: inv.version, payload: document(inv) };
}

/** billing.invoice.credited: a credit note, referring to the invoice it credits. */
export function invoiceCredited(note: InvoiceState, credited: InvoiceState) {
  const payload: PayloadOf<typeof InvoiceCreditedV1> = { ...document(note), creditedInvoiceId: credited.id, creditedInvoiceNumber: credited.number };
  return { aggregateId: note.id, aggregateVersion: note.version, payload };
}
