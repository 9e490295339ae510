import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@assistenza/platform/ddd';
import { decodeCursor, toPage, type Page } from '@assistenza/platform/http';
import { requestContext } from '@assistenza/platform/observability';
import { TECHNICIAN_REPOSITORY, type Technician, type TechnicianRepository } from '../ports/technician.repository';

/** Who can be dispatched: the technicians replicated from HR, per company. */
@Injectable()
export class TechnicianQueries {
  constructor(@Inject(TECHNICIAN_REPOSITORY) private readonly technicians: TechnicianRepository) {}

  async list(filter: { dispatchTeam: string | null; activeOnly: boolean }, limit: number, cursor?: string): Promise<Page<Technician>> {
    const after = decodeCursor(cursor);
    const rows = await this.technicians.list(requestContext.require().company, filter, limit + 1, after ? String(after[0]) : null);
    return toPage(rows, limit, (t) => [t.personnelNumber]);
  }

  async get(personnelNumber: string): Promise<Technician> {
    const technician = await this.technicians.find(requestContext.require().company, personnelNumber);
    if (!technician) throw new NotFoundError('Technician', personnelNumber);
    return technician;
  }
}
