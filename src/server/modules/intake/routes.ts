import type { FastifyInstance } from 'fastify';

/** HTTP routes of the `intake` module: they translate HTTP to the module's service and nothing more. */
export async function intakeRoutes(_root: FastifyInstance): Promise<void> {}
