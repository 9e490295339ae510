import { Inject, Injectable } from '@nestjs/common';
import { ConcurrencyConflictError, NotFoundError } from '@assistenza/platform/ddd';
import { UnitOfWork, updateVersioned } from '@assistenza/platform/persistence';
import { InvoiceProposalRepository } from '../../application/ports/invoicing.repository';
import { InvoiceProposal, type ProposalSelection, type ProposalTransaction } from '../../domain/invoicing/invoice-proposal';
import { rowsOf } from './sql';

/** The transaction columns a proposal line is priced from, with the project's tax group. */
const TX = `t.id::text AS "transactionId", t.customer_account AS "customerAccount", t.currency, t.transaction_type AS "transactionType",
  t.description, t.category_id AS "categoryId", t.quantity::text AS quantity, t.sales_price::text AS "salesPrice",
  t.source_type, t.source_id, t.source_document, t.project_id`;

const SCOPE: Record<ProposalSelection['by'], string> = {
  project: 't.project_id = $2',
  customer: 't.customer_account = $2',
  'service-order': "t.source_type = 'service-order-line' AND t.source_document = $2",
  subscription: "t.source_type = 'subscription-fee' AND t.source_document = $2",
};

const scopeValue = (s: ProposalSelection) =>
  s.by === 'project' ? s.projectId : s.by === 'customer' ? s.customerAccount : s.by === 'service-order' ? s.serviceOrderId : s.subscriptionId;

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

