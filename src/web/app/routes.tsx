import { createBrowserRouter } from 'react-router-dom';
import { AuditPage } from '../modules/admin/AuditPage';
import { InvitationsPage } from '../modules/admin/InvitationsPage';
import { MembersPage } from '../modules/admin/MembersPage';
import { OrganisationPage } from '../modules/admin/OrganisationPage';
import { OrganisationsPage } from '../modules/admin/OrganisationsPage';
import { ForgotPasswordPage } from '../modules/auth/ForgotPasswordPage';
import { InvitationPage } from '../modules/auth/InvitationPage';
import { MfaEnrolPage } from '../modules/auth/MfaEnrolPage';
import { MfaPage } from '../modules/auth/MfaPage';
import { ResetPasswordPage } from '../modules/auth/ResetPasswordPage';
import { SignInPage } from '../modules/auth/SignInPage';
import { OutboxPage } from '../modules/dev/OutboxPage';
import { HomePage } from '../modules/home/HomePage';
import { ProvidersPage } from '../modules/platform/ProvidersPage';
import { ProfilePage } from '../modules/profile/ProfilePage';
import { RequirePlatformAdmin, RequireRole, RequireSignedIn } from './guards';
import { NotFound } from './NotFound';
import { Shell } from './Shell';

export const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'mfa', element: <MfaPage /> },
      { path: 'mfa/enrol', element: <MfaEnrolPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'invitation', element: <InvitationPage /> },
      { path: 'dev/outbox', element: <OutboxPage /> },
      {
        element: <RequireSignedIn />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'profile', element: <ProfilePage /> },
          {
            path: 'admin',
            element: <RequireRole role="provider_admin" />,
            children: [
              { path: 'members', element: <MembersPage /> },
              { path: 'invitations', element: <InvitationsPage /> },
              { path: 'organisations', element: <OrganisationsPage /> },
              { path: 'organisations/:id', element: <OrganisationPage /> },
              { path: 'audit', element: <AuditPage /> },
              { path: '*', element: <NotFound /> },
            ],
          },
          {
            path: 'platform',
            element: <RequirePlatformAdmin />,
            children: [
              { path: 'providers', element: <ProvidersPage /> },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
