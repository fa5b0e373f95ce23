import { sql } from 'kysely';
import type { Repository } from '../access/repository.js';

export interface AuditFilters {
  action?: string | undefined;
  actorId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  page: number;
  pageSize: number;
}

/** Newest first, on the (provider_id, at desc, id desc) index. */
export function auditSearch(repo: Repository, f: AuditFilters) {
  let query = repo.select('audit_events').leftJoin('users', 'users.id', 'audit_events.actor_user_id');
  if (f.action) query = query.where('audit_events.action', '=', f.action);
  if (f.actorId) query = query.where('audit_events.actor_user_id', '=', f.actorId);
  if (f.entityType) query = query.where('audit_events.entity_type', '=', f.entityType);
  if (f.entityId) query = query.where('audit_events.entity_id', '=', f.entityId);
  if (f.from) query = query.where('audit_events.at', '>=', f.from);
  if (f.to) query = query.where('audit_events.at', '<=', f.to);
  return query
    .select([
      'audit_events.id',
      'audit_events.at',
      'audit_events.actor_user_id',
      'users.name',
      'users.email',
      'audit_events.action',
      'audit_events.entity_type',
      'audit_events.entity_id',
      'audit_events.ip',
      'audit_events.user_agent',
      sql<number>`count(*) over ()`.as('total'),
    ])
    .orderBy('audit_events.at', 'desc')
    .orderBy('audit_events.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
}