@Injectable()
export class InvoiceProposalSqlRepository extends InvoiceProposalRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  async lockUninvoiced(company: string, selection: ProposalSelection): Promise<ProposalTransaction[]> {
    // FOR UPDATE: a concurrent proposal waits, then re-checks proposal_id and skips what this one took.
    const rows = await this.uow.requireTransaction().query(
      `SELECT ${TX}, p.tax_group AS "taxGroup", COALESCE(g.rate, 0)::text AS "taxRate"
         FROM project_transactions t
         JOIN projects p ON p.company = t.company AND p.id = t.project_id
         LEFT JOIN tax_groups g ON g.company = p.company AND g.id = p.tax_group
        WHERE t.company = $1 AND ${SCOPE[selection.by]} AND t.chargeable AND t.invoice_id IS NULL AND t.proposal_id IS NULL
          AND t.transaction_date BETWEEN $3 AND $4
        ORDER BY t.transaction_date, t.source_document, t.source_id
        FOR UPDATE OF t`,
      [company, scopeValue(selection), selection.from, selection.to],
    );
    return rows.map(toProposalTransaction);
  }

  async insert(proposal: InvoiceProposal): Promise<void> {
    const s = proposal.snapshot();
    const m = this.uow.requireTransaction();
    await m.query(
      `INSERT INTO invoice_proposals (company, id, customer_account, project_id, selection, currency, status, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [s.company, s.id, s.customerAccount, s.projectId, JSON.stringify(s.selection), s.currency, s.status, s.version],
    );
    await m.query(
      `INSERT INTO invoice_proposal_lines (company, proposal_id, line_no, transaction_id, included, tax_group, tax_rate)
       SELECT $1, $2, * FROM unnest($3::int[], $4::uuid[], $5::boolean[], $6::text[], $7::numeric[])`,
      [s.company, s.id, s.lines.map((l) => l.lineNo), s.lines.map((l) => l.source.projectTransactionId), s.lines.map((l) => l.included), s.lines.map((l) => l.taxGroup), s.lines.map((l) => l.taxRate)],
    );
    await m.query('UPDATE project_transactions SET proposal_id = $2 WHERE company = $1 AND id = ANY($3::uuid[])', [s.company, s.id, s.lines.map((l) => l.source.projectTransactionId)]);
  }

  async find(company: string, id: string): Promise<InvoiceProposal | null> {
    if (!isUuid(id)) return null;
    const [header] = await this.uow.manager.query('SELECT * FROM invoice_proposals WHERE company = $1 AND id = $2', [company, id]);
    return header ? toProposal(company, header, await this.linesOf(company, [id])) : null;
  }

  async update(proposal: InvoiceProposal, expectedVersion: number): Promise<number> {
    const s = proposal.snapshot();
    const m = this.uow.requireTransaction();
    const version = await updateVersioned(
      m,
      { table: 'invoice_proposals', resource: 'Invoice proposal', company: s.company, idColumn: 'id', id: s.id, expectedVersion },
      { status: s.status, invoice_id: s.invoiceId },
    );
    await m.query(
      `UPDATE invoice_proposal_lines l SET included = u.included FROM unnest($3::int[], $4::boolean[]) AS u(line_no, included)
        WHERE l.company = $1 AND l.proposal_id = $2 AND l.line_no = u.line_no`,
      [s.company, s.id, s.lines.map((l) => l.lineNo), s.lines.map((l) => l.included)],
    );
    return version;
  }

  async delete(proposal: InvoiceProposal, expectedVersion: number): Promise<void> {
    const m = this.uow.requireTransaction();
    const deleted = rowsOf(await m.query('DELETE FROM invoice_proposals WHERE company = $1 AND id = $2 AND version = $3 RETURNING 1', [proposal.snapshot().company, proposal.id, expectedVersion]));
    if (deleted.length === 0) {
      const exists: unknown[] = await m.query('SELECT 1 FROM invoice_proposals WHERE company = $1 AND id = $2', [proposal.snapshot().company, proposal.id]);
      if (exists.length === 0) throw new NotFoundError('Invoice proposal', proposal.id);
      throw new ConcurrencyConflictError('Invoice proposal', proposal.id, expectedVersion);
    }
    await m.query('UPDATE project_transactions SET proposal_id = NULL WHERE company = $1 AND proposal_id = $2', [proposal.snapshot().company, proposal.id]);
  }

  async list(company: string, limit: number, afterId: string | null): Promise<InvoiceProposal[]> {
    // Two queries per page, however many proposals it holds: the headers, then all their lines.
    const headers: ProposalHeader[] = await this.uow.manager.query(
      'SELECT * FROM invoice_proposals WHERE company = $1 AND ($2::text IS NULL OR id::text > $2) ORDER BY id::text LIMIT $3',
      [company, afterId, limit],
    );
    if (headers.length === 0) return [];
    const lines = await this.linesOf(company, headers.map((h) => h.id));
    const byProposal = new Map<string, LineRow[]>(headers.map((h) => [h.id, []]));
    for (const line of lines) byProposal.get(line.proposal_id)?.push(line);
    return headers.map((h) => toProposal(company, h, byProposal.get(h.id) ?? []));
  }

  /** The lines of the given proposals with their transactions, by proposal and line number. */
  private async linesOf(company: string, proposalIds: readonly string[]): Promise<LineRow[]> {
    return this.uow.manager.query(
      `SELECT l.proposal_id::text AS proposal_id, ${TX}, l.line_no, l.included, l.tax_group AS "taxGroup", l.tax_rate::text AS "taxRate"
         FROM invoice_proposal_lines l JOIN project_transactions t ON t.company = l.company AND t.id = l.transaction_id
        WHERE l.company = $1 AND l.proposal_id = ANY($2::uuid[]) ORDER BY l.proposal_id, l.line_no`,
      [company, proposalIds],
    );
  }
}

interface ProposalHeader {
  id: string;
  customer_account: string;
  project_id: string | null;
  selection: ProposalSelection;
  currency: string;
  status: 'open' | 'posted';
  invoice_id: string | null;
  version: number;
}

/** A stored proposal line joined to its transaction: text columns plus line number and included flag. */
type LineRow = Record<string, string> & { proposal_id: string };

/** Prices the stored lines again from their transactions, as the proposal showed them when created. */
function toProposal(company: string, header: ProposalHeader, lines: LineRow[]): InvoiceProposal {
  const priced = InvoiceProposal.collect({ company, id: header.id, selection: header.selection }, lines.map(toProposalTransaction)).snapshot().lines;
  return InvoiceProposal.restore({
    company,
    id: header.id,
    customerAccount: header.customer_account,
    projectId: header.project_id,
    selection: header.selection,
    currency: header.currency,
    status: header.status,
    invoiceId: header.invoice_id,
    version: header.version,
    lines: priced.map((line, i) => ({ ...line, lineNo: Number(lines[i].line_no), included: Boolean(lines[i].included) })),
  });
}

function toProposalTransaction(r: Record<string, string>): ProposalTransaction {
  return {
    transactionId: r.transactionId,
    customerAccount: r.customerAccount,
    currency: r.currency,
    transactionType: r.transactionType as ProposalTransaction['transactionType'],
    description: r.description,
    categoryId: r.categoryId,
    quantity: r.quantity,
    salesPrice: r.salesPrice,
    taxGroup: r.taxGroup ?? null,
    taxRate: r.taxRate,
    source: { type: r.source_type as 'service-order-line', id: r.source_id, document: r.source_document, projectId: r.project_id, projectTransactionId: r.transactionId },
  };
}
