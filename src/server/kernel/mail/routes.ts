import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { outboxRoutes as outboxApi } from '../../../shared/outbox.js';
import { notFound } from '../errors.js';
import { endpoint } from '../http/endpoint.js';

/**
 * The development outbox: with no SMTP server, a newcomer reads invitation and reset mail here.
 * It exists only outside production, where the config turns it off.
 */
const isLoopback = (ip: string) => ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';

export async function outboxRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { kernel } = root;
  app.route({
    ...endpoint(outboxApi.list, 'public'),
    handler: async (req) => {
      // Reset and invitation links are credentials: even in development only this machine reads them.
      if (!kernel.config.devOutbox || !isLoopback(req.ip)) throw notFound();
      let query = kernel.db.kysely.selectFrom('mail_outbox').selectAll();
      if (req.query.to) query = query.where((eb) => eb(eb.fn('lower', ['to_address']), '=', req.query.to!.toLowerCase()));
      const rows = await query.orderBy('created_at', 'desc').limit(200).execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          to: r.to_address,
          subject: r.subject,
          // A delivered mail keeps its metadata only; its body is gone.
          text: r.text_body ?? '',
          html: r.html_body,
          attachments: (typeof r.attachments === 'string' ? JSON.parse(r.attachments) : r.attachments) ?? [],
          createdAt: new Date(r.created_at).toISOString(),
          status: r.status,
        })),
      };
    },
  });
}
