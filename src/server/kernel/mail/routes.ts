import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../errors.js';
import { errors } from '../http/schemas.js';

/**
 * The development outbox: with no SMTP server, a newcomer reads invitation and reset mail here.
 * It exists only outside production, where the config turns it off.
 */
const isLoopback = (ip: string) => ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';

export async function outboxRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { kernel } = root;
  app.get(
    '/api/dev/outbox',
    {
      config: { access: 'public' },
      schema: {
        tags: ['development'],
        querystring: z.object({ to: z.string().max(254).optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                to: z.string(),
                subject: z.string(),
                text: z.string(),
                html: z.string().nullable(),
                attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), content: z.string() })),
                createdAt: z.string(),
                status: z.string(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
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
  );
}
