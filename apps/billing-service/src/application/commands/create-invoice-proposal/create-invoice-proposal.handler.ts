import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ValidationError } from '@assistenza/platform/ddd';
import { requestContext } from '@assistenza/platform/observability';
import { UnitOfWork } from '@assistenza/platform/persistence';
import { InvoiceProposal, type ProposalSelection } from '../../../domain/invoicing/invoice-proposal';
import { InvoiceProposalRepository } from '../../ports/invoicing.repository';

export interface CreateInvoiceProposalCommand {
  projectId?: string;
  customerAccount?: string;
  serviceOrderId?: string;
  subscriptionId?: string;
  from: string;
  to: string;
}

/** Exactly one of project, customer, service order or subscription selects what to propose. */
function selectionOf(c: CreateInvoiceProposalCommand): ProposalSelection {
  const given = (['projectId', 'customerAccount', 'serviceOrderId', 'subscriptionId'] as const).filter((k) => c[k] !== undefined);
  if (given.length !== 1) throw new ValidationError('Give exactly one of projectId, customerAccount, serviceOrderId or subscriptionId', 'projectId');
  if (c.to < c.from) throw new ValidationError('to must be on or after from', 'to');
  const range = { from: c.from, to: c.to };
  if (c.projectId !== undefined) return { by: 'project', projectId: c.projectId, ...range };
  if (c.customerAccount !== undefined) return { by: 'customer', customerAccount: c.customerAccount, ...range };
  if (c.serviceOrderId !== undefined) return { by: 'service-order', serviceOrderId: c.serviceOrderId, ...range };
  return { by: 'subscription', subscriptionId: c.subscriptionId as string, ...range };
}

@Injectable()
export class CreateInvoiceProposalHandler {
  constructor(
    @Inject(InvoiceProposalRepository) private readonly proposals: InvoiceProposalRepository,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
  ) {}

  async execute(command: CreateInvoiceProposalCommand): Promise<InvoiceProposal> {
    const { company } = requestContext.require();
    const selection = selectionOf(command);
    return this.uow.transaction(async () => {
      const transactions = await this.proposals.lockUninvoiced(company, selection);
      const proposal = InvoiceProposal.collect({ company, id: randomUUID(), selection }, transactions);
      await this.proposals.insert(proposal);
      return proposal;
    });
  }
}
