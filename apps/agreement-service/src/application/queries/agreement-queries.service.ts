import { Inject, Injectable } from '@nestjs/common';
import { assertCustomerMayAccess, customerScope } from '@assistenza/platform/auth';
import { NotFoundError } from '@assistenza/platform/ddd';
import { decodeCursor, toPage, type Page } from '@assistenza/platform/http';
import { requestContext } from '@assistenza/platform/observability';
import type { Agreement } from '../../domain/agreement/agreement';
import type { AgreementLine } from '../../domain/agreement/agreement-line';
import { AGREEMENT_REPOSITORY, type AgreementRepository, type ObjectRelation, type TaskRelation } from '../ports/agreement.repository';

export interface AgreementDetails {
  agreement: Agreement;
  lines: AgreementLine[];
  objectRelations: ObjectRelation[];
  taskRelations: TaskRelation[];
}

/** Reads agreements; a customer-portal caller sees only its own (another's answers 404). */
@Injectable()
export class AgreementQueries {
  constructor(@Inject(AGREEMENT_REPOSITORY) private readonly agreements: AgreementRepository) {}

  async get(agreementId: string): Promise<AgreementDetails> {
    const { company } = requestContext.require();
    const agreement = await this.agreements.find(company, agreementId);
    if (!agreement) throw new NotFoundError('Service agreement', agreementId);
    assertCustomerMayAccess('Service agreement', agreementId, agreement.snapshot().customerAccount);
    const ids = [agreement.id];
    const lines = await this.agreements.lines(company, ids);
    const objects = await this.agreements.objectRelations(company, ids);
    const tasks = await this.agreements.taskRelations(company, ids);
    return { agreement, lines: lines.get(agreement.id) ?? [], objectRelations: objects.get(agreement.id) ?? [], taskRelations: tasks.get(agreement.id) ?? [] };
  }

  async list(limit: number, cursor?: string, templateGroupId: string | null = null): Promise<Page<Agreement>> {
    const after = decodeCursor(cursor);
    const rows = await this.agreements.list(requestContext.require().company, { customerAccount: customerScope(), templateGroupId }, limit + 1, after ? String(after[0]) : null);
    return toPage(rows, limit, (a) => [a.id]);
  }
}
