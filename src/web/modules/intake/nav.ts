import type { NavEntry } from '../../app/nav';
import type { Session } from '../../app/types';

/** Navigation entries of the intake module (labels in the `intake` namespace). */
export function intakeNavEntries(session: Session): NavEntry[] {
  const entries: NavEntry[] = [];
  const roles = session.roles;
  if (roles.includes('provider_admin') || roles.includes('practitioner')) {
    entries.push({ to: '/intake', label: 'intake:nav.queue', group: 'main' });
  }
  if (roles.includes('client_contact')) {
    entries.push({ to: '/requests', label: 'intake:nav.requests', group: 'main' });
  }
  if (roles.includes('provider_admin')) {
    entries.push(
      { to: '/admin/services', label: 'intake:nav.services', group: 'admin' },
      { to: '/admin/intake-settings', label: 'intake:nav.settings', group: 'admin' },
    );
  }
  return entries;
}
