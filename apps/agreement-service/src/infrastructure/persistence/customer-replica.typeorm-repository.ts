import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork, upsertIfNewer } from '@assistenza/platform/persistence';
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
    return upsertIfNewer(this.uow.manager, {
      table: 'customer_replica',
      key: ['company', 'account'],
      row: { company: c.company, account: c.account, name: c.name, currency: c.currency, blocked: c.blocked, source_version: c.sourceVersion, replicated_at: new Date() },
    });
  }

  async find(company: string, account: string): Promise<ReplicatedCustomer | null> {
    const [row]: Row[] = await this.uow.manager.query('SELECT * FROM customer_replica WHERE company = $1 AND account = $2', [company, account]);
    return row
      ? { company: row.company, account: row.account, name: row.name, currency: row.currency, blocked: row.blocked, sourceVersion: row.source_version }
      : null;
  }
}
