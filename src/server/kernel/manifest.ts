import { kernelPolicy } from './access/kernel-policy.js';
import * as m0014 from './db/migrations/0014_kernel_provider_business_id.js';
import { migrations as history } from './db/migrations/index.js';
import { defineModule, defineTable } from './module.js';

// The kernel's own manifest: its tables (accounts, sessions, providers, memberships, organisations,
// the audit trail, mail), the historic migrations 0001–0010 (they predate the manifests and create
// every module's tables too; they stay byte-identical under their names, as databases in the field
// recorded them), its grants, routes and walk. Its jobs need the raw database and the mail
// transport, so main.ts starts them itself (kernel/jobs/kernel-jobs.ts).

export const kernelManifest = defineModule({
  name: 'kernel',
  tables: [
    defineTable('providers', {
      tenant: false,
      columns: {
        id: 'uuid',
        name: 'text',
        slug: 'text',
        country: 'text',
        default_locale: 'text',
        time_zone: 'text',
        created_at: 'timestamptz',
        first_contact_target_minutes: 'int4',
        late_cancellation_hours: 'int4',
        late_cancellation_charge_percent: 'int4',
        participant_cancellation_hours: 'int4',
        business_id: 'text?',
      },
      personal: { category: 'none', why: 'The provider (a company), its settings and terms: no person.' },
    }),
    defineTable('users', {
      tenant: false,
      columns: {
        id: 'uuid',
        email: 'text',
        name: 'text',
        password_hash: 'text?',
        locale: 'text?',
        time_zone: 'text?',
        totp_secret: 'text?',
        totp_pending_secret: 'text?',
        totp_enabled_at: 'timestamptz?',
        totp_last_step: 'int8?',
        is_platform_admin: 'bool',
        disabled_at: 'timestamptz?',
        created_at: 'timestamptz',
        updated_at: 'timestamptz',
      },
      personal: {
        category: 'ordinary',
        what: 'an account: name, e-mail, language, time zone, second-factor secrets',
        retention: { rule: 'As long as the account has a membership; a disabled account is kept for the audit trail.' },
        find: { subject: 'user', column: 'id' },
        export: 'the profile (name, e-mail, locale, time zone); never the password hash or secrets',
        erase: {
          how: 'anonymise',
          detail:
            'name and e-mail replaced, password and second factor cleared, disabled_at set; the row stays so audit events keep their actor',
        },
      },
    }),
    defineTable('organisations', {
      tenant: true,
      columns: {
        id: 'uuid',
        provider_id: 'uuid',
        name: 'text',
        business_id: 'text?',
        created_at: 'timestamptz',
      },
      personal: { category: 'none', why: 'A client organisation (an employer); its contact people are in people and users.' },
    }),
    defineTable('units', {
      tenant: true,
      columns: {
        id: 'uuid',
        provider_id: 'uuid',
        organisation_id: 'uuid',
        parent_id: 'uuid?',
        name: 'text',
        created_at: 'timestamptz',
      },
      personal: { category: 'none', why: 'A unit of a client organisation.' },
    }),
    defineTable('memberships', {
      tenant: true,
      columns: {
        id: 'uuid',
        provider_id: 'uuid',
        user_id: 'uuid',
        role: 'text',
        organisation_id: 'uuid?',
        unit_id: 'uuid?',
        created_at: 'timestamptz',
        on_call: 'bool',
      },
      personal: {
        category: 'ordinary',
        what: 'which roles a user holds at a provider',
        retention: { rule: 'As long as the role is held.' },
        find: { subject: 'user', column: 'user_id' },
        export: 'role, organisation and unit per provider',
        erase: { how: 'delete', detail: 'the memberships go with the account' },
      },
    }),
    defineTable('invitations', {
      tenant: true,
      columns: {
        id: 'uuid',
        provider_id: 'uuid',
        email: 'text',
        role: 'text',
        organisation_id: 'uuid?',
        unit_id: 'uuid?',
        token_hash: 'text',
        invited_by: 'uuid?',
        expires_at: 'timestamptz',
        accepted_at: 'timestamptz?',
        revoked_at: 'timestamptz?',
        created_at: 'timestamptz',
      },
      personal: {
        category: 'ordinary',
        what: 'an invited e-mail address and role',
        retention: { rule: 'Until accepted, revoked or expired; expired ones kept for the admin list (not enforced yet).' },
        find: { subject: 'contact', column: 'email' },
        export: 'address, role, when invited and by whom',
        erase: { how: 'delete', detail: 'the invitation rows of the address' },
      },
    }),
    defineTable('sessions', {
      tenant: false,
      columns: {
        id: 'uuid',
        token_hash: 'text',
        user_id: 'uuid',
        provider_id: 'uuid?',
        mfa_verified_at: 'timestamptz?',
        created_at: 'timestamptz',
        last_seen_at: 'timestamptz',
        expires_at: 'timestamptz',
        ip: 'text?',
        user_agent: 'text?',
      },
      personal: {
        category: 'ordinary',
        what: 'sign-in sessions: IP address and browser',
        retention: { rule: 'Until expiry.', enforcedBy: 'job expired-credentials-cleanup (kernel/jobs/kernel-jobs.ts)' },
        find: { subject: 'user', column: 'user_id' },
        export: 'start, last use, IP, browser',
        erase: { how: 'delete', detail: 'every session of the user (signs them out)' },
      },
    }),
    defineTable('password_resets', {
      tenant: false,
      columns: {
        id: 'uuid',
        user_id: 'uuid',
        token_hash: 'text',
        expires_at: 'timestamptz',
        used_at: 'timestamptz?',
        created_at: 'timestamptz',
      },
      personal: {
        category: 'ordinary',
        what: 'a reset link issued to the account (hash only)',
        retention: { rule: 'Until expiry.', enforcedBy: 'job expired-credentials-cleanup' },
        find: { subject: 'user', column: 'user_id' },
        export: 'when issued and used',
        erase: { how: 'delete', detail: 'the rows of the user' },
      },
    }),
    defineTable('recovery_codes', {
      tenant: false,
      columns: {
        id: 'uuid',
        user_id: 'uuid',
        code_hash: 'text',
        used_at: 'timestamptz?',
      },
      personal: {
        category: 'ordinary',
        what: 'second-factor recovery codes (hashes)',
        retention: { rule: 'As long as the second factor is enrolled.' },
        find: { subject: 'user', column: 'user_id' },
        export: 'how many are left, never the codes',
        erase: { how: 'delete', detail: 'the rows of the user' },
      },
    }),
    defineTable('sign_in_throttle', {
      tenant: false,
      columns: {
        subject_hash: 'text',
        failures: 'int4',
        last_attempt_at: 'timestamptz',
      },
      personal: { category: 'none', why: 'Failure counts keyed by a keyed hash of an address: not reversible to a person; rows expire.' },
    }),
    defineTable('audit_events', {
      tenant: true,
      columns: {
        id: 'int8',
        provider_id: 'uuid?',
        at: 'timestamptz',
        actor_user_id: 'uuid?',
        action: 'text',
        entity_type: 'text?',
        entity_id: 'text?',
        ip: 'text?',
        user_agent: 'text?',
        request_id: 'text?',
        details: 'jsonb?',
        chain_seq: 'int8',
        prev_hash: 'text',
        hash: 'text',
      },
      personal: {
        category: 'ordinary',
        what: 'who did what, when, from which IP',
        retention: { rule: "The provider's audit period (the chain must stay whole: rows are never changed)." },
        find: { subject: 'user', column: 'actor_user_id' },
        export: 'the events the user acted in',
        erase: {
          how: 'keep',
          detail: 'an append-only, hash-chained trail (legal obligation, art. 17(3)(b)); the actor row is anonymised in users instead',
        },
      },
    }),
    defineTable('audit_chain_heads', {
      tenant: false,
      columns: {
        id: 'text',
        seq: 'int8',
        hash: 'text',
      },
      personal: { category: 'none', why: 'The last hash of each audit chain.' },
    }),
    defineTable('mail_outbox', {
      tenant: false,
      columns: {
        id: 'uuid',
        provider_id: 'uuid?',
        to_address: 'text',
        subject: 'text',
        text_body: 'text?',
        html_body: 'text?',
        status: 'text',
        attempts: 'int4',
        next_attempt_at: 'timestamptz',
        last_error: 'text?',
        sent_at: 'timestamptz?',
        created_at: 'timestamptz',
        attachments: 'jsonb?',
        claimed_until: 'timestamptz?',
        claimed_by: 'text?',
      },
      personal: {
        category: 'ordinary',
        what: 'mail to an address: subject, and the body until sent',
        retention: {
          rule: 'Bodies are emptied once sent or given up; the row is kept as the delivery record.',
          enforcedBy: 'mail delivery (kernel/mail/mailer.ts) empties bodies',
        },
        find: { subject: 'contact', column: 'to_address' },
        export: 'subject, status, when sent',
        erase: { how: 'anonymise', detail: 'the address and subject are blanked; bodies are already empty once sent' },
      },
    }),
  ],
  migrations: { ...history, '0014_kernel_provider_business_id': m0014 },
  policy: kernelPolicy,
  routes: async () => {
    const [health, auth, tenancy, security, audit, platform, outbox] = await Promise.all([
      import('./http/health.js'),
      import('./auth/routes.js'),
      import('./tenancy/routes.js'),
      import('./tenancy/security.js'),
      import('./audit/routes.js'),
      import('./tenancy/platform.js'),
      import('./mail/routes.js'),
    ]);
    return [
      health.healthRoutes,
      auth.authRoutes,
      tenancy.tenancyRoutes,
      security.securityRoutes,
      audit.auditRoutes,
      platform.platformRoutes,
      outbox.outboxRoutes,
    ];
  },
  walk: async () => (await import('./access/kernel.walk.js')).kernelWalk,
  snapshots: async () => {
    const [{ sessionLookupQuery }, { memberSearch }, { auditSearch }] = await Promise.all([
      import('./auth/sessions.js'),
      import('./tenancy/queries.js'),
      import('./audit/queries.js'),
    ]);
    const admin = [{ role: 'provider_admin' as const, organisationId: null, unitId: null }];
    return {
      'session lookup (every signed-in request)': ({ db }) => sessionLookupQuery(db, 'token-hash'),
      'member search, provider admin, filtered': ({ repo }) =>
        memberSearch(repo(admin), { q: 'ann', role: 'participant', organisationId: 'org-1', page: 3, pageSize: 25 }),
      'member search, provider admin, unfiltered': ({ repo }) => memberSearch(repo(admin), { page: 1, pageSize: 25 }),
      'organisations as a client contact (row scope)': ({ repo }) =>
        repo([{ role: 'client_contact', organisationId: 'org-1', unitId: null }])
          .select('organisations')
          .selectAll('organisations'),
      'audit browse, provider admin': ({ repo }) =>
        auditSearch(repo(admin), { action: 'auth.sign_in', from: new Date('2026-01-01T00:00:00Z'), page: 1, pageSize: 50 }),
    };
  },
  // The kernel's menu entries (profile, administration, platform) are the web app's own (src/web/app/nav.ts).
  nav: [],
});
