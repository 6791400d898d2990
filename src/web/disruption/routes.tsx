import type { RouteObject } from 'react-router';
import { DisruptionForm } from './DisruptionForm.tsx';
import { DisruptionHome } from './DisruptionHome.tsx';
import { DisruptionPage } from './DisruptionPage.tsx';

/** The disruption tracker, for signed-in people; the server decides who may record what. */
export const disruptionRoutes: RouteObject[] = [
  { path: '/disruption', element: <DisruptionHome /> },
  { path: '/disruption/new', element: <DisruptionForm /> },
  { path: '/disruption/:id', element: <DisruptionPage /> },
];
