import { type QueryClient, useQuery } from '@tanstack/react-query';
import { authRoutes, type Session } from '../../shared/auth';
import type { Role } from '../../shared/roles';
import { call, isApiError } from './api';

export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<Session | null> {
  try {
    return await call(authRoutes.session);
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/** The current session: `null` when signed out, `undefined` while loading. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: 60_000,
    retry: false,
  });
}

/** Fetch the session again and wait for it. */
export function reloadSession(queryClient: QueryClient): Promise<Session | null> {
  signOutState.intended = false;
  return queryClient.fetchQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 0 });
}

export function hasRole(session: Session | null | undefined, role: Role): boolean {
  return Boolean(session && session.stage === 'signed-in' && session.roles.includes(role));
}

/** A same-site path to return to after signing in, or null if `value` is not one. */
export function safeReturnTo(value: string | null | undefined): string | null {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/sign-in') || value.startsWith('/mfa')) return null;
  return value;
}

/** Where a session at `stage` belongs. */
export function pathForStage(stage: Session['stage'], returnTo?: string | null): string {
  const suffix = returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : '';
  if (stage === 'mfa-required') return `/mfa${suffix}`;
  if (stage === 'mfa-enrolment-required') return `/mfa/enrol${suffix}`;
  return returnTo ?? '/';
}

/**
 * Set while the user signs out on purpose, so the guards send them to the plain sign-in page
 * instead of remembering the page they were on.
 */
export const signOutState = { intended: false };

/** The signed-in person's roles in the active provider, as the pages ask for them. */
export function useRoles() {
  const { data: session } = useSession();
  const roles = session?.roles ?? [];
  const has = (role: Role) => roles.includes(role);
  return {
    session,
    isAdmin: has('provider_admin'),
    isPractitioner: has('practitioner'),
    isStaff: has('provider_admin') || has('practitioner'),
    isClientContact: has('client_contact'),
    isParticipant: has('participant'),
  };
}
