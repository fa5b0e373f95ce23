import type { Grant, TenantTable } from '../../kernel/access/policy.js';

// The intake module's policy fragment: who may do what on its tables. The kernel composes the one
// policy from every manifest's fragment (kernel/access/policy.ts); `decide()` reads the result.

export const intakePolicy = {
  requests: [
    { roles: ['provider_admin', 'practitioner'], actions: ['read', 'update'], scope: 'provider' },
    // The office records requests (and public ones are written as the provider's system).
    { roles: ['provider_admin', 'client_contact'], actions: ['create'], scope: 'provider' },
    { roles: ['client_contact'], actions: ['read'], scope: { column: 'submitted_by', equals: 'caller.user' } },
    // The public form writes requests and nothing else; it cannot read one back.
    { roles: ['system:public-intake'], actions: ['create'], scope: 'provider' },
    // Requests that led to no process are deleted after the retention period.
    { roles: ['system:intake-retention'], actions: ['read', 'delete'], scope: 'provider' },
  ],
} satisfies Partial<Record<TenantTable, readonly Grant[]>>;
