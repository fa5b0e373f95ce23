import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { providerRoutes } from '../../../shared/tenancy.js';
import { systemCaller } from '../access/caller.js';
import { Repository } from '../access/repository.js';
import { appendAudit } from '../audit/audit.js';
import { notFound } from '../errors.js';
import { endpoint } from '../http/endpoint.js';
import { createInvitation } from './invitations.js';

const defaults = {
  FI: { locale: 'fi', zone: 'Europe/Helsinki' },
  SE: { locale: 'sv', zone: 'Europe/Stockholm' },
  NO: { locale: 'nb', zone: 'Europe/Oslo' },
} as const;

/** The platform admin creates providers and their first administrator, and sees no client content. */
export async function platformRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { kernel } = root;
  const db = kernel.db.kysely;

  app.route({
    ...endpoint(providerRoutes.list, 'platform-admin'),
    handler: async () => {
      const rows = await db.selectFrom('providers').selectAll().orderBy('name').execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          slug: r.slug,
          country: r.country,
          createdAt: new Date(r.created_at).toISOString(),
        })),
      };
    },
  });

  app.route({
    ...endpoint(providerRoutes.create, 'platform-admin'),
    handler: async (req, reply) => {
      const d = defaults[req.body.country];
      const created = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('providers')
          .values({ name: req.body.name, slug: req.body.slug, country: req.body.country, default_locale: d.locale, time_zone: d.zone })
          .returningAll()
          .executeTakeFirstOrThrow();
        await appendAudit(trx, req.caller, { action: 'provider.create', entityType: 'provider', entityId: row.id, providerId: row.id });
        const asProvider = new Repository(
          trx,
          {
            ...systemCaller(row.id),
            userId: req.caller.userId,
            ip: req.caller.ip,
            userAgent: req.caller.userAgent,
            requestId: req.caller.requestId,
          },
          true,
        );
        await createInvitation(kernel, asProvider, { email: req.body.adminEmail, role: 'provider_admin' });
        return row;
      });
      return reply.status(201).send({
        id: created.id,
        name: created.name,
        slug: created.slug,
        country: created.country,
        createdAt: new Date(created.created_at).toISOString(),
      });
    },
  });

  // Nobody grants a role to themself, so a provider with a single admin gets a second admin, or its
  // admin a practitioner's role, from the platform admin: the invitation is theirs, in the
  // provider's own trail, and on its security view.
  app.route({
    ...endpoint(providerRoutes.invite, 'platform-admin'),
    handler: async (req, reply) => {
      const exists = await db.selectFrom('providers').select('id').where('id', '=', req.params.id).executeTakeFirst();
      if (!exists) throw notFound();
      const asProvider = new Repository(db, {
        ...systemCaller(exists.id),
        userId: req.caller.userId,
        ip: req.caller.ip,
        userAgent: req.caller.userAgent,
        requestId: req.caller.requestId,
      });
      const created = await createInvitation(kernel, asProvider, { email: req.body.email, role: req.body.role });
      return reply
        .status(201)
        .send({ id: created.id, email: created.email, role: created.role, expiresAt: new Date(created.expires_at).toISOString() });
    },
  });
}
