import type { EntityManager } from 'typeorm';

/**
 * Records event ids as received by a consumer, in the caller's transaction, and returns the ids
 * that were new. A repeat (redelivery, duplicate publish) is absent from the result, so its
 * handler is skipped; because the record commits with the handler's writes, a rollback forgets
 * both (idempotent consumer, microservices.io).
 */
export async function claimInbox(manager: EntityManager, consumer: string, events: Array<{ eventId: string; type: string }>): Promise<Set<string>> {
  const rows: Array<{ event_id: string }> = await manager.query(
    `INSERT INTO inbox (consumer, event_id, event_type)
     SELECT $1, e.id, e.type FROM unnest($2::uuid[], $3::text[]) AS e(id, type)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, events.map((e) => e.eventId), events.map((e) => e.type)],
  );
  return new Set(rows.map((r) => r.event_id));
}
