import type { RouteObject } from 'react-router';
import { ObjectiveStatusPage } from './ObjectiveStatus.tsx';
import { PlainLanguagePage } from './PlainLanguage.tsx';
import { EditPlan } from './PlanEditor.tsx';
import { PlanPage } from './PlanPage.tsx';

/** The child's plan and the young person's plain-language plan. Signed-in routes. */
export const planRoutes: RouteObject[] = [
  { path: '/children/:id/plan', element: <PlanPage /> },
  { path: '/children/:id/plan/edit', element: <EditPlan /> },
  { path: '/children/:id/plan/objectives/:objectiveId/status', element: <ObjectiveStatusPage /> },
  { path: '/children/:id/plan/young-person', element: <PlainLanguagePage /> },
];
