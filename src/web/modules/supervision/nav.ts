import type { Session } from '../../../shared/auth';
import { navFor, processesNav, schedulingNav } from '../../../shared/nav';
import type { NavEntry } from '../../app/nav';

/**
 * Navigation entries of the supervision pages: the processes and scheduling modules' entries
 * (labels in the `supervision` namespace; data in src/shared/nav.ts).
 */
export function supervisionNavEntries(session: Session): NavEntry[] {
  return navFor(session.roles, [...processesNav, ...schedulingNav]);
}
