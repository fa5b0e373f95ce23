import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RequireRole } from '../../app/guards';
import { NotFound } from '../../app/NotFound';
import { RequireAnyRole } from './RequireAnyRole';

/** Load a page of this module on demand. */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return async () => ({ Component: (await load())[name] as ComponentType });
}

/** Signed in: processes, meetings, the calendar and the practitioner's availability. */
export const supervisionSignedInRoutes: RouteObject[] = [
  {
    path: 'processes',
    element: <RequireAnyRole roles={['provider_admin', 'practitioner', 'client_contact', 'participant']} />,
    children: [
      { index: true, lazy: page(() => import('./ProcessesPage'), 'ProcessesPage') },
      {
        path: 'new',
        element: <RequireAnyRole roles={['provider_admin', 'practitioner']} />,
        children: [{ index: true, lazy: page(() => import('./NewProcessPage'), 'NewProcessPage') }],
      },
      { path: ':id', lazy: page(() => import('./ProcessPage'), 'ProcessPage') },
      { path: ':id/agreement', lazy: page(() => import('./AgreementPage'), 'AgreementPage') },
      { path: '*', element: <NotFound /> },
    ],
  },
  {
    path: 'meetings/:id',
    element: <RequireAnyRole roles={['provider_admin', 'practitioner', 'client_contact', 'participant']} />,
    children: [{ index: true, lazy: page(() => import('./MeetingPage'), 'MeetingPage') }],
  },
  {
    path: 'calendar',
    element: <RequireAnyRole roles={['practitioner', 'client_contact', 'participant']} />,
    children: [{ index: true, lazy: page(() => import('./CalendarPage'), 'CalendarPage') }],
  },
  {
    path: 'availability',
    element: <RequireRole need="practitioner" />,
    children: [{ index: true, lazy: page(() => import('./AvailabilityPage'), 'AvailabilityPage') }],
  },
];

/** Under /admin (provider_admin): the invoicing basis. */
export const supervisionAdminRoutes: RouteObject[] = [{ path: 'invoicing', lazy: page(() => import('./InvoicingPage'), 'InvoicingPage') }];
