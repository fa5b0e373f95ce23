import type { Session } from '../../../shared/auth';
import { measuresNav, navFor } from '../../../shared/nav';
import type { NavEntry } from '../../app/nav';

/** Navigation entries of the measures module (labels in the `measures` namespace; data in src/shared/nav.ts). */
export function measuresNavEntries(session: Session): NavEntry[] {
  return navFor(session.roles, measuresNav);
}
