import type { ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import { Agencies, DeactivateAgency, EditAgency, NewAgency } from './admin/Agencies.tsx';
import { DeactivateTeam, EditTeam, NewTeam, Teams } from './admin/Teams.tsx';
import { EditUser, NewUser } from './admin/UserForm.tsx';
import { DisableUser, ResetUserMfa, UserDetail, Users } from './admin/Users.tsx';
import { assessmentRoutes } from './assessment/routes.tsx';
import { childRoutes } from './children/routes.tsx';
import { Layout } from './components/Layout.tsx';
import { contextRoutes } from './contexts/routes.tsx';
import { disruptionRoutes } from './disruption/routes.tsx';
import { languageRoutes } from './language/routes.tsx';
import { maceRoutes } from './mace/routes.tsx';
import { missingRoutes } from './missing/routes.tsx';
import { MyWork } from './my-work/MyWork.tsx';
import { planRoutes } from './plans/routes.tsx';
import { Account } from './platform/Account.tsx';
import { ChangePassword } from './platform/ChangePassword.tsx';
import { MfaEnrol } from './platform/MfaEnrol.tsx';
import { NotFound } from './platform/NotFound.tsx';
import { SignIn } from './platform/SignIn.tsx';
import { SignedOut } from './platform/SignOut.tsx';
import { referralRoutes } from './referrals/routes.tsx';
import { RequireSignedIn, SessionProvider } from './session.tsx';

function Root() {
  return (
    <SessionProvider>
      <Layout />
    </SessionProvider>
  );
}

const signedIn = (element: ReactNode) => <RequireSignedIn>{element}</RequireSignedIn>;

/**
 * Every address the web answers. Which of the admin pages a person is offered comes from the
 * permissions in `GET /api/me`; the server refuses anything else whatever the address.
 */
export const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      { path: '/', element: <Navigate to="/my-work" replace /> },
      { path: '/sign-in', element: <SignIn /> },
      { path: '/signed-out', element: <SignedOut /> },
      {
        path: '/mfa/set-up',
        element: (
          <RequireSignedIn gate="/mfa/set-up">
            <MfaEnrol />
          </RequireSignedIn>
        ),
      },
      {
        path: '/account/password',
        element: (
          <RequireSignedIn gate="/account/password">
            <ChangePassword />
          </RequireSignedIn>
        ),
      },
      {
        element: signedIn(<Outlet />),
        children: [
          { path: '/my-work', element: <MyWork /> },
          { path: '/account', element: <Account /> },
          { path: '/admin/agencies', element: <Agencies /> },
          { path: '/admin/agencies/new', element: <NewAgency /> },
          { path: '/admin/agencies/:id', element: <EditAgency /> },
          { path: '/admin/agencies/:id/deactivate', element: <DeactivateAgency /> },
          { path: '/admin/teams', element: <Teams /> },
          { path: '/admin/teams/new', element: <NewTeam /> },
          { path: '/admin/teams/:id', element: <EditTeam /> },
          { path: '/admin/teams/:id/deactivate', element: <DeactivateTeam /> },
          { path: '/admin/users', element: <Users /> },
          { path: '/admin/users/new', element: <NewUser /> },
          { path: '/admin/users/:id', element: <UserDetail /> },
          { path: '/admin/users/:id/edit', element: <EditUser /> },
          { path: '/admin/users/:id/disable', element: <DisableUser /> },
          { path: '/admin/users/:id/reset-mfa', element: <ResetUserMfa /> },
          // ---- Children, referrals and the case record: declared in referrals/routes.tsx and children/routes.tsx
          ...referralRoutes,
          ...childRoutes,
          // ---- Language assistant: the pages are declared in language/routes.tsx
          ...languageRoutes,
          // ---- Missing episodes and return interviews: the pages are declared in missing/routes.tsx
          ...missingRoutes,
          // ---- Assessment and planning: declared in assessment/routes.tsx and plans/routes.tsx
          ...assessmentRoutes,
          ...planRoutes,
          // ---- Meetings (strategy, MACE triage, MACE, review): declared in mace/routes.tsx
          ...maceRoutes,
          // ---- Contexts, the network and group views, and disruption: declared in contexts/routes.tsx and disruption/routes.tsx
          ...contextRoutes,
          ...disruptionRoutes,
          // ----
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
