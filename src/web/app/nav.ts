import type { Session } from '../../shared/auth';
import type { NavItem } from '../../shared/nav';
import { intakeNavEntries } from '../modules/intake/nav';
import { measuresNavEntries } from '../modules/measures/nav';
import { supervisionNavEntries } from '../modules/supervision/nav';

/** A menu entry; the modules' entries are data in src/shared/nav.ts, named by their manifests. */
export type NavEntry = Pick<NavItem, 'to' | 'label' | 'group'>;

/** Navigation entries the session is allowed to see. */
export function navEntries(session: Session, outboxEnabled: boolean): NavEntry[] {
  const entries: NavEntry[] = [
    { to: '/', label: 'nav.home', group: 'main' },
    { to: '/profile', label: 'nav.profile', group: 'main' },
  ];
  if (session.roles.includes('provider_admin')) {
    entries.push(
      { to: '/admin/members', label: 'nav.members', group: 'admin' },
      { to: '/admin/invitations', label: 'nav.invitations', group: 'admin' },
      { to: '/admin/organisations', label: 'nav.organisations', group: 'admin' },
      { to: '/admin/audit', label: 'nav.audit', group: 'admin' },
      { to: '/admin/security', label: 'nav.security', group: 'admin' },
    );
  }
  entries.push(...intakeNavEntries(session));
  entries.push(...supervisionNavEntries(session));
  entries.push(...measuresNavEntries(session));
  if (session.user.isPlatformAdmin) {
    entries.push({ to: '/platform/providers', label: 'nav.providers', group: 'platform' });
  }
  if (outboxEnabled) {
    entries.push({ to: '/dev/outbox', label: 'nav.outbox', group: 'dev' });
  }
  return entries;
}
