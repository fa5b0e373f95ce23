import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isReachable } from '../db/database.js';

export async function healthRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const status = z.object({ status: z.enum(['ok', 'unavailable']) });
  app.get('/healthz', { config: { access: 'public' }, schema: { tags: ['health'], response: { 200: status } } }, async () => ({
    status: 'ok' as const,
  }));
  app.get(
    '/readyz',
    { config: { access: 'public' }, schema: { tags: ['health'], response: { 200: status, 503: status } } },
    async (_req, reply) => {
      if (await isReachable(root.kernel.db.kysely)) return { status: 'ok' as const };
      return reply.status(503).send({ status: 'unavailable' as const });
    },
  );
}
