import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * Who is doing what on whose behalf, for the duration of one HTTP request or one consumed event.
 * Logs, outbox rows and downstream events read it, so correlation ids flow without being passed.
 */
export interface RequestContext {
  correlationId: string;
  /** The event that caused this work, when the work is the handling of an event. */
  causationId: string | null;
  company: string;
  actor: string;
  /** Roles of the caller (empty when the work is the handling of an event). */
  roles: readonly string[];
  /** For a customer-portal caller: the only customer account whose data it may see. */
  customerAccount: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(ctx: RequestContext, fn: () => T): T {
    return storage.run(ctx, fn);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
  require(): RequestContext {
    const ctx = storage.getStore();
    if (!ctx) throw new Error('No request context: this code must run inside an HTTP request or an event handler');
    return ctx;
  },
  newCorrelationId(): string {
    return randomUUID();
  },
};
