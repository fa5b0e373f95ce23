import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { type GrantKind, securityRoutes as securityApi } from '../../../shared/tenancy.js';
import { kernelDbOf, type Repository } from '../access/repository.js';
import { endpoint } from '../http/endpoint.js';
import { type Role, roles, staffRoles } from '../roles.js';

/**
 * The security view: who holds a staff role (those reach confidential content or the office's
 * data), and every grant, change and removal of a role or of a place on a process, with who did it
 * and when. Every provider admin sees it, so a grant one admin makes is in front of the others
 * (issue 7, finding 3). Built from the audit trail, which nobody can rewrite, and the memberships.
 */
export const grantActions = {
  'invitation.create': 'invited',
  'invitation.revoke': 'invitation_revoked',
  'invitation.accept': 'joined',
  'member.update': 'role_changed',
  'member.delete': 'removed',
  'process_practitioner.create': 'process_assigned',
  'process_practitioner.delete': 'process_unassigned',
} as const satisfies Record<string, GrantKind>;

type Details = { role?: unknown; previousRole?: unknown; userId?: unknown; processId?: unknown } | null;
const str = (v: unknown) => (typeof v === 'string' ? v : null);
/** A role named in an event's details, if it is one (the answer's schema takes roles only). */
const roleOf = (v: unknown): Role | null => (roles.includes(v as Role) ? (v as Role) : null);
const parse = (d: unknown): Details => (typeof d === 'string' ? (JSON.parse(d) as Details) : (d as Details));
const displayName = (u: { name: string; email: string } | undefined) => (u ? u.name || u.email : null);

async function grantEvents(repo: Repository, pageNo: number, size: number) {
  const rows = await repo
    .select('audit_events')
    .select([
      'audit_events.id',
      'audit_events.at',
      'audit_events.action',
      'audit_events.actor_user_id',
      'audit_events.entity_id',
      'audit_events.details',
    ])
    .where('audit_events.action', 'in', Object.keys(grantActions))
    .orderBy('audit_events.at', 'desc')
    .orderBy('audit_events.id', 'desc')
    .limit(size + 1)
    .offset((pageNo - 1) * size)
    .execute();
  const events = rows.slice(0, size).map((r) => ({ ...r, details: parse(r.details) }));

  // Events written before they named their subject: the rows they point at, where still there.
  const entityIds = (action: string) =>
    events.filter((e) => e.action.startsWith(action) && !str(e.details?.userId) && e.entity_id).map((e) => e.entity_id as string);
  const [links, members, invitations] = await Promise.all([
    ids(entityIds('process_practitioner.')).length
      ? repo
          .select('process_practitioners')
          .select(['process_practitioners.id', 'process_practitioners.user_id', 'process_practitioners.process_id'])
          .where('process_practitioners.id', 'in', ids(entityIds('process_practitioner.')))
          .execute()
      : [],
    ids(entityIds('member.')).length
      ? repo
          .select('memberships')
          .select(['memberships.id', 'memberships.user_id'])
          .where('memberships.id', 'in', ids(entityIds('member.')))
          .execute()
      : [],
    ids(events.filter((e) => e.action.startsWith('invitation.')).map((e) => e.entity_id ?? '')).length
      ? repo
          .select('invitations')
          .select(['invitations.id', 'invitations.email', 'invitations.role'])
          .where('invitations.id', 'in', ids(events.filter((e) => e.action.startsWith('invitation.')).map((e) => e.entity_id ?? '')))
          .execute()
      : [],
  ]);
  const linkById = new Map(links.map((l) => [l.id, l]));
  const memberById = new Map(members.map((m) => [m.id, m]));
  const invitationById = new Map(invitations.map((i) => [i.id, i]));

  const subjectOf = (e: (typeof events)[number]): string | null =>
    str(e.details?.userId) ??
    (e.action === 'invitation.accept' ? e.actor_user_id : null) ??
    linkById.get(e.entity_id ?? '')?.user_id ??
    memberById.get(e.entity_id ?? '')?.user_id ??
    null;
  const processOf = (e: (typeof events)[number]): string | null =>
    str(e.details?.processId) ?? linkById.get(e.entity_id ?? '')?.process_id ?? null;

  const userIds = ids(events.flatMap((e) => [e.actor_user_id, subjectOf(e)]));
  const processIds = ids(events.map(processOf));
  // Users are kernel rows (not a tenant's): only the ids this provider's own trail names are read.
  const [users, processes] = await Promise.all([
    userIds.length ? kernelDbOf(repo).selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', userIds).execute() : [],
    processIds.length
      ? repo.select('processes').select(['processes.id', 'processes.title']).where('processes.id', 'in', processIds).execute()
      : [],
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const titleById = new Map(processes.map((p) => [p.id, p.title]));

  return {
    hasMore: rows.length > size,
    items: events.map((e) => {
      const invitation = e.action.startsWith('invitation.') ? invitationById.get(e.entity_id ?? '') : undefined;
      const subject = subjectOf(e);
      const process = processOf(e);
      return {
        id: String(e.id),
        at: new Date(e.at).toISOString(),
        kind: grantActions[e.action as keyof typeof grantActions],
        actorName: displayName(userById.get(e.actor_user_id ?? '')),
        subjectName: displayName(userById.get(subject ?? '')) ?? invitation?.email ?? null,
        role: roleOf(e.details?.role) ?? invitation?.role ?? null,
        previousRole: roleOf(e.details?.previousRole),
        processTitle: process ? (titleById.get(process) ?? null) : null,
      };
    }),
  };
}

/** Distinct uuids only: a malformed id from an old event must not break the query. */
function ids(values: readonly (string | null | undefined)[]): string[] {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  return [...new Set(values.filter((v): v is string => !!v && uuid.test(v)))];
}

export async function securityRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.route({
    ...endpoint(securityApi.grants, { roles: ['provider_admin'] }),
    handler: async (req) => {
      const holders = await req.repo
        .select('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['memberships.id', 'users.name', 'users.email', 'memberships.role', 'memberships.created_at'])
        .where('memberships.role', 'in', [...staffRoles])
        .orderBy(sql`case memberships.role when 'provider_admin' then 0 when 'practitioner' then 1 else 2 end`)
        .orderBy('users.name')
        .limit(1000)
        .execute();
      const { items, hasMore } = await grantEvents(req.repo, req.query.page, req.query.pageSize);
      return {
        holders: holders.map((h) => ({
          membershipId: h.id,
          name: h.name || h.email,
          email: h.email,
          role: h.role,
          since: new Date(h.created_at).toISOString(),
        })),
        events: items,
        hasMore,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  });
}
