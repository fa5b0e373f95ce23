import { describe, expect, it } from 'vitest';
import { measuresNav, navFor, processesNav, schedulingNav } from './nav.js';

describe('menu entries as data', () => {
  it('shows an entry to any of its roles, unless the session also holds an excluded one', () => {
    const admin = navFor(['provider_admin'], measuresNav).map((e) => `${e.group} ${e.to}`);
    expect(admin).toEqual(['admin /admin/instruments', 'admin /follow-up', 'admin /roi']);
    const both = navFor(['provider_admin', 'client_contact'], measuresNav).map((e) => `${e.group} ${e.to}`);
    expect(both).toEqual(['main /follow-up', 'main /roi', 'admin /admin/instruments']);
  });

  it('gives a provider admin no calendar of their own', () => {
    expect(navFor(['provider_admin'], [...processesNav, ...schedulingNav]).map((e) => e.to)).toEqual(['/processes', '/admin/invoicing']);
  });
});
