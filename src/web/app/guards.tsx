import { Button, Center, Loader, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import type { Role } from '../../shared/roles';
import { ErrorAlert } from './forms';
import { Forbidden } from './NotFound';
import { pathForStage, signOutState, useSession } from './session';

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} role="status" />
    </Center>
  );
}

function SessionError({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <h1 className="visually-hidden">{t('app.name')}</h1>
      <ErrorAlert error={error} />
      <Button onClick={retry} w="fit-content">
        {t('common.retry')}
      </Button>
    </Stack>
  );
}

/** Signed in and past MFA; otherwise redirect to sign-in (remembering the page) or to MFA. */
export function RequireSignedIn() {
  const { data: session, isPending, error, refetch } = useSession();
  const location = useLocation();
  if (isPending) return <PageLoader />;
  if (error) return <SessionError error={error} retry={() => void refetch()} />;
  const here = `${location.pathname}${location.search}${location.hash}`;
  if (!session) {
    if (signOutState.intended) return <Navigate to="/sign-in" replace />;
    return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(here)}`} replace />;
  }
  if (session.stage !== 'signed-in') {
    return <Navigate to={pathForStage(session.stage, here)} replace />;
  }
  return <Outlet />;
}

/** Only for sessions holding `role` in the active provider. */
export function RequireRole({ need, children }: { need: Role; children?: ReactNode }) {
  const { data: session } = useSession();
  if (!session?.roles.includes(need)) return <Forbidden />;
  return children ?? <Outlet />;
}

export function RequirePlatformAdmin({ children }: { children?: ReactNode }) {
  const { data: session } = useSession();
  if (!session?.user.isPlatformAdmin) return <Forbidden />;
  return children ?? <Outlet />;
}
