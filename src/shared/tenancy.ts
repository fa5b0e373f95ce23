import { z } from 'zod';
import { defineRoute } from './http.js';
import { email, idParams, instantOut, nonEmpty, nonEmptyMessage, page, pageSize, password, role, text, uuid } from './schemas.js';

/**
 * The contract of the kernel's tenancy: members, invitations, client organisations and their units,
 * the platform's providers, and the security view (the provider's settings: shared/intake.ts). The server validates
 * with these schemas; the web types its pages and checks its forms with the very same objects.
 */

// ---------------------------------------------------------------------------------------------
// Shared pieces

export const nameMax = 200;
export const businessIdMax = 40;
export const searchMax = 100;

/** A person's or an organisation's name. */
export const personName = text(nameMax);
export const businessId = z.string().trim().min(1).max(businessIdMax);

/** Where a session stands: signed in, owing a code, or owing an enrolment. */
export const stages = ['signed-in', 'mfa-required', 'mfa-enrolment-required'] as const;
export const stage = z.enum(stages);
export type Stage = z.infer<typeof stage>;
export const stageBody = z.object({ stage });

/** An invitation link's token. */
export const tokenParams = z.object({ token: z.string().min(20).max(200) });

// ---------------------------------------------------------------------------------------------
// Members

export const member = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role,
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  createdAt: instantOut,
});
export type Member = z.infer<typeof member>;

export const memberRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/members',
    tags: ['members'],
    summary: 'The provider’s members, searched by name or email, role and organisation',
    query: z.object({
      q: z.string().trim().max(searchMax).optional(),
      role: role.optional(),
      organisationId: uuid.optional(),
      page,
      pageSize: pageSize(),
    }),
    responses: {
      200: z.object({
        items: z.array(member),
        total: z.number().int(),
        totalCapped: z.boolean(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
    },
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/members/:id',
    tags: ['members'],
    summary: 'Change a member’s role',
    description:
      'Not one’s own membership. A staff role has no organisation and a client-side role needs one (400 naming role). ' +
      'A provider keeps at least one administrator (409).',
    params: idParams,
    body: z.object({ role }),
    responses: { 200: z.object({ id: z.string(), role }) },
    errors: [409],
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/members/:id',
    tags: ['members'],
    summary: 'Remove a membership',
    description: 'Not one’s own membership. A provider keeps at least one administrator (409).',
    params: idParams,
    responses: { 204: null },
    errors: [409],
  }),
};

// ---------------------------------------------------------------------------------------------
// Invitations

export const invitationStatuses = ['pending', 'accepted', 'revoked', 'expired'] as const;
export const invitationStatus = z.enum(invitationStatuses);
export type InvitationStatus = z.infer<typeof invitationStatus>;

export const invitation = z.object({
  id: z.string(),
  email: z.string(),
  role,
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  createdAt: instantOut,
  expiresAt: instantOut,
  status: invitationStatus,
});
export type Invitation = z.infer<typeof invitation>;

export const invitationRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/invitations',
    tags: ['invitations'],
    summary: 'The provider’s invitations: pending ones, or all',
    query: z.object({ status: z.enum(['pending', 'all']).default('pending') }),
    responses: { 200: z.object({ items: z.array(invitation) }) },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/invitations',
    tags: ['invitations'],
    summary: 'Invite a person by mail to a role',
    description:
      'A client-side role needs an organisation, a staff role has none (400 naming organisationId). ' +
      'The unit, if given, belongs to the organisation.',
    body: z.object({ email, role, organisationId: uuid.optional(), unitId: uuid.optional() }),
    responses: { 201: invitation },
    errors: [409, 422],
  }),
  revoke: defineRoute({
    method: 'DELETE',
    path: '/api/invitations/:id',
    tags: ['invitations'],
    summary: 'Revoke an invitation',
    params: idParams,
    responses: { 204: null },
  }),
  byToken: defineRoute({
    method: 'GET',
    path: '/api/invitations/by-token/:token',
    tags: ['invitations'],
    summary: 'What an invitation link offers, before it is accepted',
    params: tokenParams,
    responses: {
      200: z.object({
        email: z.string(),
        providerName: z.string(),
        role,
        organisationName: z.string().nullable(),
        existingUser: z.boolean(),
      }),
    },
  }),
  accept: defineRoute({
    method: 'POST',
    path: '/api/invitations/by-token/:token/accept',
    tags: ['invitations'],
    summary: 'Accept an invitation: a new person sets a password, a signed-in one joins',
    description: 'A person new to the service gives a password; one who already has an account signs in first.',
    params: tokenParams,
    body: z.object({ name: personName, password: password.optional() }),
    responses: { 200: stageBody },
    errors: [409, 422],
  }),
};

// ---------------------------------------------------------------------------------------------
// Client organisations and their units

export const organisationSummary = z.object({
  id: z.string(),
  name: z.string(),
  businessId: z.string().nullable(),
  unitCount: z.number().int(),
  createdAt: instantOut,
});
export type OrganisationSummary = z.infer<typeof organisationSummary>;

