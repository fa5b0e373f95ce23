import type { FastifyInstance } from 'fastify';

/** HTTP routes of the `processes` module: they translate HTTP to the module's service and nothing more. */
export async function processesRoutes(_root: FastifyInstance): Promise<void> {}
