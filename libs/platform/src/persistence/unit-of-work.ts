import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The ambient transaction of a request or an event handler. Code that needs atomicity calls
 * `transaction()`; if one is already open (the Idempotency-Key interceptor, the inbox) it joins it,
 * so the business change, its outbox rows and the idempotency/inbox record commit together.
 * TypeORM's `DataSource.transaction` always releases its connection, also on error (typeorm#4866).
 */
export class UnitOfWork {
  private readonly current = new AsyncLocalStorage<EntityManager>();

  constructor(readonly dataSource: DataSource) {}

  /** The open transaction's manager, or the pool's when none is open (reads). */
  get manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const open = this.current.getStore();
    if (open) return work(open);
    return this.dataSource.transaction((manager) => this.current.run(manager, () => work(manager)));
  }

  /** The manager of the open transaction; throws when called outside one (outbox writes need it). */
  requireTransaction(): EntityManager {
    const open = this.current.getStore();
    if (!open) throw new Error('This write must run inside UnitOfWork.transaction()');
    return open;
  }
}
