export const CUSTOMER_REPLICA = Symbol('CustomerReplicaRepository');

export interface ReplicatedCustomer {
  company: string;
  account: string;
  name: string;
  currency: string;
  blocked: boolean;
  /** The billing aggregate version this copy reflects. */
  sourceVersion: number;
}

/** Local copy of billing's customers, so agreements never call billing synchronously. */
export interface CustomerReplicaRepository {
  /** Stores the copy unless a newer version is already there (events may arrive out of order). */
  upsertIfNewer(customer: ReplicatedCustomer): Promise<boolean>;
  find(company: string, account: string): Promise<ReplicatedCustomer | null>;
}
