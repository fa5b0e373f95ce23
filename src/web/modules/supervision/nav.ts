import type { NavEntry } from '../../app/nav';
import type { Session } from '../../app/types';

/** Navigation entries of the supervision module (labels in the `supervision` namespace). */
export function supervisionNavEntries(session: Session): NavEntry[] {
  const entries: NavEntry[] = [];
  const roles = session.roles;
  const staff = roles.includes('provider_admin') || roles.includes('practitioner');
  if (staff || roles.includes('client_contact') || roles.includes('participant')) {
    entries.push({ to: '/processes', label: 'supervision:nav.processes', group: 'main' });
  }
  // The calendar is per person (GET /api/calendar): a provider admin has none of their own.
  if (roles.includes('practitioner') || roles.includes('client_contact') || roles.includes('participant')) {
    entries.push({ to: '/calendar', label: 'supervision:nav.calendar', group: 'main' });
  }
  if (roles.includes('practitioner')) {
    entries.push({ to: '/availability', label: 'supervision:nav.availability', group: 'main' });
  }
  if (roles.includes('provider_admin')) {
    entries.push({ to: '/admin/invoicing', label: 'supervision:nav.invoicing', group: 'admin' });
  }
  return entries;
}
