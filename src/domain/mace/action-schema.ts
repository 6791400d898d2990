/**
 * An action agreed at a meeting (issue 5 item 3): an owner, an agency and a due date are required, and
 * evidence of completion to mark it done. Refusals name the field. The tracker across meetings is in
 * actions.ts.
 */
import { z } from 'zod';
import { SENSITIVITY_LABELS } from '../access/types.ts';
import {
  DATE_FORMAT,
  ID_FORMAT,
  isoDate,
  personRef,
  personRefShape,
  required,
  text,
  uuid,
} from './common.ts';

// ---------------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------------

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_NAMES = {
  open: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'No longer needed',
} as const satisfies Record<ActionStatus, string>;
/** Statuses of an action still to do: these can become overdue. */
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ['open', 'in_progress'];

const DRIFT = 'actions without one drift (issue 5 item 7)';

export const actionSchema = z
  .strictObject({
    id: uuid.optional(),
    itemId: uuid.optional(),
    childId: uuid.optional(),
    contextId: uuid.optional(),
    title: z
      .string(required('title', 'say what is to be done'))
      .trim()
      .min(1, { message: 'title must not be empty' })
      .max(500),
    owner: z.strictObject(
      personRefShape,
      required('owner', `every action has a named person who will do it; ${DRIFT}`),
    ),
    agencyId: z.uuid(
      required(
        'agencyId',
        `every action belongs to an agency, so it can be tracked by agency; ${DRIFT}`,
        ID_FORMAT,
      ),
    ),
    dueDate: z.iso.date(required('dueDate', `every action has a date it is due by; ${DRIFT}`, DATE_FORMAT)),
    status: z.enum(ACTION_STATUSES).default('open'),
    /** Evidence of completion: what was done and where the evidence is. Required to mark it done. */
    completion: z
      .strictObject({ evidence: text(4000), completedOn: isoDate, recordedBy: personRef })
      .optional(),
    cancellation: z.strictObject({ reason: text(2000), recordedBy: personRef }).optional(),
    /** How many times the action has been carried over to a later meeting. */
    carriedOver: z.number().int().min(0).default(0),
    /** A covert or intelligence-led action is labelled so it stays out of other agencies' copies. */
    sensitivity: z.enum(SENSITIVITY_LABELS).default('standard'),
  })
  .superRefine((a, ctx) => {
    const issue = (path: string[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (a.status === 'done' && !a.completion) {
      issue(
        ['completion', 'evidence'],
        'completion.evidence is required to mark an action done: record what was done and where the evidence ' +
          'is, so the meeting can see it happened (issue 5 item 3)',
      );
    }
    if (a.status !== 'done' && a.completion) {
      issue(['completion'], `completion is recorded only when the action is done, not "${a.status}"`);
    }
    if (a.status === 'cancelled' && !a.cancellation) {
      issue(
        ['cancellation', 'reason'],
        'cancellation.reason is required when an action is no longer needed: say why, so it is not mistaken for drift',
      );
    }
  });
export type ActionInput = z.input<typeof actionSchema>;
export type MeetingAction = z.output<typeof actionSchema>;
