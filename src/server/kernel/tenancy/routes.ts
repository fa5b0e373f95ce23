import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { invitationRoutes, memberRoutes, organisationRoutes } from '../../../shared/tenancy.js';
import type { Repository } from '../access/repository.js';
import { setSessionCookie } from '../auth/routes.js';
import { lookupSession } from '../auth/sessions.js';
import { cappedTotal } from '../db/count.js';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../errors.js';
import { endpoint } from '../http/endpoint.js';
import { type Role, roleShapeProblem } from '../roles.js';
import { checkedBusinessId } from './business-id.js';
import { acceptInvitation, createInvitation, describeInvitation, selfGrant } from './invitations.js';
import { escapeLike, memberCount, memberSearch } from './queries.js';

const admin = { roles: ['provider_admin'] } as const;
const staff = { roles: ['provider_admin', 'practitioner'] } as const;

/** A provider must always keep one administrator; decided inside the caller's scope and transaction. */
async function wouldRemoveLastAdmin(repo: Repository, membershipId: string, newRole?: Role): Promise<boolean> {
  if (newRole === 'provider_admin') return false;
  const target = await repo.select('memberships').select('memberships.role').where('memberships.id', '=', membershipId).executeTakeFirst();
  if (target?.role !== 'provider_admin') return false;
  const admins = await repo
    .select('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('memberships.role', '=', 'provider_admin')
    .executeTakeFirst();
  return Number(admins?.n ?? 0) <= 1;
}

/**
 * The membership a caller is about to change or remove. One's own is refused (policy.ts keeps it
 * out of reach too; this answers why): a role is granted, changed and taken away by another admin,
 * so nobody promotes themself, and nobody removes or demotes themself out of the last admin role.
 */
async function membershipToChange(repo: Repository, id: string) {
  const target = await repo
    .select('memberships')
    .select(['memberships.role', 'memberships.organisation_id', 'memberships.user_id'])
    .where('memberships.id', '=', id)
    .executeTakeFirst();
  if (!target) throw notFound();
  if (target.user_id === repo.caller.userId) throw selfGrant('id');
  return target;
}

const iso = (d: Date | string) => new Date(d).toISOString();

export async function tenancyRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { kernel } = root;

  app.route({
    ...endpoint(memberRoutes.list, staff),
    handler: async (req) => {
      const { page: pageNo, pageSize: size } = req.query;
      const [rows, counted] = await Promise.all([
        memberSearch(req.repo, req.query).execute(),
        memberCount(req.repo, req.query).executeTakeFirst(),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          userId: r.user_id,
          name: r.name,
          email: r.email,
          role: r.role,
          organisationId: r.organisation_id,
          organisationName: r.organisation_name,
          createdAt: iso(r.created_at),
        })),
        ...cappedTotal(counted),
        page: pageNo,
        pageSize: size,
      };
    },
  });

  app.route({
    ...endpoint(memberRoutes.update, admin),
    handler: async (req) =>
      req.repo.transaction(async (tx) => {
        const target = await membershipToChange(tx, req.params.id);
        const shape = roleShapeProblem(req.body.role, target.organisation_id, 'role');
        if (shape) throw badRequest('The role does not fit this membership', [shape]);
        if (await wouldRemoveLastAdmin(tx, req.params.id, req.body.role)) throw conflict('A provider must keep at least one administrator');
        const row = await tx.update(
          'memberships',
          req.params.id,
          { role: req.body.role },
          // Named in the event itself, so the security view can say who got what from whom.
          { details: { role: req.body.role, previousRole: target.role, userId: target.user_id } },
        );
        return { id: row.id, role: row.role };
      }),
  });

  app.route({
    ...endpoint(memberRoutes.remove, admin),
    handler: async (req, reply) => {
      await req.repo.transaction(async (tx) => {
        const target = await membershipToChange(tx, req.params.id);
        if (await wouldRemoveLastAdmin(tx, req.params.id)) throw conflict('A provider must keep at least one administrator');
        await tx.delete('memberships', req.params.id, { details: { role: target.role, userId: target.user_id } });
      });
      return reply.status(204).send(null);
    },
  });

  app.route({
    ...endpoint(invitationRoutes.list, admin),
    handler: async (req) => {
      const now = kernel.clock.now();
      let query = req.repo.select('invitations').leftJoin('organisations', 'organisations.id', 'invitations.organisation_id');
      if (req.query.status === 'pending') {
        query = query
          .where('invitations.accepted_at', 'is', null)
          .where('invitations.revoked_at', 'is', null)
          .where('invitations.expires_at', '>', now);
      }
      const rows = await query
        .select([
          'invitations.id',
          'invitations.email',
          'invitations.role',
          'invitations.organisation_id',
          'organisations.name as organisation_name',
          'invitations.created_at',
          'invitations.expires_at',
          'invitations.accepted_at',
          'invitations.revoked_at',
        ])
        .orderBy('invitations.created_at', 'desc')
        .limit(500)
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          email: r.email,
          role: r.role,
          organisationId: r.organisation_id,
          organisationName: r.organisation_name,
          createdAt: iso(r.created_at),
          expiresAt: iso(r.expires_at),
          status: r.accepted_at
            ? ('accepted' as const)
            : r.revoked_at
              ? ('revoked' as const)
              : new Date(r.expires_at) <= now
                ? ('expired' as const)
                : ('pending' as const),
        })),
      };
    },
  });

  app.route({
    ...endpoint(invitationRoutes.create, admin),
    handler: async (req, reply) => {
      const created = await createInvitation(kernel, req.repo, req.body);
      return reply.status(201).send({
        id: created.id,
        email: created.email,
        role: created.role,
        organisationId: created.organisation_id,
        organisationName: created.organisationName,
        createdAt: iso(created.created_at),
        expiresAt: iso(created.expires_at),
        status: 'pending' as const,
      });
    },
  });

  app.route({
    ...endpoint(invitationRoutes.revoke, admin),
    handler: async (req, reply) => {
      await req.repo.update('invitations', req.params.id, { revoked_at: kernel.clock.now() }, { action: 'invitation.revoke' });
      return reply.status(204).send(null);
    },
  });

  app.route({
    ...endpoint(invitationRoutes.byToken, 'public'),
    config: { access: 'public', rateLimit: { max: kernel.config.authRateLimitPerMinute, timeWindow: '1 minute' } },
    handler: async (req) => describeInvitation(kernel, req.params.token),
  });

  app.route({
    ...endpoint(invitationRoutes.accept, 'public'),
    config: { access: 'public', rateLimit: { max: kernel.config.authRateLimitPerMinute, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      const { sessionToken } = await acceptInvitation(kernel, req.caller, req.params.token, req.body);
      if (sessionToken) {
        setSessionCookie(root, reply, sessionToken);
        const found = await lookupSession(kernel.db, kernel.clock, sessionToken, kernel.config.sessionTtlHours);
        return { stage: found?.session.stage ?? 'signed-in' };
      }
      return { stage: req.session?.stage ?? 'signed-in' };
    },
  });

  app.route({
    ...endpoint(organisationRoutes.list, 'signed-in'),
    handler: async (req) => {
      if (!req.repo.can('organisations', 'read')) throw forbidden();
      const { q, page: pageNo, pageSize: size } = req.query;
      let query = req.repo.select('organisations');
      if (q) query = query.where((eb) => eb(eb.fn('lower', ['organisations.name']), 'like', `%${escapeLike(q.toLowerCase())}%`));
      const rows = await query
        .select([
          'organisations.id',
          'organisations.name',
          'organisations.business_id',
          'organisations.created_at',
          sql<number>`(select count(*) from units u where u.organisation_id = organisations.id)`.as('unit_count'),
          sql<number>`count(*) over ()`.as('total'),
        ])
        .orderBy('organisations.name')
        .limit(size)
        .offset((pageNo - 1) * size)
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          businessId: r.business_id,
          unitCount: Number(r.unit_count),
          createdAt: iso(r.created_at),
        })),
        total: Number(rows[0]?.total ?? 0),
        page: pageNo,
        pageSize: size,
      };
    },
  });

  app.route({
    ...endpoint(organisationRoutes.create, admin),
    handler: async (req, reply) => {
      const country = (await req.repo.provider()).country;
      const businessId = req.body.businessId ? checkedBusinessId(country, req.body.businessId, 'businessId') : null;
      const row = await req.repo.insert('organisations', { name: req.body.name, business_id: businessId });
      return reply
        .status(201)
        .send({ id: row.id, name: row.name, businessId: row.business_id, unitCount: 0, createdAt: iso(row.created_at) });
    },
  });

  async function organisationDetailOf(repo: Repository, id: string) {
    const org = await repo.select('organisations').selectAll('organisations').where('organisations.id', '=', id).executeTakeFirst();
    if (!org) throw notFound();
    const units = repo.can('units', 'read')
      ? await repo
          .select('units')
          .select(['units.id', 'units.name', 'units.parent_id'])
          .where('units.organisation_id', '=', id)
          .orderBy('units.name')
          .execute()
      : [];
    return {
      id: org.id,
      name: org.name,
      businessId: org.business_id,
      units: units.map((u) => ({ id: u.id, name: u.name, parentId: u.parent_id })),
    };
  }

  app.route({
    ...endpoint(organisationRoutes.get, 'signed-in'),
    handler: async (req) => organisationDetailOf(req.repo, req.params.id),
  });

  app.route({
    ...endpoint(organisationRoutes.update, admin),
    handler: async (req) => {
      const { businessId } = req.body;
      const checked = businessId ? checkedBusinessId((await req.repo.provider()).country, businessId, 'businessId') : businessId;
      await req.repo.update('organisations', req.params.id, {
        ...(req.body.name !== undefined ? { name: req.body.name } : {}),
        ...(checked !== undefined ? { business_id: checked } : {}),
      });
      return organisationDetailOf(req.repo, req.params.id);
    },
  });

  app.route({
    ...endpoint(organisationRoutes.createUnit, admin),
    handler: async (req, reply) => {
      const unit = await req.repo.transaction(async (tx) => {
        const orgOk = await tx.readableIds('organisations', [req.params.id]);
        if (!orgOk.has(req.params.id)) throw notFound();
        if (req.body.parentId) {
          const parent = await tx
            .select('units')
            .select('units.id')
            .where('units.id', '=', req.body.parentId)
            .where('units.organisation_id', '=', req.params.id)
            .executeTakeFirst();
          if (!parent) throw unprocessable('invalid_reference', 'Unknown parent unit', [{ path: 'parentId', message: 'not found' }]);
        }
        return tx.insert('units', { organisation_id: req.params.id, name: req.body.name, parent_id: req.body.parentId ?? null });
      });
      return reply.status(201).send({ id: unit.id, name: unit.name, parentId: unit.parent_id });
    },
  });
}
