export const TECHNICIAN_REPOSITORY = Symbol('TechnicianRepository');

/** A worker from HR who can be dispatched to service orders (local replica, never edited here). */
export interface Technician {
  company: string;
  personnelNumber: string;
  name: string;
  dispatchTeam: string | null;
  calendar: string | null;
  active: boolean;
  terminatedOn: string | null;
  /** The HR aggregate version this copy reflects; older events never overwrite newer ones. */
  sourceVersion: number;
}

export interface TechnicianRepository {
  /** Stores the worker as a technician unless a newer version is already here. */
  upsertIfNewer(technician: Omit<Technician, 'active' | 'terminatedOn'> & { isTechnician: boolean }): Promise<void>;
  terminate(company: string, personnelNumber: string, terminatedOn: string, sourceVersion: number): Promise<void>;
  find(company: string, personnelNumber: string): Promise<Technician | null>;
  list(company: string, filter: { dispatchTeam: string | null; activeOnly: boolean }, limit: number, after: string | null): Promise<Technician[]>;
}
