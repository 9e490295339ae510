import { Inject, Injectable } from '@nestjs/common';
import { BusinessRuleViolation, NotFoundError, ValidationError } from '@assistenza/platform/ddd';
import { decodeCursor, toPage, type Page } from '@assistenza/platform/http';
import { OutboxWriter } from '@assistenza/platform/messaging';
import { requestContext } from '@assistenza/platform/observability';
import { UnitOfWork } from '@assistenza/platform/persistence';
import { REFERENCE_DATA, type ReferenceDataRepository, type ReferenceRecord } from '../ports/reference-data.repository';
import type { Attributes, ReferenceKind } from './reference-kinds';

/** Create, change and read any kind of setup data; the kind brings its rule and its event. */
@Injectable()
export class ReferenceDataService {
  constructor(
    @Inject(REFERENCE_DATA) private readonly repo: ReferenceDataRepository,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async create(kind: ReferenceKind, input: { code: string; description: string } & Attributes): Promise<ReferenceRecord> {
    const { code, description, ...given } = input;
    const record: ReferenceRecord = { company: requestContext.require().company, code, description, attributes: { ...kind.defaults, ...given }, version: 1 };
    return this.store(kind, record, async () => this.repo.insert(kind.table, record));
  }

  async update(kind: ReferenceKind, code: string, expectedVersion: number, changes: Attributes): Promise<ReferenceRecord> {
    return this.uow.transaction(async () => {
      const current = await this.get(kind, code);
      const { description, ...attributeChanges } = changes;
      const record: ReferenceRecord = { ...current, description: (description as string | undefined) ?? current.description, attributes: { ...current.attributes, ...attributeChanges } };
      return this.store(kind, record, async () => {
        record.version = await this.repo.update(kind.table, kind.resource, record, expectedVersion);
      });
    });
  }

  async get(kind: ReferenceKind, code: string): Promise<ReferenceRecord> {
    const record = await this.repo.find(kind.table, requestContext.require().company, code);
    if (!record) throw new NotFoundError(kind.resource, code);
    return record;
  }

  async list(kind: ReferenceKind, limit: number, cursor?: string): Promise<Page<ReferenceRecord>> {
    const after = decodeCursor(cursor);
    const rows = await this.repo.list(kind.table, requestContext.require().company, limit + 1, after ? String(after[0]) : null);
    return toPage(rows, limit, (r) => [r.code]);
  }

  private async store(kind: ReferenceKind, record: ReferenceRecord, write: () => Promise<void>): Promise<ReferenceRecord> {
    if (record.description.trim() === '') throw new ValidationError('description must not be blank', 'description');
    kind.validate(record.attributes);
    return this.uow.transaction(async () => {
      await this.assertReferencesExist(kind, record);
      await write();
      if (kind.event) {
        await this.outbox.append(kind.event.contract, { aggregateId: record.code, aggregateVersion: record.version, payload: kind.event.payload(record.code, record.description, record.attributes) });
      }
      return record;
    });
  }

  private async assertReferencesExist(kind: ReferenceKind, record: ReferenceRecord): Promise<void> {
    for (const [field, table] of Object.entries(kind.references ?? {})) {
      const code = record.attributes[field];
      if (code === null || code === undefined) continue;
      if (field === 'parentId' && code === record.code) throw new BusinessRuleViolation('a group cannot be its own parent', field);
      if (!(await this.repo.find(table, record.company, String(code)))) throw new BusinessRuleViolation(`${field} ${String(code)} does not exist`, field);
    }
  }
}
