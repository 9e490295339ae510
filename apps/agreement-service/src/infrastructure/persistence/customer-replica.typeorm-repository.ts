import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@assistenza/platform/persistence';
import type { CustomerReplicaRepository, ReplicatedCustomer } from '../../application/ports/customer-replica.repository';

interface Row {
  company: string;
  account: string;
  name: string;
  currency: string;
  blocked: boolean;
  source_version: number;
}

@Injectable()
export class CustomerReplicaTypeormRepository implements CustomerReplicaRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {}

  async upsertIfNewer(c: ReplicatedCustomer): Promise<boolean> {
    const rows: unknown[] = await this.uow.manager.query(
      `INSERT INTO customer_replica (company, account, name, currency, blocked, source_version)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (company, account) DO UPDATE
         SET name = EXCLUDED.name, currency = EXCLUDED.currency, blocked = EXCLUDED.blocked,
             source_version = EXCLUDED.source_version, replicated_at = now()
         WHERE customer_replica.source_version < EXCLUDED.source_version
       RETURNING 1`,
      [c.company, c.account, c.name, c.currency, c.blocked, c.sourceVersion],
    );
    return rows.length === 1;
  }

  async find(company: string, account: string): Promise<ReplicatedCustomer | null> {
    const [row]: Row[] = await this.uow.manager.query('SELECT * FROM customer_replica WHERE company = $1 AND account = $2', [company, account]);
    return row
      ? { company: row.company, account: row.account, name: row.name, currency: row.currency, blocked: row.blocked, sourceVersion: row.source_version }
      : null;
  }
}
