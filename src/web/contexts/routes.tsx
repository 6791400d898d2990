import type { RouteObject } from 'react-router';
import { ContextForm } from './ContextForm.tsx';
import { ContextPage } from './ContextPage.tsx';
import { ContextsHome } from './ContextsHome.tsx';
import { GroupsPage } from './GroupsPage.tsx';
import { LinkForm } from './LinkForm.tsx';
import { LinkPage } from './LinkPage.tsx';
import { MergesPage } from './Merges.tsx';
import { NetworkPage } from './NetworkPage.tsx';

/** Contexts and connections, for signed-in people; the server decides what each person sees. */
export const contextRoutes: RouteObject[] = [
  { path: '/contexts', element: <ContextsHome /> },
  { path: '/contexts/new', element: <ContextForm /> },
  { path: '/contexts/groups', element: <GroupsPage /> },
  { path: '/contexts/merges', element: <MergesPage /> },
  { path: '/contexts/:id', element: <ContextPage /> },
  { path: '/contexts/:id/edit', element: <ContextForm /> },
  { path: '/links/new', element: <LinkForm /> },
  { path: '/links/:id', element: <LinkPage /> },
  { path: '/network', element: <NetworkPage /> },
];
