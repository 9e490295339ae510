import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork, upsertIfNewer } from '@assistenza/platform/persistence';
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
    await upsertIfNewer(this.uow.manager, {
      table: 'technicians',
      key: ['company', 'personnel_number'],
      row: {
        company: t.company,
        personnel_number: t.personnelNumber,
        name: t.name,
        dispatch_team: t.dispatchTeam,
        calendar: t.calendar,
        is_technician: t.isTechnician,
        source_version: t.sourceVersion,
        replicated_at: new Date(),
      },
    });
  }

  async terminate(company: string, personnelNumber: string, terminatedOn: string, sourceVersion: number): Promise<void> {
    // A termination may overtake the worker's own creation; it then waits in a minimal row whose
    // other columns the (older) creation event can no longer fill.
    await upsertIfNewer(this.uow.manager, {
      table: 'technicians',
      key: ['company', 'personnel_number'],
      row: { company, personnel_number: personnelNumber, name: personnelNumber, is_technician: false, terminated_on: terminatedOn, source_version: sourceVersion, replicated_at: new Date() },
      update: ['terminated_on', 'source_version', 'replicated_at'],
    });
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
