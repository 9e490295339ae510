import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@assistenza/platform/persistence';
import type { RequestedOrder, ServiceOrderRepository, ServiceOrderView } from '../../application/ports/service-order.repository';

const HEADER = `company, service_order_id AS "serviceOrderId", order_number AS "orderNumber", description, agreement_id AS "agreementId", project_id AS "projectId",
  customer_account AS "customerAccount", to_char(service_date, 'YYYY-MM-DD') AS "serviceDate", origin, progress, stage_id AS "stageId", sla_id AS "slaId",
  sla_status AS "slaStatus", calendar_conflict AS "calendarConflict", responsible, preferred_technician AS "preferredTechnician", version`;

const LINE = `line_num AS "lineNum", status, agreement_line_num AS "agreementLineNum", transaction_type AS "transactionType", description, worker,
  category_id AS "categoryId", quantity::text AS quantity, item_id AS "itemId", task_id AS "taskId", object_id AS "objectId",
  to_char(date_calculated, 'YYYY-MM-DD') AS "dateCalculated", to_char(date_range_from, 'YYYY-MM-DD') AS "dateRangeFrom",
  to_char(date_range_to, 'YYYY-MM-DD') AS "dateRangeTo", service_time_start_after AS "serviceTimeStartAfter", service_time_end_before AS "serviceTimeEndBefore"`;

@Injectable()
export class ServiceOrderSqlRepository implements ServiceOrderRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {}

  async createFromRequest(company: string, r: RequestedOrder): Promise<boolean> {
    const q = this.uow.manager;
    // The primary key is the requested order's deterministic id: a redelivery or a second request inserts nothing.
    const created: unknown[] = await q.query(
      `INSERT INTO service_orders (company, service_order_id, order_number, description, agreement_id, project_id, customer_account, service_date, origin,
         calendar_conflict, responsible, preferred_technician, contact, generation_run_id, version)
       VALUES ($1, $2, 'SO-' || lpad(nextval('service_order_number_seq')::text, 6, '0'), $3, $4, $5, $6, $7, 'system', $8, $9, $10, $11, $12, 1)
       ON CONFLICT (company, service_order_id) DO NOTHING RETURNING 1`,
      [company, r.serviceOrderId, r.description, r.agreementId, r.projectId, r.customerAccount, r.serviceDate, r.calendarConflict, r.responsible,
        r.preferredTechnician, r.contact, r.generationRunId],
    );
    if (created.length === 0) return false;
    const l = r.lines;
    await q.query(
      `INSERT INTO service_order_lines (company, service_order_id, line_num, origin, agreement_id, agreement_line_num, transaction_type, description, worker,
         category_id, quantity, item_id, task_id, object_id, date_calculated, date_range_from, date_range_to, service_time_start_after, service_time_end_before)
       SELECT $1, $2, ord, 'system', $3, n, tt, d, w, c, qty, i, tk, o, dc, df, dt, sa, eb FROM unnest($4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::numeric[], $10::text[], $11::text[],
         $12::text[], $13::date[], $14::date[], $15::date[], $16::text[], $17::text[]) WITH ORDINALITY AS t(n, tt, d, w, c, qty, i, tk, o, dc, df, dt, sa, eb, ord)`,
      [company, r.serviceOrderId, r.agreementId, l.map((x) => x.agreementLineNum), l.map((x) => x.transactionType), l.map((x) => x.description),
        l.map((x) => x.worker), l.map((x) => x.categoryId), l.map((x) => x.quantity), l.map((x) => x.itemId), l.map((x) => x.taskId), l.map((x) => x.objectId),
        l.map((x) => x.dateCalculated), l.map((x) => x.dateRangeFrom), l.map((x) => x.dateRangeTo), l.map((x) => x.serviceTimeStartAfter), l.map((x) => x.serviceTimeEndBefore)],
    );
    for (const o of r.objectRelations) {
      await q.query('INSERT INTO service_order_object_relations (company, service_order_id, object_id, reference) VALUES ($1, $2, $3, $4)', [company, r.serviceOrderId, o.objectId, o.reference]);
    }
    for (const t of r.taskRelations) {
      await q.query(
        'INSERT INTO service_order_task_relations (company, service_order_id, task_id, internal_note, external_note, from_agreement) VALUES ($1, $2, $3, $4, $5, true)',
        [company, r.serviceOrderId, t.taskId, t.internalNote, t.externalNote],
      );
    }
    return true;
  }

  async find(company: string, id: string): Promise<ServiceOrderView | null> {
    const q = this.uow.manager;
    const [order]: ServiceOrderView[] = await q.query(`SELECT ${HEADER} FROM service_orders WHERE company = $1 AND service_order_id = $2`, [company, id]);
    if (!order) return null;
    const args = [company, id];
    order.lines = await q.query(`SELECT ${LINE} FROM service_order_lines WHERE company = $1 AND service_order_id = $2 ORDER BY line_num`, args);
    order.objectRelations = await q.query(`SELECT object_id AS "objectId", reference FROM service_order_object_relations WHERE company = $1 AND service_order_id = $2 ORDER BY object_id`, args);
    order.taskRelations = await q.query(
      `SELECT task_id AS "taskId", internal_note AS "internalNote", external_note AS "externalNote" FROM service_order_task_relations WHERE company = $1 AND service_order_id = $2 ORDER BY task_id`,
      args,
    );
    return order;
  }

  list(company: string, f: { agreementId: string | null; customerAccount: string | null }, limit: number, afterId: string | null): Promise<ServiceOrderView[]> {
    return this.uow.manager.query(
      `SELECT ${HEADER} FROM service_orders
        WHERE company = $1 AND ($2::text IS NULL OR agreement_id = $2) AND ($3::text IS NULL OR customer_account = $3) AND ($4::uuid IS NULL OR service_order_id > $4)
        ORDER BY service_order_id LIMIT $5`,
      [company, f.agreementId, f.customerAccount, afterId, limit],
    );
  }
}
