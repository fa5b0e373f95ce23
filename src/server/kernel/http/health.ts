import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { health, ready } from '../../../shared/health.js';
import { isReachable } from '../db/database.js';
import { endpoint } from './endpoint.js';

export async function healthRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.route({ ...endpoint(health, 'public'), handler: async () => ({ status: 'ok' as const }) });
  app.route({
    ...endpoint(ready, 'public'),
    handler: async (_req, reply) => {
      if (await isReachable(root.kernel.db.kysely)) return { status: 'ok' as const };
      return reply.status(503).send({ error: { code: 'unavailable', message: 'The database is unavailable' } });
    },
  });
}
