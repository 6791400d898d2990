/**
 * One action tracker across all meetings (issue 5 item 7): filtered by agency, owner and child with the
 * domain's `filterActions`; overdue actions escalated to the chair and the owner's manager with
 * `escalations`; carry-over counted with `carryOver`. Also `meetingWorkFor`, the viewer's meeting work
 * for My work.
 */
import type { Kysely, Transaction } from 'kysely';
import { canSeeLabel, decide } from '../../domain/access/policy.ts';
import { NO_RELATIONSHIP, type SensitivityLabel, type Viewer } from '../../domain/access/types.ts';
import { type LocalDate, londonDate } from '../../domain/mace/common.ts';
import {
  type ActionFilter,
  type ActionStatus,
  carryOver,
  escalations,
  filterActions,
  MEETINGS_CONFIG,
  type Meeting,
  overdue,
  type TrackedAction,
} from '../../domain/mace/index.ts';
import { appendAudit, auditAlone } from '../audit/audit.ts';
import type { AuditActor } from '../audit/events.ts';
import { transact } from '../children/access.ts';
import type { DB } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';
import { type MaceCtx, openForManaging } from './meetings.ts';
import { checkMeeting, invitedMeetingIds, loadMeetings, type StoredMeeting, updateMeeting } from './store.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface TrackerRow extends TrackedAction {
  meetingTitle: string;
  sensitivity: string;
}

function tracked(stored: StoredMeeting): TrackerRow[] {
  const m = stored.meeting;
  const agencyName = (agencyId: string) => m.invitations.find((i) => i.agencyId === agencyId)?.agencyName;
  return m.actions.map((a) => {
    const item = a.itemId ? m.agenda.find((x) => x.id === a.itemId) : undefined;
    const childId = a.childId ?? (item?.kind === 'child' ? item.childId : m.childId) ?? null;
    const name = agencyName(a.agencyId);
    return {
      id: a.id ?? '',
      title: a.title,
      ownerId: a.owner.personId ?? null,
      ownerName: a.owner.name,
      agencyId: a.agencyId,
      ...(name ? { agencyName: name } : {}),
      childId,
      contextId: a.contextId ?? (item?.kind === 'context' ? item.context.contextId : null),
      meetingId: stored.id,
      dueDate: a.dueDate as LocalDate,
      status: a.status,
      carriedOver: a.carriedOver,
      ...(a.completion
        ? { completion: { ...a.completion, completedOn: a.completion.completedOn as LocalDate } }
        : {}),
      meetingTitle: stored.title,
      sensitivity: a.sensitivity,
    };
  });
}

/** A MACE chair or coordinator: may see every action and run escalations. */
export const isChairRole = (viewer: Viewer) =>
  decide(viewer, 'meeting.manage', { child: NO_RELATIONSHIP }).allowed;

/**
 * The actions the viewer may see: a MACE chair sees every action; anyone else the actions they own and,
 * of their own agency's, those not labelled (a covert action stays with its owner and the chair).
 */
export async function visibleActions(db: Db, viewer: Viewer): Promise<TrackerRow[]> {
  const meetings = (await loadMeetings(db)).filter((s) => s.status !== 'cancelled');
  const all = meetings.flatMap(tracked);
  const member = { ...NO_RELATIONSHIP, isMeetingMember: true };
  if (isChairRole(viewer))
    return all.filter(
      (a) => a.sensitivity === 'standard' || canSeeLabel(viewer, a.sensitivity as SensitivityLabel, member),
    );
  return all.filter(
    (a) => a.ownerId === viewer.userId || (a.agencyId === viewer.agencyId && a.sensitivity === 'standard'),
  );
}

export interface TrackerQuery {
  agencyId?: string;
  ownerId?: string;
  childId?: string;
  status?: ActionStatus;
  overdue?: boolean;
  carriedOver?: boolean;
}

