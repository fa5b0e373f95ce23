import { type Kysely, sql } from 'kysely';
import type { Caller } from '../access/caller.js';
import type { Database } from '../db/schema.js';

export interface AuditEvent {
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  providerId?: string | null;
  actorUserId?: string | null;
  details?: Record<string, unknown> | null;
  /**
   * A read of confidential content recorded once per view: when the same session already recorded
   * the same action on the same record since `now - ms`, no second event is written (a page that
   * re-renders or is re-opened within the window is one read, not five). The session and the
   * read's time are kept in the event's details so the next read can find it.
   */
  oncePerSession?: { ms: number; now: Date };
}

/** The window in which repeated identical reads by one session are one audited read. */
export const READ_AUDIT_WINDOW_MS = 60_000;

/**
 * Appends one event. Call it with the same transaction as the change it records, so a change
 * without its event (or the reverse) can never be committed.
 */
export async function appendAudit(db: Kysely<Database>, caller: Caller, event: AuditEvent): Promise<void> {
  const once = event.oncePerSession && caller.sessionId ? event.oncePerSession : null;
  if (once) {
    const providerId = event.providerId === undefined ? caller.providerId : event.providerId;
    const actorId = event.actorUserId === undefined ? caller.userId : event.actorUserId;
    let recent = db
      .selectFrom('audit_events')
      .select('audit_events.id')
      .where('audit_events.action', '=', event.action)
      // A coarse bound on the database's clock keeps the (provider, action, at) index in use; the
      // window itself is on the service clock the read was stamped with (tests move that clock).
      .where('audit_events.at', '>=', sql<Date>`now() - interval '1 day'`)
      .where(sql<string>`audit_events.details->>'session'`, '=', caller.sessionId)
      .where(sql<string>`audit_events.details->>'readAt'`, '>=', new Date(once.now.getTime() - once.ms).toISOString())
      .limit(1);
    recent = providerId ? recent.where('audit_events.provider_id', '=', providerId) : recent.where('audit_events.provider_id', 'is', null);
    recent = actorId ? recent.where('audit_events.actor_user_id', '=', actorId) : recent.where('audit_events.actor_user_id', 'is', null);
    recent = event.entityId
      ? recent.where('audit_events.entity_id', '=', event.entityId)
      : recent.where('audit_events.entity_id', 'is', null);
    if (await recent.executeTakeFirst()) return;
  }
  const details = once ? { ...event.details, session: caller.sessionId, readAt: once.now.toISOString() } : event.details;
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
      details: caller.system ? JSON.stringify({ ...details, actor: `system:${caller.system}` }) : details ? JSON.stringify(details) : null,
    })
    .execute();
}
