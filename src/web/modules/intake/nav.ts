import type { Session } from '../../../shared/auth';
import { intakeNav, navFor } from '../../../shared/nav';
import type { NavEntry } from '../../app/nav';

/** Navigation entries of the intake module (labels in the `intake` namespace; data in src/shared/nav.ts). */
export function intakeNavEntries(session: Session): NavEntry[] {
  return navFor(session.roles, intakeNav);
}
