import { describe, expect, it } from 'vitest';
import { type Caller, namedSystemCaller, type SystemPurpose } from './caller.js';
import { type Action, decide, decideProviderSettings, forbiddenFields, policies, type TenantTable } from './policy.js';

// Named system callers (Medplum's named system repositories): each purpose reaches exactly the
// tables and actions its job needs, and none is a provider admin in disguise.

const purposes: SystemPurpose[] = [
  'checkin-sender',
  'alert-escalation',
  'reminders',
  'nudges',
  'intake-retention',
  'public-intake',
  'calendar-feed',
  'on-call-alert',
  'alert-recipients',
];
const actions: Action[] = ['read', 'create', 'update', 'delete', 'aggregate'];

/** Everything a caller may do, as `table:action` strings. */
function reach(caller: Caller): string[] {
  return (Object.keys(policies) as TenantTable[]).flatMap((table) =>
    actions.filter((a) => decide(caller, table, a).allowed).map((a) => `${table}:${a}`),
  );
}

const expected: Record<SystemPurpose, string[]> = {
  'checkin-sender': [
    'people:read',
    'processes:read',
    'process_participants:read',
    'process_status_changes:read',
    'meetings:read',
    'measure_settings:read',
    'custom_instruments:read',
    'instrument_translations:read',
    'checkin_plans:read',
    'checkins:read',
    'checkins:create',
    'checkins:update',
  ],
  'alert-escalation': [
    'memberships:read',
    'process_practitioners:read',
    'measure_settings:read',
    'measure_alerts:read',
    'measure_alerts:update',
  ],
  reminders: ['meetings:read', 'meetings:update', 'meeting_practitioners:read', 'meeting_attendance:read'],
  nudges: ['audit_events:read', 'processes:read', 'process_practitioners:read', 'meetings:read'],
  'intake-retention': ['requests:read', 'requests:delete'],
  'public-intake': ['requests:create'],
  'calendar-feed': ['memberships:read', 'availability:read', 'meeting_practitioners:read', 'calendar_feeds:read', 'calendar_feeds:update'],
  'on-call-alert': ['memberships:read'],
  'alert-recipients': ['process_practitioners:read'],
};

describe('named system callers', () => {
  for (const purpose of purposes) {
    it(`system:${purpose} reaches only what its purpose needs`, () => {
      expect(reach(namedSystemCaller('p1', purpose)).sort()).toEqual([...expected[purpose]].sort());
    });
  }

  it('never reads answers, notes, scaling or referral content', () => {
    for (const purpose of purposes) {
      const c = namedSystemCaller('p1', purpose);
      for (const table of ['responses', 'meeting_notes', 'scaling_scores', 'meeting_summaries'] as TenantTable[]) {
        expect(decide(c, table, 'read').allowed, `${purpose} ${table}`).toBe(false);
      }
    }
  });

  it('writes only the marker column its job sets', () => {
    expect(forbiddenFields(decide(namedSystemCaller('p1', 'reminders'), 'meetings', 'update'), ['status'])).toEqual(['status']);
    expect(forbiddenFields(decide(namedSystemCaller('p1', 'reminders'), 'meetings', 'update'), ['reminder_sent_at'])).toEqual([]);
    expect(forbiddenFields(decide(namedSystemCaller('p1', 'alert-escalation'), 'measure_alerts', 'update'), ['status'])).toEqual([
      'status',
    ]);
    const feed = decide(namedSystemCaller('p1', 'calendar-feed', { userId: 'u9' }), 'calendar_feeds', 'update');
    expect(forbiddenFields(feed, ['revoked_at', 'token_hash', 'user_id'])).toEqual(['revoked_at', 'token_hash', 'user_id']);
    expect(forbiddenFields(feed, ['last_fetched_at'])).toEqual([]);
  });

  it('the calendar feed reaches its owner’s rows only', () => {
    const d = decide(namedSystemCaller('p1', 'calendar-feed', { userId: 'u9' }), 'availability', 'read');
    expect(d.rowScopes).toEqual([{ column: 'user_id', values: ['u9'] }]);
    const m = decide(namedSystemCaller('p1', 'calendar-feed', { userId: 'u9' }), 'meeting_practitioners', 'read');
    expect(m.rowScopes).toEqual([{ column: 'process_id', subquery: 'processes.asPractitioner', values: [] }]);
    const f = decide(namedSystemCaller('p1', 'calendar-feed', { userId: 'u9' }), 'calendar_feeds', 'update', ['last_fetched_at']);
    expect(f.rowScopes).toEqual([{ column: 'user_id', values: ['u9'] }]);
  });
});

describe('provider settings', () => {
  const admin: Caller = {
    ...namedSystemCaller('p1', 'public-intake'),
    system: undefined,
    grants: [{ role: 'provider_admin', organisationId: null, unitId: null }],
  };
  const practitioner: Caller = { ...admin, grants: [{ role: 'practitioner', organisationId: null, unitId: null }] };

  it('are changed by the provider admin, the four settings only', () => {
    const d = decideProviderSettings(admin, 'update');
    expect(d.allowed).toBe(true);
    expect(forbiddenFields(d, ['first_contact_target_minutes', 'late_cancellation_hours'])).toEqual([]);
    expect(forbiddenFields(d, ['slug', 'name', 'country'])).toEqual(['slug', 'name', 'country']);
  });

  it('are not changed by anyone else, system callers included', () => {
    expect(decideProviderSettings(practitioner, 'update').allowed).toBe(false);
    for (const purpose of purposes) expect(decideProviderSettings(namedSystemCaller('p1', purpose), 'update').allowed).toBe(false);
  });
});
