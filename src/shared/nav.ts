import type { Role } from './roles.js';

/**
 * A menu entry of the web app, as data: each server module's manifest names its entries, and the
 * web builds its menu from the same lists (src/web/app/nav.ts), so a module's pages and its menu
 * entries are declared together.
 */
export interface NavItem {
  to: string;
  /** i18n key of the label; `ns:key` (e.g. `intake:nav.queue`) looks it up in a module's namespace */
  label: string;
  group: 'main' | 'admin' | 'platform' | 'dev';
  /** Shown to a session holding any of these roles. */
  roles: readonly Role[];
  /** …unless it also holds one of these (the entry is then in another group for it). */
  unlessRoles?: readonly Role[];
}

/** The entries of `items` a session with these roles sees, in order. */
export function navFor(roles: readonly Role[], items: readonly NavItem[]): Pick<NavItem, 'to' | 'label' | 'group'>[] {
  return items
    .filter((i) => i.roles.some((r) => roles.includes(r)) && !i.unlessRoles?.some((r) => roles.includes(r)))
    .map(({ to, label, group }) => ({ to, label, group }));
}

export const intakeNav: readonly NavItem[] = [
  { to: '/intake', label: 'intake:nav.queue', group: 'main', roles: ['provider_admin', 'practitioner'] },
  { to: '/requests', label: 'intake:nav.requests', group: 'main', roles: ['client_contact'] },
  { to: '/admin/services', label: 'intake:nav.services', group: 'admin', roles: ['provider_admin'] },
  { to: '/admin/intake-settings', label: 'intake:nav.settings', group: 'admin', roles: ['provider_admin'] },
];

/** Processes (the `supervision` pages of the web). */
export const processesNav: readonly NavItem[] = [
  {
    to: '/processes',
    label: 'supervision:nav.processes',
    group: 'main',
    roles: ['provider_admin', 'practitioner', 'client_contact', 'participant'],
  },
];

/** Scheduling (the `supervision` pages of the web). */
export const schedulingNav: readonly NavItem[] = [
  // The calendar is per person (GET /api/calendar): a provider admin has none of their own.
  { to: '/calendar', label: 'supervision:nav.calendar', group: 'main', roles: ['practitioner', 'client_contact', 'participant'] },
  { to: '/availability', label: 'supervision:nav.availability', group: 'main', roles: ['practitioner'] },
  { to: '/admin/invoicing', label: 'supervision:nav.invoicing', group: 'admin', roles: ['provider_admin'] },
];

export const measuresNav: readonly NavItem[] = [
  { to: '/alerts', label: 'measures:nav.alerts', group: 'main', roles: ['practitioner'] },
  { to: '/my-results', label: 'measures:nav.myResults', group: 'main', roles: ['participant'] },
  { to: '/follow-up', label: 'measures:nav.followUp', group: 'main', roles: ['client_contact'] },
  { to: '/roi', label: 'measures:nav.roi', group: 'main', roles: ['client_contact'] },
  { to: '/admin/instruments', label: 'measures:nav.instruments', group: 'admin', roles: ['provider_admin'] },
  { to: '/follow-up', label: 'measures:nav.followUp', group: 'admin', roles: ['provider_admin'], unlessRoles: ['client_contact'] },
  { to: '/roi', label: 'measures:nav.roi', group: 'admin', roles: ['provider_admin'], unlessRoles: ['client_contact'] },
];
