import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@assistenza/platform/persistence';
import { InvoiceRepository } from '../../application/ports/invoicing.repository';
import type { CreditLine } from '../../domain/invoicing/credit-note';
import type { InvoiceState, PostedInvoiceLine } from '../../domain/invoicing/invoice';
import { rowsOf } from './sql';

const HEADER = `company, id::text, number, kind, credited_invoice_id::text AS "creditedInvoiceId", proposal_id::text AS "proposalId",
  customer_account AS "customerAccount", project_id AS "projectId", invoice_date::text AS "invoiceDate", due_date::text AS "dueDate",
  currency, total_net::text AS net, total_tax::text AS tax, total_gross::text AS gross, version`;

const LINE = `line_no AS "lineNo", transaction_type AS "transactionType", description, category_id AS "categoryId", quantity::text,
  unit_price::text AS "unitPrice", net_amount::text AS "netAmount", tax_group AS "taxGroup", tax_rate::text AS "taxRate",
  tax_amount::text AS "taxAmount", credited_quantity::text AS "creditedQuantity", credited_net::text AS "creditedNet",
  credited_tax::text AS "creditedTax", source_type, source_id, source_document, project_id, transaction_id::text`;

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
// numeric::text keeps trailing zeros of the column scale ("2.500000"); strip them for quantities and rates.
const trim = (v: string) => (v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);

