import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RequireRole } from '../../app/guards';
import { NotFound } from '../../app/NotFound';
import { RequireAnyRole } from '../supervision/RequireAnyRole';

/** Load a page of this module on demand. */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return async () => ({ Component: (await load())[name] as ComponentType });
}

/** Public, outside the app frame: a check-in answered from the single-use link in a mail. */
export const measuresPublicRoutes: RouteObject[] = [{ path: 'r/:token', lazy: page(() => import('./RespondPage'), 'RespondPage') }];

/** Signed in: alerts and results (practitioners), own results (participants), aggregates and ROI (management). */
export const measuresSignedInRoutes: RouteObject[] = [
  {
    path: 'alerts',
    element: <RequireRole need="practitioner" />,
    children: [
      { index: true, lazy: page(() => import('./AlertsPage'), 'AlertsPage') },
      { path: ':id', lazy: page(() => import('./AlertsPage'), 'AlertPage') },
      { path: '*', element: <NotFound /> },
    ],
  },
  {
    path: 'people/:id/measures',
    element: <RequireRole need="practitioner" />,
    children: [{ index: true, lazy: page(() => import('./PersonMeasuresPage'), 'PersonMeasuresPage') }],
  },
  {
    path: 'responses/:id',
    element: <RequireRole need="practitioner" />,
    children: [{ index: true, lazy: page(() => import('./PersonMeasuresPage'), 'ResponsePage') }],
  },
  {
    path: 'my-results',
    element: <RequireRole need="participant" />,
    children: [{ index: true, lazy: page(() => import('./PersonMeasuresPage'), 'MyResultsPage') }],
  },
  {
    path: 'follow-up',
    element: <RequireAnyRole roles={['client_contact', 'provider_admin']} />,
    children: [{ index: true, lazy: page(() => import('./FollowUpOverviewPage'), 'FollowUpOverviewPage') }],
  },
  {
    path: 'roi',
    element: <RequireAnyRole roles={['client_contact', 'provider_admin']} />,
    children: [{ index: true, lazy: page(() => import('./RoiPage'), 'RoiPage') }],
  },
];

/** Under /admin (provider_admin): the instrument library, the questionnaire editor and the settings. */
export const measuresAdminRoutes: RouteObject[] = [
  { path: 'instruments', lazy: page(() => import('./InstrumentsPage'), 'InstrumentsPage') },
  { path: 'instruments/new', lazy: page(() => import('./InstrumentEditorPage'), 'InstrumentEditorPage') },
  { path: 'instruments/:key/edit', lazy: page(() => import('./InstrumentEditorPage'), 'InstrumentEditorPage') },
  { path: 'instruments/:key/translations', lazy: page(() => import('./TranslationsPage'), 'TranslationsPage') },
  { path: 'measure-settings', lazy: page(() => import('./SettingsPage'), 'SettingsPage') },
];
