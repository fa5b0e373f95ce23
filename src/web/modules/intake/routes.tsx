import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RequireRole } from '../../app/guards';
import { NotFound } from '../../app/NotFound';
import { RequireAnyRole } from './guards';

/** Load a page of this module on demand. */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return async () => ({ Component: (await load())[name] as ComponentType });
}

/** Public, outside the app frame: the request form, embeddable with `?embed=1`. */
export const intakePublicRoutes: RouteObject[] = [
  {
    path: 'request/:slug',
    lazy: page(() => import('./PublicRequestFrame'), 'PublicRequestFrame'),
    children: [{ index: true, lazy: page(() => import('./PublicRequestPage'), 'PublicRequestPage') }],
  },
];

/** Signed in: the intake queue (staff) and the client contact's own requests. */
export const intakeSignedInRoutes: RouteObject[] = [
  {
    path: 'intake',
    element: <RequireAnyRole roles={['provider_admin', 'practitioner']} />,
    children: [
      { index: true, lazy: page(() => import('./QueuePage'), 'QueuePage') },
      { path: ':id', lazy: page(() => import('./RequestDetailPage'), 'RequestDetailPage') },
    ],
  },
  {
    path: 'requests',
    element: <RequireRole need="client_contact" />,
    children: [
      { index: true, lazy: page(() => import('./MyRequestsPage'), 'MyRequestsPage') },
      { path: 'new', lazy: page(() => import('./PortalRequestPage'), 'PortalRequestPage') },
      { path: '*', element: <NotFound /> },
    ],
  },
];

/** Under /admin (provider_admin): the service catalogue and the intake settings. */
export const intakeAdminRoutes: RouteObject[] = [
  { path: 'services', lazy: page(() => import('./ServicesPage'), 'ServicesPage') },
  { path: 'intake-settings', lazy: page(() => import('./IntakeSettingsPage'), 'IntakeSettingsPage') },
];