export const unit = z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable() });
export type Unit = z.infer<typeof unit>;

export const organisation = z.object({
  id: z.string(),
  name: z.string(),
  businessId: z.string().nullable(),
  units: z.array(unit),
});
export type Organisation = z.infer<typeof organisation>;

export const organisationRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/organisations',
    tags: ['organisations'],
    summary: 'The client organisations the caller may see, by name',
    query: z.object({ q: z.string().trim().max(searchMax).optional(), page, pageSize: pageSize(200, 50) }),
    responses: {
      200: z.object({ items: z.array(organisationSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
    },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/organisations',
    tags: ['organisations'],
    summary: 'Add a client organisation',
    description:
      "A business id is unique within the provider (409) and checked by the provider's country (FI Y-tunnus, NO organisasjonsnummer, SE organisationsnummer: 422 invalid_business_id); it is stored in the register's form.",
    body: z.object({ name: personName, businessId: businessId.optional() }),
    responses: { 201: organisationSummary },
    errors: [409, 422],
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/organisations/:id',
    tags: ['organisations'],
    summary: 'A client organisation with its units',
    params: idParams,
    responses: { 200: organisation },
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/organisations/:id',
    tags: ['organisations'],
    summary: 'Rename a client organisation or change its business id',
    description:
      "A PATCH must change something; a null business id removes it. A business id is unique within the provider (409) and checked by the provider's country (422 invalid_business_id).",
    params: idParams,
    body: z.object({ name: personName.optional(), businessId: businessId.nullable().optional() }).refine(nonEmpty, nonEmptyMessage),
    responses: { 200: organisation },
    errors: [409, 422],
  }),
  createUnit: defineRoute({
    method: 'POST',
    path: '/api/organisations/:id/units',
    tags: ['organisations'],
    summary: 'Add a unit to a client organisation',
    description: 'The parent unit, if given, belongs to the same organisation (422 naming parentId).',
    params: idParams,
    body: z.object({ name: personName, parentId: uuid.optional() }),
    responses: { 201: unit },
    errors: [409, 422],
  }),
};

// ---------------------------------------------------------------------------------------------
// The platform: providers

export const countries = ['FI', 'SE', 'NO'] as const;
export const country = z.enum(countries);
export type Country = z.infer<typeof country>;

/** The roles the platform admin may invite to a provider. */
export const platformInviteRoles = ['provider_admin', 'practitioner', 'municipal_expert'] as const;

export const provider = z.object({ id: z.string(), name: z.string(), slug: z.string(), country, createdAt: instantOut });
export type Provider = z.infer<typeof provider>;

export const slugPattern = /^[a-z0-9][a-z0-9-]{1,62}$/;
export const slug = z.string().trim().toLowerCase().regex(slugPattern, 'lowercase letters, digits and dashes');

export const providerRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/platform/providers',
    tags: ['platform'],
    summary: 'Every provider on the platform',
    responses: { 200: z.object({ items: z.array(provider) }) },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/platform/providers',
    tags: ['platform'],
    summary: 'Create a provider and invite its first administrator',
    description: 'The country sets the provider’s default language and time zone. The slug is unique (409).',
    body: z.object({ name: personName, slug, country, adminEmail: email }),
    responses: { 201: provider },
    errors: [409],
  }),
  invite: defineRoute({
    method: 'POST',
    path: '/api/platform/providers/:id/invitations',
    tags: ['platform'],
    summary: 'Invite a person to a provider’s staff role',
    params: idParams,
    body: z.object({ email, role: z.enum(platformInviteRoles) }),
    responses: { 201: z.object({ id: z.string(), email: z.string(), role, expiresAt: instantOut }) },
    errors: [409],
  }),
};

// ---------------------------------------------------------------------------------------------
// The security view

export const grantKinds = [
  'invited',
  'invitation_revoked',
  'joined',
  'role_changed',
  'removed',
  'process_assigned',
  'process_unassigned',
] as const;
export const grantKind = z.enum(grantKinds);
export type GrantKind = z.infer<typeof grantKind>;

export const grantHolder = z.object({ membershipId: z.string(), name: z.string(), email: z.string(), role, since: instantOut });
export type GrantHolder = z.infer<typeof grantHolder>;

export const grantEvent = z.object({
  id: z.string(),
  at: instantOut,
  kind: grantKind,
  actorName: z.string().nullable(),
  subjectName: z.string().nullable(),
  role: role.nullable(),
  previousRole: role.nullable(),
  processTitle: z.string().nullable(),
});
export type GrantEvent = z.infer<typeof grantEvent>;

export const securityRoutes = {
  grants: defineRoute({
    method: 'GET',
    path: '/api/security/grants',
    tags: ['security'],
    summary: 'Who holds a staff role, and every grant, change and removal of a role or of a place on a process',
    query: z.object({ page, pageSize: pageSize(200, 100) }),
    responses: {
      200: z.object({
        holders: z.array(grantHolder),
        events: z.array(grantEvent),
        hasMore: z.boolean(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
    },
  }),
};
