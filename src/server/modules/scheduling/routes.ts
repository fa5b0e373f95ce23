import type { FastifyInstance } from 'fastify';

/** HTTP routes of the `scheduling` module: they translate HTTP to the module's service and nothing more. */
export async function schedulingRoutes(_root: FastifyInstance): Promise<void> {}
