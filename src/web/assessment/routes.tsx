import type { RouteObject } from 'react-router';
import { ChildRecordLayout } from '../children/record.tsx';
import { EditAssessment } from './AssessmentForm.tsx';
import { AssessmentsSection } from './Assessments.tsx';
import { ViewAssessment } from './AssessmentView.tsx';
import { CompareAssessments } from './Compare.tsx';

/**
 * Assessments: a section of the child's record (in the record's own layout), and pages of their own for
 * the form, one assessment, and two side by side. Signed-in routes: the app puts them behind sign-in.
 */
export const assessmentRoutes: RouteObject[] = [
  {
    path: '/children/:id',
    element: <ChildRecordLayout />,
    children: [{ path: 'assessments', element: <AssessmentsSection /> }],
  },
  { path: '/children/:id/assessments/compare', element: <CompareAssessments /> },
  { path: '/children/:id/assessments/:assessmentId', element: <ViewAssessment /> },
  { path: '/children/:id/assessments/:assessmentId/edit', element: <EditAssessment /> },
];
