import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditRoutes as auditApi } from '../../../shared/audit.js';
import { cappedTotal } from '../db/count.js';
import { endpoint } from '../http/endpoint.js';
import { auditActors, auditCount, auditSearch, auditTargets } from './queries.js';

/** Read-only by design: no route changes or deletes an audit event, and the database refuses it too. */
export async function auditRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const access = { roles: ['provider_admin'] } as const;

  app.route({
    ...endpoint(auditApi.list, access),
    handler: async (req) => {
      const q = req.query;
      const [rows, counted] = await Promise.all([auditSearch(req.repo, q).execute(), auditCount(req.repo, q).executeTakeFirst()]);
      const targets = await auditTargets(req.repo, rows);
      return {
        items: rows.map((r) => {
          const target = r.entity_type && r.entity_id ? targets.get(`${r.entity_type}:${r.entity_id}`) : undefined;
          return {
            id: String(r.id),
            at: new Date(r.at).toISOString(),
            actorId: r.actor_user_id,
            actorName: r.name,
            actorEmail: r.email,
            action: r.action,
            entityType: r.entity_type,
            entityId: r.entity_id,
            targetName: target?.name ?? null,
            targetAt: target?.at ? target.at.toISOString() : null,
            ip: r.ip,
            userAgent: r.user_agent,
          };
        }),
        ...cappedTotal(counted),
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  });

  app.route({
    ...endpoint(auditApi.actors, access),
    handler: async (req) => {
      const rows = await auditActors(req.repo).execute();
      return { items: rows.map((r) => ({ id: r.id, name: r.name, email: r.email })) };
    },
  });

  app.route({
    ...endpoint(auditApi.actions, access),
    handler: async (req) => {
      const rows = await req.repo.select('audit_events').select('audit_events.action').distinct().orderBy('audit_events.action').execute();
      return { items: rows.map((r) => r.action) };
    },
  });
}
