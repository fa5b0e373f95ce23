import type { ReactNode } from 'react';
import { Outlet } from 'react-router-dom';
import { Forbidden } from '../../app/NotFound';
import { useSession } from '../../app/session';
import type { Role } from '../../app/types';

/** Only for sessions holding at least one of `roles` in the active provider. */
export function RequireAnyRole({ roles, children }: { roles: Role[]; children?: ReactNode }) {
  const { data: session } = useSession();
  if (!session || !roles.some((role) => session.roles.includes(role))) return <Forbidden />;
  return children ?? <Outlet />;
}
