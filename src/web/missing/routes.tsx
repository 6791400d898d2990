import type { RouteObject } from 'react-router';
import { ChildRecordLayout } from '../children/record.tsx';
import { ChildMissingPage } from './ChildMissing.tsx';
import { RecordEpisode } from './EpisodeForm.tsx';
import { ReturnInterview } from './InterviewForm.tsx';
import { InterviewsDue } from './InterviewsDue.tsx';
import { RecordReturn } from './ReturnForm.tsx';
import { MissingStats } from './Stats.tsx';

/**
 * Missing episodes and return interviews, for signed-in people. The child's missing episodes are a
 * section of the child's record, so that page shares the record's layout.
 */
export const missingRoutes: RouteObject[] = [
  {
    path: '/children/:id/missing',
    element: <ChildRecordLayout />,
    children: [{ index: true, element: <ChildMissingPage /> }],
  },
  { path: '/children/:id/missing/new', element: <RecordEpisode /> },
  { path: '/missing/episodes/:id/return', element: <RecordReturn /> },
  { path: '/missing/episodes/:id/interview', element: <ReturnInterview /> },
  { path: '/missing/episodes/:id/interview/:interviewId', element: <ReturnInterview /> },
  { path: '/missing/interviews', element: <InterviewsDue /> },
  { path: '/missing/statistics', element: <MissingStats /> },
];
