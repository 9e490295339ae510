import { Inject, Injectable } from '@nestjs/common';
import { ConflictError } from '@assistenza/platform/ddd';
import { UnitOfWork, updateVersioned } from '@assistenza/platform/persistence';
import type { AgreementFilter, AgreementRepository, ObjectRelation, TaskRelation } from '../../application/ports/agreement.repository';
import { Agreement, type AgreementState } from '../../domain/agreement/agreement';
import type { AgreementLine } from '../../domain/agreement/agreement-line';

const HEADER = `company, agreement_id AS "agreementId", description, project_id AS "projectId", customer_account AS "customerAccount",
  group_id AS "groupId", to_char(start_date, 'YYYY-MM-DD') AS "startDate", to_char(end_date, 'YYYY-MM-DD') AS "endDate", suspended,
  combine_by AS "combineBy", sla_id AS "slaId", template_group_id AS "templateGroupId", responsible, preferred_technician AS "preferredTechnician",
  contact, has_orders AS "hasOrders", version`;

const LINE = `agreement_id AS "agreementId", line_num AS "lineNum", transaction_type AS "transactionType", description, worker, category_id AS "categoryId",
  quantity::text AS quantity, item_id AS "itemId", task_id AS "taskId", object_id AS "objectId", interval_id AS "intervalId", time_window_id AS "timeWindowId",
  to_char(start_date, 'YYYY-MM-DD') AS "startDate", to_char(end_date, 'YYYY-MM-DD') AS "endDate", service_time_start_after AS "serviceTimeStartAfter",
  service_time_end_before AS "serviceTimeEndBefore", stopped`;

function groupBy<T extends { agreementId: string }>(rows: T[]): Map<string, Omit<T, 'agreementId'>[]> {
  const map = new Map<string, Omit<T, 'agreementId'>[]>();
  for (const { agreementId, ...rest } of rows) {
    const list = map.get(agreementId) ?? [];
    list.push(rest);
    map.set(agreementId, list);
  }
  return map;
}

