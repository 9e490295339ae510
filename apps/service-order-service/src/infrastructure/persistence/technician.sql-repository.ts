import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@assistenza/platform/persistence';
import type { Technician, TechnicianRepository } from '../../application/ports/technician.repository';

interface Row {
  company: string;
  personnel_number: string;
  name: string;
  dispatch_team: string | null;
  calendar: string | null;
  is_technician: boolean;
  terminated_on: string | null;
  source_version: number;
}

@Injectable()
export class TechnicianSqlRepository implements TechnicianRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {}

  async upsertIfNewer(t: Parameters<TechnicianRepository['upsertIfNewer']>[0]): Promise<void> {
    await this.uow.manager.query(
      `INSERT INTO technicians (company, personnel_number, name, dispatch_team, calendar, is_technician, source_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (company, personnel_number) DO UPDATE
         SET name = EXCLUDED.name, dispatch_team = EXCLUDED.dispatch_team, calendar = EXCLUDED.calendar,
             is_technician = EXCLUDED.is_technician, source_version = EXCLUDED.source_version, replicated_at = now()
         WHERE technicians.source_version < EXCLUDED.source_version`,
      [t.company, t.personnelNumber, t.name, t.dispatchTeam, t.calendar, t.isTechnician, t.sourceVersion],
    );
  }

  async terminate(company: string, personnelNumber: string, terminatedOn: string, sourceVersion: number): Promise<void> {
    // A termination may overtake the worker's own creation; it then waits in a minimal row.
    await this.uow.manager.query(
      `INSERT INTO technicians (company, personnel_number, name, is_technician, terminated_on, source_version)
       VALUES ($1, $2, $2, false, $3, $4)
       ON CONFLICT (company, personnel_number) DO UPDATE
         SET terminated_on = EXCLUDED.terminated_on, source_version = EXCLUDED.source_version, replicated_at = now()
         WHERE technicians.source_version < EXCLUDED.source_version`,
      [company, personnelNumber, terminatedOn, sourceVersion],
    );
  }

  async find(company: string, personnelNumber: string): Promise<Technician | null> {
    const [row]: Row[] = await this.uow.manager.query(`${SELECT} WHERE company = $1 AND personnel_number = $2 AND is_technician`, [company, personnelNumber]);
    return row ? toTechnician(row) : null;
  }

  async list(company: string, filter: { dispatchTeam: string | null; activeOnly: boolean }, limit: number, after: string | null): Promise<Technician[]> {
    const rows: Row[] = await this.uow.manager.query(
      `${SELECT} WHERE company = $1 AND is_technician
         AND ($2::text IS NULL OR dispatch_team = $2) AND (NOT $3 OR terminated_on IS NULL OR terminated_on >= current_date)
         AND ($4::text IS NULL OR personnel_number > $4)
       ORDER BY personnel_number LIMIT $5`,
      [company, filter.dispatchTeam, filter.activeOnly, after, limit],
    );
    return rows.map(toTechnician);
  }
}

const SELECT = `SELECT company, personnel_number, name, dispatch_team, calendar, is_technician, to_char(terminated_on, 'YYYY-MM-DD') AS terminated_on, source_version FROM technicians`;

function toTechnician(r: Row): Technician {
  const active = r.terminated_on === null || r.terminated_on >= new Date().toISOString().slice(0, 10);
  return {
    company: r.company,
    personnelNumber: r.personnel_number,
    name: r.name,
    dispatchTeam: r.dispatch_team,
    calendar: r.calendar,
    active,
    terminatedOn: r.terminated_on,
    sourceVersion: r.source_version,
  };
}
