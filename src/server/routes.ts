import type { FastifyInstance } from 'fastify';
import { auditRoutes } from './kernel/audit/routes.js';
import { authRoutes } from './kernel/auth/routes.js';
import { healthRoutes } from './kernel/http/health.js';
import { outboxRoutes } from './kernel/mail/routes.js';
import { platformRoutes } from './kernel/tenancy/platform.js';
import { tenancyRoutes } from './kernel/tenancy/routes.js';
import { securityRoutes } from './kernel/tenancy/security.js';
import { homeRoutes } from './modules/home/routes.js';
import { intakeRoutes } from './modules/intake/routes.js';
import { measuresRoutes } from './modules/measures/routes.js';
import { processesRoutes } from './modules/processes/routes.js';
import { schedulingRoutes } from './modules/scheduling/routes.js';

/** Every module's routes, registered in this order; a module adds itself here. */
export const routeModules: ((app: FastifyInstance) => Promise<void>)[] = [
  healthRoutes,
  authRoutes,
  tenancyRoutes,
  securityRoutes,
  auditRoutes,
  platformRoutes,
  outboxRoutes,
  homeRoutes,
  intakeRoutes,
  processesRoutes,
  schedulingRoutes,
  measuresRoutes,
];