@Injectable()
export class AgreementSqlRepository implements AgreementRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {}

  private get q() {
    return this.uow.manager;
  }

  async insert(agreement: Agreement): Promise<void> {
    const s = agreement.snapshot();
    const inserted: unknown[] = await this.q.query(
      `INSERT INTO service_agreements (company, agreement_id, description, project_id, customer_account, group_id, start_date, end_date, suspended,
         combine_by, sla_id, template_group_id, responsible, preferred_technician, contact, has_orders, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) ON CONFLICT DO NOTHING RETURNING 1`,
      [s.company, s.agreementId, s.description, s.projectId, s.customerAccount, s.groupId, s.startDate, s.endDate, s.suspended, s.combineBy,
        s.slaId, s.templateGroupId, s.responsible, s.preferredTechnician, s.contact, s.hasOrders, s.version],
    );
    if (inserted.length === 0) throw new ConflictError(`Agreement ${s.agreementId} already exists`, 'agreementId');
  }

  update(agreement: Agreement, expectedVersion: number): Promise<number> {
    const s = agreement.snapshot();
    return updateVersioned(
      this.q,
      { table: 'service_agreements', resource: 'Service agreement', company: s.company, idColumn: 'agreement_id', id: s.agreementId, expectedVersion },
      {
        description: s.description, group_id: s.groupId, start_date: s.startDate, end_date: s.endDate, suspended: s.suspended, combine_by: s.combineBy,
        sla_id: s.slaId, template_group_id: s.templateGroupId, responsible: s.responsible, preferred_technician: s.preferredTechnician, contact: s.contact,
        has_orders: s.hasOrders,
      },
    );
  }

  async find(company: string, agreementId: string, lock = false): Promise<Agreement | null> {
    const [row]: AgreementState[] = await this.q.query(
      `SELECT ${HEADER} FROM service_agreements WHERE company = $1 AND agreement_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [company, agreementId],
    );
    return row ? Agreement.restore(row) : null;
  }

  async list(company: string, filter: AgreementFilter, limit: number, afterId: string | null): Promise<Agreement[]> {
    const rows: AgreementState[] = await this.q.query(
      `SELECT ${HEADER} FROM service_agreements
        WHERE company = $1 AND ($2::text IS NULL OR customer_account = $2) AND ($3::text IS NULL OR agreement_id = $3) AND ($4::text IS NULL OR agreement_id > $4)
          AND ($6::text IS NULL OR template_group_id = $6)
        ORDER BY agreement_id LIMIT $5`,
      [company, filter.customerAccount ?? null, filter.agreementId ?? null, afterId, limit, filter.templateGroupId ?? null],
    );
    return rows.map((r) => Agreement.restore(r));
  }

  async lines(company: string, agreementIds: string[]): Promise<Map<string, AgreementLine[]>> {
    const rows = await this.q.query(`SELECT ${LINE} FROM agreement_lines WHERE company = $1 AND agreement_id = ANY($2) ORDER BY agreement_id, line_num`, [company, agreementIds]);
    return groupBy<AgreementLine & { agreementId: string }>(rows) as Map<string, AgreementLine[]>;
  }

  async insertLine(company: string, agreementId: string, l: Omit<AgreementLine, 'lineNum'>): Promise<AgreementLine> {
    // The caller holds the header's row lock, so max()+1 cannot race.
    const [row] = await this.q.query(
      `INSERT INTO agreement_lines (company, agreement_id, line_num, transaction_type, description, worker, category_id, quantity, item_id, task_id, object_id,
         interval_id, time_window_id, start_date, end_date, service_time_start_after, service_time_end_before, stopped)
       SELECT $1, $2, coalesce(max(line_num), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17
         FROM agreement_lines WHERE company = $1 AND agreement_id = $2
       RETURNING line_num AS "lineNum"`,
      [company, agreementId, l.transactionType, l.description, l.worker, l.categoryId, l.quantity, l.itemId, l.taskId, l.objectId, l.intervalId,
        l.timeWindowId, l.startDate, l.endDate, l.serviceTimeStartAfter, l.serviceTimeEndBefore, l.stopped],
    );
    return { ...l, lineNum: row.lineNum };
  }

  async insertLines(company: string, agreementId: string, lines: readonly Omit<AgreementLine, 'lineNum'>[]): Promise<AgreementLine[]> {
    if (lines.length === 0) return [];
    const col = <K extends keyof Omit<AgreementLine, 'lineNum'>>(k: K) => lines.map((l) => l[k]);
    const rows: Array<{ lineNum: number }> = await this.q.query(
      `INSERT INTO agreement_lines (company, agreement_id, line_num, transaction_type, description, worker, category_id, quantity, item_id, task_id, object_id,
         interval_id, time_window_id, start_date, end_date, service_time_start_after, service_time_end_before, stopped)
       SELECT $1, $2, last.n + t.ord, tt, d, w, c, qty, i, tk, o, iv, tw, sd, ed, sa, eb, st FROM (SELECT coalesce(max(line_num), 0) AS n FROM agreement_lines WHERE company = $1 AND agreement_id = $2) AS last,
         unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::numeric[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::date[], $14::date[],
           $15::text[], $16::text[], $17::boolean[]) WITH ORDINALITY AS t(tt, d, w, c, qty, i, tk, o, iv, tw, sd, ed, sa, eb, st, ord)
       RETURNING line_num AS "lineNum"`,
      [company, agreementId, col('transactionType'), col('description'), col('worker'), col('categoryId'), col('quantity'), col('itemId'), col('taskId'),
        col('objectId'), col('intervalId'), col('timeWindowId'), col('startDate'), col('endDate'), col('serviceTimeStartAfter'), col('serviceTimeEndBefore'), col('stopped')],
    );
    // Line numbers follow the input order (last + ordinality); RETURNING's order is not promised.
    const nums = rows.map((r) => r.lineNum).sort((a, b) => a - b);
    return lines.map((l, i) => ({ ...l, lineNum: nums[i] }));
  }

  async setLineStopped(company: string, agreementId: string, lineNum: number, stopped: boolean): Promise<boolean> {
    const [rows] = await this.q.query('UPDATE agreement_lines SET stopped = $4 WHERE company = $1 AND agreement_id = $2 AND line_num = $3 RETURNING 1', [company, agreementId, lineNum, stopped]);
    return rows.length === 1;
  }

  async objectRelations(company: string, agreementIds: string[]): Promise<Map<string, ObjectRelation[]>> {
    const rows = await this.q.query(`SELECT agreement_id AS "agreementId", object_id AS "objectId", reference FROM agreement_object_relations WHERE company = $1 AND agreement_id = ANY($2) ORDER BY object_id`, [company, agreementIds]);
    return groupBy<ObjectRelation & { agreementId: string }>(rows);
  }

  async taskRelations(company: string, agreementIds: string[]): Promise<Map<string, TaskRelation[]>> {
    const rows = await this.q.query(
      `SELECT agreement_id AS "agreementId", task_id AS "taskId", internal_note AS "internalNote", external_note AS "externalNote" FROM agreement_task_relations WHERE company = $1 AND agreement_id = ANY($2) ORDER BY task_id`,
      [company, agreementIds],
    );
    return groupBy<TaskRelation & { agreementId: string }>(rows);
  }

  async addObjectRelation(company: string, agreementId: string, r: ObjectRelation): Promise<void> {
    await this.q.query(
      'INSERT INTO agreement_object_relations (company, agreement_id, object_id, reference) VALUES ($1, $2, $3, $4) ON CONFLICT (company, agreement_id, object_id) DO UPDATE SET reference = EXCLUDED.reference',
      [company, agreementId, r.objectId, r.reference],
    );
  }

  async copyRelations(company: string, fromId: string, toId: string): Promise<{ objects: number; tasks: number }> {
    const objects: unknown[] = await this.q.query(
      `INSERT INTO agreement_object_relations (company, agreement_id, object_id, reference)
       SELECT company, $3, object_id, reference FROM agreement_object_relations WHERE company = $1 AND agreement_id = $2 ON CONFLICT DO NOTHING RETURNING 1`,
      [company, fromId, toId],
    );
    const tasks: unknown[] = await this.q.query(
      `INSERT INTO agreement_task_relations (company, agreement_id, task_id, internal_note, external_note)
       SELECT company, $3, task_id, internal_note, external_note FROM agreement_task_relations WHERE company = $1 AND agreement_id = $2 ON CONFLICT DO NOTHING RETURNING 1`,
      [company, fromId, toId],
    );
    return { objects: objects.length, tasks: tasks.length };
  }

  async addTaskRelation(company: string, agreementId: string, r: TaskRelation): Promise<void> {
    await this.q.query(
      `INSERT INTO agreement_task_relations (company, agreement_id, task_id, internal_note, external_note) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (company, agreement_id, task_id) DO UPDATE SET internal_note = EXCLUDED.internal_note, external_note = EXCLUDED.external_note`,
      [company, agreementId, r.taskId, r.internalNote, r.externalNote],
    );
  }
}
