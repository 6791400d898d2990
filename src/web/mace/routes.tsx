import type { RouteObject } from 'react-router';
import { ActionTracker } from './ActionTracker.tsx';
import { AttendanceForm } from './AttendanceForm.tsx';
import { CarryOver } from './CarryOver.tsx';
import { ConveneMeeting } from './ConveneMeeting.tsx';
import { EditMeeting } from './EditMeeting.tsx';
import { MeetingPage } from './MeetingPage.tsx';
import { Meetings } from './Meetings.tsx';
import { MinuteItem } from './MinuteItem.tsx';
import { Participation } from './Participation.tsx';
import { Triage } from './Triage.tsx';
import { TriageDecision } from './TriageDecision.tsx';

/**
 * Meetings: the list, convening a meeting, the triage list and its decisions, the action tracker, one
 * meeting, changing it, attendance, participation, minuting an item and carrying an action over.
 */
export const maceRoutes: RouteObject[] = [
  { path: '/meetings', element: <Meetings /> },
  { path: '/meetings/new', element: <ConveneMeeting /> },
  { path: '/meetings/triage', element: <Triage /> },
  { path: '/meetings/triage/:kind/:id', element: <TriageDecision /> },
  { path: '/meetings/actions', element: <ActionTracker /> },
  { path: '/meetings/:id', element: <MeetingPage /> },
  { path: '/meetings/:id/edit', element: <EditMeeting /> },
  { path: '/meetings/:id/attendance', element: <AttendanceForm /> },
  { path: '/meetings/:id/participation', element: <Participation /> },
  { path: '/meetings/:id/items/:itemId', element: <MinuteItem /> },
  { path: '/meetings/:id/actions/:actionId/carry-over', element: <CarryOver /> },
];
