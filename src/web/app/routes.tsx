import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { ForgotPasswordPage } from '../modules/auth/ForgotPasswordPage';
import { InvitationPage } from '../modules/auth/InvitationPage';
import { MfaEnrolPage } from '../modules/auth/MfaEnrolPage';
import { MfaPage } from '../modules/auth/MfaPage';
import { ResetPasswordPage } from '../modules/auth/ResetPasswordPage';
import { SignInPage } from '../modules/auth/SignInPage';
import { HomePage } from '../modules/home/HomePage';
import { intakeAdminRoutes, intakePublicRoutes, intakeSignedInRoutes } from '../modules/intake/routes';
import { measuresAdminRoutes, measuresPublicRoutes, measuresSignedInRoutes } from '../modules/measures/routes';
import { supervisionAdminRoutes, supervisionSignedInRoutes } from '../modules/supervision/routes';
import { RequirePlatformAdmin, RequireRole, RequireSignedIn } from './guards';
import { NotFound } from './NotFound';
import { Shell } from './Shell';

/** Load a page module on demand (keeps the first download small). */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return async () => ({ Component: (await load())[name] as ComponentType });
}

export const router = createBrowserRouter([
  ...intakePublicRoutes,
  ...measuresPublicRoutes,
  {
    element: <Shell />,
    children: [
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'mfa', element: <MfaPage /> },
      { path: 'mfa/enrol', element: <MfaEnrolPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'invitation', element: <InvitationPage /> },
      { path: 'dev/outbox', lazy: page(() => import('../modules/dev/OutboxPage'), 'OutboxPage') },
      {
        element: <RequireSignedIn />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'profile', lazy: page(() => import('../modules/profile/ProfilePage'), 'ProfilePage') },
          ...intakeSignedInRoutes,
          ...supervisionSignedInRoutes,
          ...measuresSignedInRoutes,
          {
            path: 'admin',
            element: <RequireRole need="provider_admin" />,
            children: [
              { path: 'members', lazy: page(() => import('../modules/admin/MembersPage'), 'MembersPage') },
              { path: 'invitations', lazy: page(() => import('../modules/admin/InvitationsPage'), 'InvitationsPage') },
              { path: 'organisations', lazy: page(() => import('../modules/admin/OrganisationsPage'), 'OrganisationsPage') },
              { path: 'organisations/:id', lazy: page(() => import('../modules/admin/OrganisationPage'), 'OrganisationPage') },
              { path: 'audit', lazy: page(() => import('../modules/admin/AuditPage'), 'AuditPage') },
              { path: 'security', lazy: page(() => import('../modules/admin/SecurityPage'), 'SecurityPage') },
              ...intakeAdminRoutes,
              ...supervisionAdminRoutes,
              ...measuresAdminRoutes,
              { path: '*', element: <NotFound /> },
            ],
          },
          {
            path: 'platform',
            element: <RequirePlatformAdmin />,
            children: [
              { path: 'providers', lazy: page(() => import('../modules/platform/ProvidersPage'), 'ProvidersPage') },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
