import type { FastifyRequest } from 'fastify';
import { callerRoles } from '../access/caller.js';
import { forbidden, HttpError, unauthorised } from '../errors.js';
import type { RouteAccess } from './types.js';

/** Pure: may this request's caller reach a route declared with `access`? Throws the refusal. */
export function assertRouteAccess(req: Pick<FastifyRequest, 'caller' | 'session'>, access: RouteAccess): void {
  if (access === 'public') return;
  if (!req.session) throw unauthorised();
  if (access === 'session') return;
  if (req.session.stage !== 'signed-in') {
    throw new HttpError(401, 'second_factor_required', 'Complete the second factor first');
  }
  if (access === 'signed-in') return;
  if (access === 'platform-admin') {
    if (!req.caller.isPlatformAdmin) throw forbidden();
    return;
  }
  const roles = callerRoles(req.caller);
  if (!access.roles.some((r) => roles.includes(r))) throw forbidden();
}