export async function tracker(db: Kysely<DB>, actor: AuditActor, viewer: Viewer, q: TrackerQuery) {
  await auditAlone(db, actor, {
    action: 'meeting.tracker_read',
    recordType: 'meeting',
    details: { filters: Object.keys(q).join(',') },
  });
  const now = new Date();
  const filter: ActionFilter = {
    ...(q.agencyId ? { agencyId: q.agencyId } : {}),
    ...(q.ownerId ? { ownerId: q.ownerId } : {}),
    ...(q.childId ? { childId: q.childId } : {}),
    ...(q.status ? { statuses: [q.status] } : {}),
    ...(q.overdue ? { overdueAt: now } : {}),
    ...(q.carriedOver !== undefined ? { carriedOver: q.carriedOver } : {}),
  };
  const rows = filterActions(await visibleActions(db, viewer), filter) as TrackerRow[];
  const late = new Map(overdue(rows, now).map((o) => [o.action.id, o.daysOverdue]));
  return rows
    .map((a) => ({ ...a, daysOverdue: late.get(a.id) ?? 0 }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.dueDate.localeCompare(b.dueDate));
}

/** The owner's manager: a manager in one of the owner's teams (the first by name). One named query. */
async function peopleForEscalation(db: Db, ownerIds: string[]) {
  if (ownerIds.length === 0) return [];
  const owners = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ownerIds).execute();
  const managers = await db
    .selectFrom('team_members as tm')
    .innerJoin('team_members as mm', 'mm.team_id', 'tm.team_id')
    .innerJoin('users as m', 'm.id', 'mm.user_id')
    .select(['tm.user_id as owner_id', 'm.id', 'm.name', 'm.roles'])
    .where('tm.user_id', 'in', ownerIds)
    .where('m.active', '=', true)
    .whereRef('m.id', '<>', 'tm.user_id')
    .orderBy('m.name')
    .execute();
  const managerOf = new Map<string, { id: string; name: string }>();
  for (const m of managers) {
    if ((m.roles as string[]).includes('manager') && !managerOf.has(m.owner_id)) managerOf.set(m.owner_id, m);
  }
  return [
    ...owners.map((o) => ({ id: o.id, name: o.name, managerId: managerOf.get(o.id)?.id ?? null })),
    ...[...managerOf.values()].map((m) => ({ id: m.id, name: m.name, managerId: null })),
  ];
}

/**
 * Escalates every action overdue by the configured number of days to the chair of the meeting tracking it
 * and the owner's manager, once each: a task for each person told, audited.
 */
