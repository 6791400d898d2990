import type { RouteObject } from 'react-router';
import { ActionTracker } from './ActionTracker.tsx';
import { AttendanceForm } from './AttendanceForm.tsx';
import { MeetingPage } from './MeetingPage.tsx';
import { Meetings } from './Meetings.tsx';
import { MinuteItem } from './MinuteItem.tsx';

/** Meetings: the list, the action tracker, one meeting, attendance and minuting an item. */
export const maceRoutes: RouteObject[] = [
  { path: '/meetings', element: <Meetings /> },
  { path: '/meetings/actions', element: <ActionTracker /> },
  { path: '/meetings/:id', element: <MeetingPage /> },
  { path: '/meetings/:id/attendance', element: <AttendanceForm /> },
  { path: '/meetings/:id/items/:itemId', element: <MinuteItem /> },
];
