import { z } from 'zod';
import { defineRoute, type ExtraErrorStatus } from './http.js';
import { email, idParams, instantOut, locale, password, role, timeZone, uuid } from './schemas.js';
import { personName, stage, stageBody } from './tenancy.js';

/**
 * The contract of the kernel's authentication and of the caller's own account: sign-in, the second
 * factor, sessions, password reset, switching provider and the profile. The server validates with
 * these schemas; the web types its session and its forms with the very same objects.
 */

export { type Stage, stage, stageBody, stages } from './tenancy.js';

/** A password someone types to prove themself (any length: the rules apply when one is set). */
export const currentPassword = z.string().min(1).max(200);
/** A one-time code from an authenticator app, or a recovery code. */
export const secondFactorCode = z.string().trim().min(6).max(40);
export const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'six digits');

/** Sign-in is public yet answers 401 for a wrong e-mail or password (the kernel declares 401 only for routes that need a session). */
const wrongCredentials: ExtraErrorStatus = 401;

export const sessionUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  locale: locale.nullable(),
  timeZone: z.string().nullable(),
  totpEnabled: z.boolean(),
  isPlatformAdmin: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const membership = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  role,
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
});
export type Membership = z.infer<typeof membership>;

export const session = z.object({
  user: sessionUser,
  stage,
  providerId: z.string().nullable(),
  memberships: z.array(membership),
  /** The caller's roles at the current provider. */
  roles: z.array(role),
});
export type Session = z.infer<typeof session>;

export const me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  locale: locale.nullable(),
  timeZone: z.string().nullable(),
  totpEnabled: z.boolean(),
});
export type Me = z.infer<typeof me>;

export const userSession = z.object({
  id: z.string(),
  createdAt: instantOut,
  lastSeenAt: instantOut,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type UserSession = z.infer<typeof userSession>;

export const authRoutes = {
  csrf: defineRoute({
    method: 'GET',
    path: '/api/auth/csrf',
    tags: ['auth'],
    summary: 'A CSRF token for state-changing requests',
    description:
      'Bound to the session (or, before sign-in, to the pre-session cookie): fetch a new one after sign-in, the second factor and sign-out.',
    responses: { 200: z.object({ csrfToken: z.string() }) },
  }),
  session: defineRoute({
    method: 'GET',
    path: '/api/auth/session',
    tags: ['auth'],
    summary: 'The caller, their stage, memberships and roles at the current provider',
    responses: { 200: session },
  }),
  signIn: defineRoute({
    method: 'POST',
    path: '/api/auth/sign-in',
    tags: ['auth'],
    summary: 'Sign in with e-mail and password',
    description: 'The answer says whether a second factor is owed or must be enrolled first. A wrong e-mail or password is a 401.',
    body: z.object({ email, password: currentPassword }),
    responses: { 200: stageBody },
    errors: [wrongCredentials],
  }),
  verifyMfa: defineRoute({
    method: 'POST',
    path: '/api/auth/mfa/verify',
    tags: ['auth'],
    summary: 'Give the second factor: a code from the authenticator app or a recovery code',
    body: z.object({ code: secondFactorCode }),
    responses: { 200: stageBody },
    errors: [422],
  }),
  startEnrolment: defineRoute({
    method: 'POST',
    path: '/api/auth/mfa/enrol/start',
    tags: ['auth'],
    summary: 'Start setting up an authenticator app: a new secret and its QR code',
    description: 'Refused (403) while a code for an existing factor is owed.',
    responses: { 200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() }) },
  }),
  confirmEnrolment: defineRoute({
    method: 'POST',
    path: '/api/auth/mfa/enrol/confirm',
    tags: ['auth'],
    summary: 'Confirm the authenticator app with its first code; answers the recovery codes',
    description:
      'Start the enrolment first (422). Replacing a factor already enrolled needs the current password (403 reauthentication_required).',
    body: z.object({
      code: totpCode,
      // Needed only to replace a factor already enrolled.
      currentPassword: currentPassword.optional(),
    }),
    responses: { 200: z.object({ recoveryCodes: z.array(z.string()) }) },
    errors: [422],
  }),
  signOut: defineRoute({
    method: 'POST',
    path: '/api/auth/sign-out',
    tags: ['auth'],
    summary: 'End this session',
    responses: { 204: null },
  }),
  signOutEverywhere: defineRoute({
    method: 'POST',
    path: '/api/auth/sign-out-everywhere',
    tags: ['auth'],
    summary: 'End every session of the caller',
    responses: { 204: null },
  }),
  requestPasswordReset: defineRoute({
    method: 'POST',
    path: '/api/auth/password-reset/request',
    tags: ['auth'],
    summary: 'Mail a password-reset link',
    description: 'Answers 202 whether or not the address has an account.',
    body: z.object({ email }),
    responses: { 202: null },
  }),
  completePasswordReset: defineRoute({
    method: 'POST',
    path: '/api/auth/password-reset/complete',
    tags: ['auth'],
    summary: 'Set a new password with a reset link’s token',
    description: 'The token is single-use and expires (422 naming token).',
    body: z.object({ token: z.string().min(20).max(200), password }),
    responses: { 204: null },
    errors: [422],
  }),
  switchProvider: defineRoute({
    method: 'POST',
    path: '/api/auth/switch-provider',
    tags: ['auth'],
    summary: 'Act for another provider the caller is a member of',
    body: z.object({ providerId: uuid }),
    responses: { 200: session },
  }),
};

export const meRoutes = {
  get: defineRoute({
    method: 'GET',
    path: '/api/me',
    tags: ['me'],
    summary: 'The caller’s own profile',
    responses: { 200: me },
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/me',
    tags: ['me'],
    summary: 'Change one’s name, language or time zone',
    description: 'The time zone is an IANA name (e.g. Europe/Helsinki).',
    body: z.object({ name: personName.optional(), locale: locale.optional(), timeZone: timeZone.optional() }),
    responses: { 200: me },
  }),
  changePassword: defineRoute({
    method: 'POST',
    path: '/api/me/password',
    tags: ['me'],
    summary: 'Change one’s password',
    description: 'The current password must be right (422 naming currentPassword).',
    body: z.object({ currentPassword, newPassword: password }),
    responses: { 204: null },
    errors: [422],
  }),
  sessions: defineRoute({
    method: 'GET',
    path: '/api/me/sessions',
    tags: ['me'],
    summary: 'The caller’s active sessions',
    responses: { 200: z.object({ items: z.array(userSession) }) },
  }),
  endSession: defineRoute({
    method: 'DELETE',
    path: '/api/me/sessions/:id',
    tags: ['me'],
    summary: 'End one of one’s own sessions',
    params: idParams,
    responses: { 204: null },
  }),
};