export async function runEscalations(ctx: MaceCtx) {
  if (!isChairRole(ctx.viewer))
    throw new AppError('forbidden', 'Only a MACE chair or coordinator runs escalations.');
  return transact(ctx.db, ctx.actor, async (trx) => {
    const meetings = (await loadMeetings(trx)).filter((s) => s.status !== 'cancelled');
    const actions = meetings.flatMap(tracked);
    const chairs = meetings.map((s) => ({ id: s.id, chairId: s.meeting.chair.personId ?? null }));
    const chairPeople = await trx
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', 'in', [...new Set(chairs.flatMap((c) => (c.chairId ? [c.chairId] : []))), ctx.user.id])
      .execute();
    const owners = [...new Set(actions.flatMap((a) => (a.ownerId ? [a.ownerId] : [])))];
    const people = [
      ...(await peopleForEscalation(trx, owners)),
      ...chairPeople.map((p) => ({ ...p, managerId: null })),
    ];
    const list = escalations(actions, new Date(), { people, meetings: chairs }, MEETINGS_CONFIG);
    const raised: { actionId: string; recipientId: string; as: string[]; taskId: string }[] = [];
    for (const e of list) {
      const action = actions.find((a) => a.id === e.actionId);
      if (!action) continue;
      for (const r of e.recipients) {
        const done = await trx
          .selectFrom('mace_escalations')
          .select('action_id')
          .where('action_id', '=', e.actionId)
          .where('recipient_user_id', '=', r.personId)
          .executeTakeFirst();
        if (done) continue;
        const task = await trx
          .insertInto('tasks')
          .values({
            child_id: action.childId ?? null,
            kind: 'mace_action_overdue',
            // A labelled (for example covert) action is not described in a task its reader may not be allowed to see.
            title: (action.sensitivity === 'standard'
              ? `Overdue meeting action: ${e.message}`
              : `An overdue restricted action from ${action.meetingTitle} is ${e.daysOverdue} days late: ask the owner's agency`
            ).slice(0, 300),
            assigned_to: r.personId,
            due_at: new Date(),
            created_by: ctx.user.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('mace_escalations')
          .values({
            meeting_id: action.meetingId,
            action_id: e.actionId,
            recipient_user_id: r.personId,
            task_id: task.id,
          })
          .execute();
        await appendAudit(trx, ctx.actor, {
          action: 'meeting.action_escalated',
          recordType: 'meeting',
          recordId: action.meetingId,
          ...(action.childId ? { childId: action.childId } : {}),
          details: {
            actionId: e.actionId,
            recipientUserId: r.personId,
            as: [...r.as],
            daysOverdue: e.daysOverdue,
          },
        });
        raised.push({ actionId: e.actionId, recipientId: r.personId, as: [...r.as], taskId: task.id });
      }
    }
    return {
      escalations: list.map((e) => ({ ...e, recipients: [...e.recipients], gaps: [...e.gaps] })),
      raised,
    };
  });
}

/** Carries an open action to a later meeting: it leaves the first meeting's record and counts one more carry-over. */
export async function carryActionOver(
  ctx: MaceCtx,
  fromId: string,
  input: { actionId: string; toMeetingId: string; newDueDate?: string | undefined },
) {
  return transact(ctx.db, ctx.actor, async (trx) => {
    const from = await openForManaging(trx, ctx.viewer, fromId, true);
    const to = await openForManaging(trx, ctx.viewer, input.toMeetingId, true);
    const action = from.meeting.actions.find((a) => a.id === input.actionId);
    const row = tracked(from).find((a) => a.id === input.actionId);
    if (!action || !row) throw notFound('action');
    const moved = carryOver(
      row,
      { id: from.id, startsAt: from.meeting.startsAt },
      { id: to.id, startsAt: to.meeting.startsAt },
      {
        ...(input.newDueDate ? { newDueDate: input.newDueDate as LocalDate } : {}),
      },
    );
    if (!moved.ok) {
      const field = moved.refusal.field ?? 'toMeetingId';
      throw new AppError('conflict', `${field}: ${moved.refusal.message}`, [
        { path: field, message: moved.refusal.message },
      ]);
    }
    const carried = { ...action, dueDate: moved.value.dueDate, carriedOver: moved.value.carriedOver };
    const { itemId: _item, ...rest } = carried;
    const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
    const fromMeeting = {
      ...checkMeeting(
        json({ ...from.meeting, actions: from.meeting.actions.filter((a) => a.id !== action.id) }),
      ),
      id: from.id,
    };
    const toMeeting = {
      ...checkMeeting(
        json({
          ...to.meeting,
          actions: [...to.meeting.actions, { ...rest, childId: row.childId ?? undefined }],
        }),
      ),
      id: to.id,
    };
    await updateMeeting(trx, fromMeeting as Meeting & { id: string });
    await updateMeeting(trx, toMeeting as Meeting & { id: string });
    await appendAudit(trx, ctx.actor, {
      action: 'meeting.action_carried_over',
      recordType: 'meeting',
      recordId: to.id,
      details: { actionId: input.actionId, fromMeetingId: from.id, carriedOver: carried.carriedOver },
    });
    return { actionId: input.actionId, carriedOver: carried.carriedOver, dueDate: carried.dueDate };
  });
}

/** For My work: my open actions (due and overdue) and the meetings I am invited to that have not ended. */
export async function meetingWorkFor(db: Kysely<DB>, viewer: Viewer) {
  const today = londonDate(new Date());
  const ids = await invitedMeetingIds(db, viewer.userId);
  const meetings = (await loadMeetings(db)).filter((s) => s.status !== 'cancelled');
  const actions = meetings
    .flatMap(tracked)
    .filter((a) => a.ownerId === viewer.userId && (a.status === 'open' || a.status === 'in_progress'))
    .map((a) => ({
      id: a.id,
      title: a.title,
      dueDate: a.dueDate,
      overdue: a.dueDate < today,
      meetingId: a.meetingId,
      meetingTitle: a.meetingTitle,
    }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const now = Date.now();
  const invited = meetings
    .filter((s) => ids.includes(s.id) && s.meeting.endsAt.getTime() >= now)
    .map((s) => ({
      id: s.id,
      title: s.title,
      type: s.meeting.type,
      startsAt: s.meeting.startsAt.toISOString(),
    }))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return { actions, meetings: invited };
}
