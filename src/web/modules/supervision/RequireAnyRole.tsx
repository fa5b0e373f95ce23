import type { ReactNode } from 'react';
import { Outlet } from 'react-router-dom';
import type { Role } from '../../../shared/roles';
import { Forbidden } from '../../app/NotFound';
import { useSession } from '../../app/session';

/** Only for sessions holding one of `roles` in the active provider. */
export function RequireAnyRole({ roles, children }: { roles: Role[]; children?: ReactNode }) {
  const { data: session } = useSession();
  if (!session?.roles.some((role) => roles.includes(role))) return <Forbidden />;
  return children ?? <Outlet />;
}
