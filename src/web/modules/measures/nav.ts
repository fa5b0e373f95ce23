import type { NavEntry } from '../../app/nav';
import type { Session } from '../../app/types';

/** Navigation entries of the measures module (labels in the `measures` namespace). */
export function measuresNavEntries(session: Session): NavEntry[] {
  const entries: NavEntry[] = [];
  const roles = session.roles;
  if (roles.includes('practitioner')) {
    entries.push({ to: '/alerts', label: 'measures:nav.alerts', group: 'main' });
  }
  if (roles.includes('participant')) {
    entries.push({ to: '/my-results', label: 'measures:nav.myResults', group: 'main' });
  }
  if (roles.includes('client_contact')) {
    entries.push(
      { to: '/follow-up', label: 'measures:nav.followUp', group: 'main' },
      { to: '/roi', label: 'measures:nav.roi', group: 'main' },
    );
  }
  if (roles.includes('provider_admin')) {
    entries.push({ to: '/admin/instruments', label: 'measures:nav.instruments', group: 'admin' });
    if (!roles.includes('client_contact')) {
      entries.push(
        { to: '/follow-up', label: 'measures:nav.followUp', group: 'admin' },
        { to: '/roi', label: 'measures:nav.roi', group: 'admin' },
      );
    }
  }
  return entries;
}
