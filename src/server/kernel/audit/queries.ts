import { kernelDbOf, type Repository } from '../access/repository.js';
import { countUpTo } from '../db/count.js';

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

function filteredEvents(repo: Repository, f: Omit<AuditFilters, 'page' | 'pageSize'>) {
  let query = repo.select('audit_events');
  if (f.action) query = query.where('audit_events.action', '=', f.action);
  if (f.actorId) query = query.where('audit_events.actor_user_id', '=', f.actorId);
  if (f.entityType) query = query.where('audit_events.entity_type', '=', f.entityType);
  if (f.entityId) query = query.where('audit_events.entity_id', '=', f.entityId);
  if (f.from) query = query.where('audit_events.at', '>=', f.from);
  if (f.to) query = query.where('audit_events.at', '<=', f.to);
  return query;
}

export function auditCount(repo: Repository, f: Omit<AuditFilters, 'page' | 'pageSize'>) {
  return countUpTo(kernelDbOf(repo), filteredEvents(repo, f));
}

/** Newest first, on the (provider_id, at desc, id desc) index. */
export function auditSearch(repo: Repository, f: AuditFilters) {
  return filteredEvents(repo, f)
    .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
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
    ])
    .orderBy('audit_events.at', 'desc')
    .orderBy('audit_events.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
}
