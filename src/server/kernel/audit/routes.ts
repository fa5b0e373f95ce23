import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cappedTotal } from '../db/count.js';
import { coercedDate, errors, page, pageSize, uuid } from '../http/schemas.js';
import { auditCount, auditSearch } from './queries.js';

const event = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

/** Read-only by design: no route changes or deletes an audit event, and the database refuses it too. */
export async function auditRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const access = { roles: ['provider_admin'] } as const;

  app.get(
    '/api/audit',
    {
      config: { access },
      schema: {
        tags: ['audit'],
        querystring: z
          .object({
            action: z.string().max(100).optional(),
            actorId: uuid.optional(),
            entityType: z.string().max(60).optional(),
            entityId: z.string().max(100).optional(),
            from: coercedDate.optional(),
            to: coercedDate.optional(),
            page,
            pageSize: pageSize(200, 50),
          })
          .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] }),
        response: {
          200: z.object({ items: z.array(event), total: z.number(), totalCapped: z.boolean(), page: z.number(), pageSize: z.number() }),
          ...errors,
        },
      },
    },
    async (req) => {
      const q = req.query;
      const [rows, counted] = await Promise.all([auditSearch(req.repo, q).execute(), auditCount(req.repo, q).executeTakeFirst()]);
      return {
        items: rows.map((r) => ({
          id: String(r.id),
          at: new Date(r.at).toISOString(),
          actorId: r.actor_user_id,
          actorName: r.name,
          actorEmail: r.email,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          ip: r.ip,
          userAgent: r.user_agent,
        })),
        ...cappedTotal(counted),
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  app.get(
    '/api/audit/actions',
    { config: { access }, schema: { tags: ['audit'], response: { 200: z.object({ items: z.array(z.string()) }), ...errors } } },
    async (req) => {
      const rows = await req.repo.select('audit_events').select('audit_events.action').distinct().orderBy('audit_events.action').execute();
      return { items: rows.map((r) => r.action) };
    },
  );
}
