import type { CreditLine } from '../../domain/invoicing/credit-note';
import type { InvoiceState } from '../../domain/invoicing/invoice';
import type { InvoiceProposal, ProposalSelection, ProposalTransaction } from '../../domain/invoicing/invoice-proposal';

/** Invoice proposals of one company, and the project transactions they hold. */
export abstract class InvoiceProposalRepository {
  /** Uninvoiced chargeable transactions not in another proposal, locked until the transaction ends. */
  abstract lockUninvoiced(company: string, selection: ProposalSelection): Promise<ProposalTransaction[]>;
  /** Stores the proposal and reserves its transactions for it. */
  abstract insert(proposal: InvoiceProposal): Promise<void>;
  abstract find(company: string, id: string): Promise<InvoiceProposal | null>;
  /** Stores included flags and status if still at `expectedVersion`; returns the new version. */
  abstract update(proposal: InvoiceProposal, expectedVersion: number): Promise<number>;
  /** Deletes an open proposal at `expectedVersion` and frees its transactions for another proposal. */
  abstract delete(proposal: InvoiceProposal, expectedVersion: number): Promise<void>;
  abstract list(company: string, limit: number, afterId: string | null): Promise<InvoiceProposal[]>;
}

/** Posted invoices and credit notes of one company. */
export abstract class InvoiceRepository {
  /** The next gap-free number of the company; taken inside the posting transaction, so a rollback returns it. */
  abstract nextNumber(company: string): Promise<number>;
  /** Stores an invoice or credit note with its lines; an invoice marks its transactions invoiced. */
  abstract insert(invoice: InvoiceState): Promise<void>;
  /** Frees transactions left out of a posted proposal, so a later proposal can take them. */
  abstract releaseTransactions(company: string, proposalId: string, keep: readonly string[]): Promise<void>;
  abstract find(company: string, id: string, lock?: boolean): Promise<InvoiceState | null>;
  abstract list(company: string, limit: number, afterNumber: string | null, customerAccount: string | null): Promise<InvoiceState[]>;
  /** Records on the credited invoice's lines what a credit note took back, and moves its version. */
  abstract recordCredit(invoice: InvoiceState, credit: readonly CreditLine[]): Promise<number>;
}
