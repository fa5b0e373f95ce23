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

/** The entity types whose records the trail names, and the table each lives in. */
const namedTargets = {
  person: 'people',
  process: 'processes',
  meeting: 'meetings',
  organisation: 'organisations',
  member: 'memberships',
  unit: 'units',
} as const;
type NamedType = keyof typeof namedTargets;
const isNamed = (type: string | null): type is NamedType => type !== null && Object.hasOwn(namedTargets, type);

export interface AuditTarget {
  name: string | null;
  /** A meeting's start, so a reader can tell two meetings of one process apart. */
  at: Date | null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Names the records a page of events points at, through the caller's repository: only rows the
 * caller may read are named (a masked or unreadable record stays unnamed: "a process"). One query
 * per named type present on the page, whatever the page size (no query per event).
 */
export async function auditTargets(
  repo: Repository,
  events: readonly { entity_type: string | null; entity_id: string | null }[],
): Promise<Map<string, AuditTarget>> {
  const wanted = new Map<NamedType, Set<string>>();
  for (const e of events) {
    if (!isNamed(e.entity_type) || !e.entity_id || !uuidPattern.test(e.entity_id)) continue;
    if (!repo.can(namedTargets[e.entity_type], 'read')) continue;
    const ids = wanted.get(e.entity_type) ?? new Set<string>();
    ids.add(e.entity_id);
    wanted.set(e.entity_type, ids);
  }
  const named = new Map<string, AuditTarget>();
  const put = (type: NamedType, rows: { id: string; name: string | null; at?: Date | string | null }[]) => {
    for (const r of rows) named.set(`${type}:${r.id}`, { name: r.name ?? null, at: r.at ? new Date(r.at) : null });
  };
  const lookups: Promise<void>[] = [];
  for (const [type, set] of wanted) {
    const ids = [...set];
    switch (type) {
      case 'person':
        lookups.push(
          repo
            .select('people')
            .select(['people.id', 'people.name'])
            .where('people.id', 'in', ids)
            .execute()
            .then((rows) => put(type, rows)),
        );
        break;
      case 'process':
        lookups.push(
          repo
            .select('processes')
            .select(['processes.id', 'processes.title as name'])
            .where('processes.id', 'in', ids)
            .execute()
            .then((rows) => put(type, rows)),
        );
        break;
      case 'meeting':
        // The meeting is named by its process; the process's title only where the caller reads it.
        lookups.push(
          (async () => {
            const meetings = await repo
              .select('meetings')
              .select(['meetings.id', 'meetings.process_id', 'meetings.starts_at'])
              .where('meetings.id', 'in', ids)
              .execute();
            const processIds = [...new Set(meetings.map((m) => m.process_id))];
            const titles =
              processIds.length && repo.can('processes', 'read')
                ? new Map(
                    (
                      await repo
                        .select('processes')
                        .select(['processes.id', 'processes.title'])
                        .where('processes.id', 'in', processIds)
                        .execute()
                    ).map((p) => [p.id, p.title]),
                  )
                : new Map<string, string>();
            put(
              type,
              meetings.map((m) => ({ id: m.id, name: titles.get(m.process_id) ?? null, at: m.starts_at })),
            );
          })(),
        );
        break;
      case 'organisation':
        lookups.push(
          repo
            .select('organisations')
            .select(['organisations.id', 'organisations.name'])
            .where('organisations.id', 'in', ids)
            .execute()
            .then((rows) => put(type, rows)),
        );
        break;
      case 'unit':
        lookups.push(
          repo
            .select('units')
            .select(['units.id', 'units.name'])
            .where('units.id', 'in', ids)
            .execute()
            .then((rows) => put(type, rows)),
        );
        break;
      case 'member':
        lookups.push(
          repo
            .select('memberships')
            .innerJoin('users', 'users.id', 'memberships.user_id')
            .select(['memberships.id', 'users.name'])
            .where('memberships.id', 'in', ids)
            .execute()
            .then((rows) => put(type, rows)),
        );
        break;
    }
  }
  await Promise.all(lookups);
  return named;
}

/** The people who appear as actors in the provider's trail, for the actor filter. */
export function auditActors(repo: Repository) {
  return repo
    .select('audit_events')
    .innerJoin('users', 'users.id', 'audit_events.actor_user_id')
    .select(['users.id', 'users.name', 'users.email'])
    .distinct()
    .orderBy('users.name')
    .orderBy('users.email')
    .limit(1000);
}
