import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@assistenza/platform/persistence';
import type { AgreementRange, GeneratedOrderRow, GenerationStore } from '../../application/ports/generation.store';
import type { AgreementState } from '../../domain/agreement/agreement';
import type { ServiceInterval } from '../../domain/generation/service-interval';
import type { TimeWindow } from '../../domain/generation/time-window';
import type { WorkingCalendar } from '../../domain/generation/working-calendar';
import { pgArray } from './pg-array';

@Injectable()
export class GenerationSqlStore implements GenerationStore {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {}

  private get q() {
    return this.uow.manager;
  }

  lockAgreements(company: string, f: { agreementId: string | null; customerAccount: string | null }, range: AgreementRange): Promise<AgreementState[]> {
    return this.q.query(
      `SELECT company, agreement_id AS "agreementId", description, project_id AS "projectId", customer_account AS "customerAccount", group_id AS "groupId",
              to_char(start_date, 'YYYY-MM-DD') AS "startDate", to_char(end_date, 'YYYY-MM-DD') AS "endDate", suspended, combine_by AS "combineBy",
              sla_id AS "slaId", template_group_id AS "templateGroupId", responsible, preferred_technician AS "preferredTechnician", contact,
              has_orders AS "hasOrders", version
         FROM service_agreements
        WHERE company = $1 AND NOT suspended AND template_group_id IS NULL
          AND ($2::text IS NULL OR agreement_id = $2) AND ($3::text IS NULL OR customer_account = $3)
          AND ($4::text IS NULL OR agreement_id > $4) AND ($5::text IS NULL OR agreement_id <= $5)
        ORDER BY agreement_id FOR UPDATE`,
      [company, f.agreementId, f.customerAccount, range.after, range.upTo],
    );
  }

  async intervals(company: string): Promise<Map<string, ServiceInterval>> {
    const rows: Array<{ code: string; attributes: ServiceInterval }> = await this.q.query('SELECT code, attributes FROM service_intervals WHERE company = $1', [company]);
    return new Map(rows.map((r) => [r.code, { unit: r.attributes.unit, frequency: r.attributes.frequency }]));
  }

  async timeWindows(company: string): Promise<Map<string, TimeWindow>> {
    const rows: Array<{ code: string; attributes: TimeWindow }> = await this.q.query('SELECT code, attributes FROM time_windows WHERE company = $1', [company]);
    return new Map(rows.map((r) => [r.code, r.attributes]));
  }

  async calendar(company: string, calendarId: string): Promise<WorkingCalendar | null> {
    const [row] = await this.q.query('SELECT attributes FROM calendars WHERE company = $1 AND code = $2', [company, calendarId]);
    return row ? (row.attributes as WorkingCalendar) : null;
  }

  async plannedLines(company: string, agreementIds: string[]): Promise<Set<string>> {
    const rows: Array<{ k: string }> = await this.q.query(
      // The id range (min and max in the database's own collation) keeps this an index range scan
      // even while statistics lag behind a table that a big first run is filling.
      `SELECT g.agreement_id || '|' || l.n || '|' || to_char(l.d, 'YYYY-MM-DD') AS k FROM generated_orders g, unnest(g.line_nums, g.calculated_dates) AS l(n, d)
        WHERE g.company = $1 AND g.agreement_id = ANY($2)
          AND g.agreement_id >= (SELECT min(a) FROM unnest($2::text[]) AS a) AND g.agreement_id <= (SELECT max(a) FROM unnest($2::text[]) AS a)`,
      [company, agreementIds],
    );
    return new Set(rows.map((r) => r.k));
  }

  /**
   * One statement per chunk: the orders go in under their unique key, each with its lines as two
   * parallel arrays (sent as array literals, cast per row). Only the ids that were taken already
   * come back (none on a first run), not one row per new order; the new ones are the others.
   */
  async record(company: string, runId: string | null, orders: GeneratedOrderRow[]): Promise<Set<string>> {
    if (orders.length === 0) return new Set();
    const ids = orders.map((o) => o.orderId);
    const nums = orders.map((o) => `{${o.lines.map((l) => l.lineNum).join(',')}}`);
    const dates = orders.map((o) => `{${o.lines.map((l) => l.calculatedDate).join(',')}}`);
    const taken: Array<{ order_id: string }> = await this.q.query(
      `WITH inserted AS (
         INSERT INTO generated_orders (company, order_id, agreement_id, service_date, run_id, line_nums, calculated_dates)
         SELECT $1, o, a, d, $5, n::int[], c::date[] FROM unnest($2::uuid[], $3::text[], $4::date[], $6::text[], $7::text[]) AS t(o, a, d, n, c)
         ON CONFLICT DO NOTHING RETURNING order_id)
       SELECT o AS order_id FROM unnest($2::uuid[]) AS o EXCEPT SELECT order_id FROM inserted`,
      [company, pgArray(ids), pgArray(orders.map((o) => o.agreementId)), pgArray(orders.map((o) => o.serviceDate)), runId, pgArray(nums), pgArray(dates)],
    );
    const existed = new Set(taken.map((r) => r.order_id));
    return new Set(ids.filter((id) => !existed.has(id)));
  }

  async markHasOrders(company: string, agreementIds: string[]): Promise<void> {
    if (agreementIds.length === 0) return;
    // Not a versioned change by the user: the flag only guards R-TP-1, so the ETag does not move.
    await this.q.query('UPDATE service_agreements SET has_orders = true WHERE company = $1 AND agreement_id = ANY($2) AND NOT has_orders', [company, agreementIds]);
  }
}
