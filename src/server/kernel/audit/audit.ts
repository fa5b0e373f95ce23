import type { Kysely } from 'kysely';
import type { Caller } from '../access/caller.js';
import type { Database } from '../db/schema.js';

export interface AuditEvent {
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  providerId?: string | null;
  actorUserId?: string | null;
  details?: Record<string, unknown> | null;
}

/**
 * Appends one event. Call it with the same transaction as the change it records, so a change
 * without its event (or the reverse) can never be committed.
 */
export async function appendAudit(db: Kysely<Database>, caller: Caller, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      provider_id: event.providerId === undefined ? caller.providerId : event.providerId,
      actor_user_id: event.actorUserId === undefined ? caller.userId : event.actorUserId,
      action: event.action,
      entity_type: event.entityType ?? null,
      entity_id: event.entityId ?? null,
      ip: caller.ip,
      user_agent: caller.userAgent?.slice(0, 400) ?? null,
      request_id: caller.requestId,
      // A named system caller has no user: the trail names the purpose it acted for.
      details: caller.system
        ? JSON.stringify({ ...event.details, actor: `system:${caller.system}` })
        : event.details
          ? JSON.stringify(event.details)
          : null,
    })
    .execute();
}
