import type { RouteObject } from 'react-router';
import { Allocate, AllocationPage, EndAllocation } from './Allocation.tsx';
import { ChildrenPage } from './ChildrenList.tsx';
import { ChronologyPage } from './Chronology.tsx';
import { AddChronologyEntry, ChangeVerification } from './ChronologyForms.tsx';
import { ClosureDecision, ClosurePage, Reopen, RequestClosure } from './Closure.tsx';
import { AddAddress, AddRole, EditDetails, EndStatus, StartStatus } from './DetailsForms.tsx';
import { ChangeHarmStatus, RemoveFlag, SetFlag } from './FlagForms.tsx';
import { FlagsPage } from './Flags.tsx';
import { ConfirmMerge, FindMerge, UndoMerge } from './Merge.tsx';
import { CorrectNote, EditNote, FinaliseNote, NewNote } from './NoteForms.tsx';
import { NotePage, NotesPage } from './Notes.tsx';
import { ChildDetails, Overview } from './Overview.tsx';
import { ChildRecordLayout } from './record.tsx';

/**
 * The child's record: its sections share one layout (who the child is, and the sections), and each
 * action is a page of its own. Signed-in routes: the app puts them behind sign-in.
 */
export const childRoutes: RouteObject[] = [
  { path: '/children', element: <ChildrenPage /> },
  {
    path: '/children/:id',
    element: <ChildRecordLayout />,
    children: [
      { index: true, element: <Overview /> },
      { path: 'details', element: <ChildDetails /> },
      { path: 'chronology', element: <ChronologyPage /> },
      { path: 'notes', element: <NotesPage /> },
      { path: 'flags', element: <FlagsPage /> },
      { path: 'allocation', element: <AllocationPage /> },
      { path: 'closure', element: <ClosurePage /> },
    ],
  },
  { path: '/children/:id/details/:group', element: <EditDetails /> },
  { path: '/children/:id/addresses/new', element: <AddAddress /> },
  { path: '/children/:id/roles/new', element: <AddRole /> },
  { path: '/children/:id/statutory-statuses/new', element: <StartStatus /> },
  { path: '/children/:id/statutory-statuses/:statusId/end', element: <EndStatus /> },
  { path: '/children/:id/merge', element: <FindMerge /> },
  { path: '/children/:id/merge/:duplicateId', element: <ConfirmMerge /> },
  { path: '/children/:id/merges/:mergeId/undo', element: <UndoMerge /> },
  { path: '/children/:id/chronology/new', element: <AddChronologyEntry /> },
  { path: '/children/:id/chronology/:entryId/verification', element: <ChangeVerification /> },
  { path: '/children/:id/notes/new', element: <NewNote /> },
  { path: '/children/:id/notes/:noteId', element: <NotePage /> },
  { path: '/children/:id/notes/:noteId/edit', element: <EditNote /> },
  { path: '/children/:id/notes/:noteId/finalise', element: <FinaliseNote /> },
  { path: '/children/:id/notes/:noteId/correct', element: <CorrectNote /> },
  { path: '/children/:id/flags/new', element: <SetFlag /> },
  { path: '/children/:id/flags/:flagId/harm-status', element: <ChangeHarmStatus /> },
  { path: '/children/:id/flags/:flagId/remove', element: <RemoveFlag /> },
  { path: '/children/:id/allocation/new', element: <Allocate /> },
  { path: '/children/:id/allocation/:allocationId/end', element: <EndAllocation /> },
  { path: '/children/:id/closure/request', element: <RequestClosure /> },
  { path: '/children/:id/closure/decision', element: <ClosureDecision /> },
  { path: '/children/:id/closure/reopen', element: <Reopen /> },
];
