export const PROJECT_REPLICA = Symbol('ProjectReplicaRepository');

export interface ReplicatedProject {
  company: string;
  projectId: string;
  customerAccount: string;
  /** time-and-material, fixed-price, internal or time (a time project takes no agreements). */
  type: string;
  currency: string;
  sourceVersion: number;
}

/** Local copy of billing's projects, fed by billing.project.upserted.v1. */
export interface ProjectReplicaRepository {
  upsertIfNewer(project: ReplicatedProject): Promise<boolean>;
  find(company: string, projectId: string): Promise<ReplicatedProject | null>;
}