@Injectable()
export class InvoiceSqlRepository extends InvoiceRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  async nextNumber(company: string): Promise<number> {
    // The counter row stays locked until the posting commits: numbers are gap-free and in posting order.
    const [row] = await this.uow.requireTransaction().query(
      `INSERT INTO invoice_numbers AS n (company, next) VALUES ($1, 2)
       ON CONFLICT (company) DO UPDATE SET next = n.next + 1 RETURNING next - 1 AS taken`,
      [company],
    );
    return Number(row.taken);
  }

  async insert(inv: InvoiceState): Promise<void> {
    const m = this.uow.requireTransaction();
    await m.query(
      `INSERT INTO invoices (company, id, number, kind, credited_invoice_id, proposal_id, customer_account, project_id, invoice_date, due_date,
         currency, total_net, total_tax, total_gross, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [inv.company, inv.id, inv.number, inv.kind, inv.creditedInvoiceId, inv.proposalId, inv.customerAccount, inv.projectId, inv.invoiceDate, inv.dueDate,
        inv.currency, inv.totals.net, inv.totals.tax, inv.totals.gross, inv.version],
    );
    const col = <K extends keyof PostedInvoiceLine>(k: K) => inv.lines.map((l) => l[k]);
    await m.query(
      `INSERT INTO invoice_lines (company, invoice_id, line_no, transaction_id, source_type, source_id, source_document, project_id, transaction_type,
         category_id, description, quantity, unit_price, net_amount, tax_group, tax_rate, tax_amount)
       SELECT $1, $2, * FROM unnest($3::int[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
         $12::numeric[], $13::numeric[], $14::numeric[], $15::text[], $16::numeric[], $17::numeric[])`,
      [inv.company, inv.id, col('lineNo'), inv.lines.map((l) => l.source.projectTransactionId), inv.lines.map((l) => l.source.type), inv.lines.map((l) => l.source.id),
        inv.lines.map((l) => l.source.document), inv.lines.map((l) => l.source.projectId), col('transactionType'), col('categoryId'), col('description'),
        col('quantity'), col('unitPrice'), col('netAmount'), col('taxGroup'), col('taxRate'), col('taxAmount')],
    );
    if (inv.kind === 'invoice') {
      await m.query('UPDATE project_transactions SET invoice_id = $2 WHERE company = $1 AND id = ANY($3::uuid[])', [inv.company, inv.id, inv.lines.map((l) => l.source.projectTransactionId)]);
    }
  }

  async releaseTransactions(company: string, proposalId: string, keep: readonly string[]): Promise<void> {
    await this.uow.requireTransaction().query(
      'UPDATE project_transactions SET proposal_id = NULL WHERE company = $1 AND proposal_id = $2 AND NOT (id = ANY($3::uuid[]))',
      [company, proposalId, keep],
    );
  }

  async find(company: string, id: string, lock = false): Promise<InvoiceState | null> {
    if (!isUuid(id)) return null;
    const [h] = await this.uow.manager.query(`SELECT ${HEADER} FROM invoices WHERE company = $1 AND id = $2 ${lock ? 'FOR UPDATE' : ''}`, [company, id]);
    if (!h) return null;
    const lines = await this.uow.manager.query(`SELECT ${LINE} FROM invoice_lines WHERE company = $1 AND invoice_id = $2 ORDER BY line_no`, [company, id]);
    return toState(h, lines);
  }

  async list(company: string, limit: number, afterNumber: string | null, customerAccount: string | null): Promise<InvoiceState[]> {
    const headers = await this.uow.manager.query(
      `SELECT ${HEADER} FROM invoices WHERE company = $1 AND ($2::text IS NULL OR number > $2) AND ($3::text IS NULL OR customer_account = $3)
       ORDER BY number LIMIT $4`,
      [company, afterNumber, customerAccount, limit],
    );
    if (headers.length === 0) return [];
    const lines: Record<string, string>[] = await this.uow.manager.query(
      `SELECT invoice_id::text AS invoice, ${LINE} FROM invoice_lines WHERE company = $1 AND invoice_id = ANY($2::uuid[]) ORDER BY line_no`,
      [company, headers.map((h: { id: string }) => h.id)],
    );
    return headers.map((h: Record<string, string>) => toState(h, lines.filter((l) => l.invoice === h.id)));
  }

  async recordCredit(invoice: InvoiceState, credit: readonly CreditLine[]): Promise<number> {
    const m = this.uow.requireTransaction();
    await m.query(
      `UPDATE invoice_lines l SET credited_quantity = l.credited_quantity - u.quantity, credited_net = l.credited_net - u.net, credited_tax = l.credited_tax - u.tax
         FROM unnest($3::int[], $4::numeric[], $5::numeric[], $6::numeric[]) AS u(line_no, quantity, net, tax)
        WHERE l.company = $1 AND l.invoice_id = $2 AND l.line_no = u.line_no`,
      [invoice.company, invoice.id, credit.map((c) => c.creditsLineNo), credit.map((c) => c.line.quantity), credit.map((c) => c.line.netAmount), credit.map((c) => c.line.taxAmount)],
    );
    const [row] = rowsOf<{ version: number }>(await m.query('UPDATE invoices SET version = version + 1, updated_at = now() WHERE company = $1 AND id = $2 RETURNING version', [invoice.company, invoice.id]));
    return row.version;
  }
}

function toState(h: Record<string, string>, lines: Record<string, string>[]): InvoiceState {
  return {
    company: h.company,
    id: h.id,
    number: h.number,
    kind: h.kind as InvoiceState['kind'],
    creditedInvoiceId: h.creditedInvoiceId,
    proposalId: h.proposalId,
    customerAccount: h.customerAccount,
    projectId: h.projectId,
    invoiceDate: h.invoiceDate,
    dueDate: h.dueDate,
    currency: h.currency,
    totals: { net: h.net, tax: h.tax, gross: h.gross },
    version: Number(h.version),
    lines: lines.map((l) => ({
      lineNo: Number(l.lineNo),
      transactionType: l.transactionType as PostedInvoiceLine['transactionType'],
      description: l.description,
      categoryId: l.categoryId,
      quantity: trim(l.quantity),
      unitPrice: trim(l.unitPrice),
      netAmount: l.netAmount,
      taxGroup: l.taxGroup,
      taxRate: trim(l.taxRate),
      taxAmount: l.taxAmount,
      creditedQuantity: trim(l.creditedQuantity),
      creditedNet: l.creditedNet,
      creditedTax: l.creditedTax,
      source: { type: l.source_type as 'service-order-line', id: l.source_id, document: l.source_document, projectId: l.project_id, projectTransactionId: l.transaction_id },
    })),
  };
}
