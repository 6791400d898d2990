/**
 * Meetings: convening, saving the record as it is minuted, and who may see it. Every rule about the
 * record itself is the domain's (`meetingSchema`, `rescheduleConflict`, `slotConflict`,
 * `statutoryPlanCheck`); this file reads and writes, decides access, and audits every write in the
 * same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { decide } from '../../domain/access/policy.ts';
import { NO_RELATIONSHIP, type Viewer } from '../../domain/access/types.ts';
import type { ChronologyKind } from '../../domain/children/case-record.ts';
import { formatLondonDate } from '../../domain/mace/common.ts';
import {
  MEETING_TYPES,
  MEETINGS_CONFIG,
  type Meeting,
  type MeetingType,
  rescheduleConflict,
  type StatutoryPlan,
  slotConflict,
  statutoryPlanCheck,
} from '../../domain/mace/index.ts';
import { appendAudit } from '../audit/audit.ts';
import type { AuditActor } from '../audit/events.ts';
import { relationshipTo, transact } from '../children/access.ts';
import { addChronologyEntry } from '../children/store.ts';
import type { DB } from '../db/schema.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { labelCheck, withWithheld } from './redact.ts';
import {
  checkMeeting,
  insertMeeting,
  invitedMeetingIds,
  loadMeeting,
  restrictedTextOnRecord,
  type StoredMeeting,
  sameSlotMeetings,
  updateMeeting,
  withIds,
  withLinkedContexts,
} from './store.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface MaceCtx {
  db: Kysely<DB>;
  actor: AuditActor;
  viewer: Viewer;
  user: { id: string; name: string; agencyId: string };
}

/** May the viewer convene or run this meeting? The access policy decides, with their relationship to its child. */
export async function mayManage(
  db: Db,
  viewer: Viewer,
  m: Pick<Meeting, 'type' | 'childId'>,
): Promise<boolean> {
  const oneChild = MEETINGS_CONFIG.meetingTypes[m.type].scope === 'one_child' && m.childId;
  const rel =
    oneChild && m.childId
      ? ((await relationshipTo(db, viewer, m.childId))?.rel ?? NO_RELATIONSHIP)
      : NO_RELATIONSHIP;
  return decide(viewer, 'meeting.manage', { child: rel }).allowed;
}

/**
 * The meeting types the viewer may convene: a MACE meeting or triage as the policy says; a strategy or
 * review meeting when the policy allows it for a child whose case they carry and they carry one now
 * (the server checks the child itself when they convene). The web shows "Convene a meeting" from this,
 * so it never copies the access rules.
 */
export async function conveneTypes(db: Db, viewer: Viewer): Promise<MeetingType[]> {
  const carried = await db
    .selectFrom('child_professionals')
    .select('kind')
    .distinct()
    .where('user_id', '=', viewer.userId)
    .where('ended_at', 'is', null)
    .where('kind', 'in', ['lead_worker', 'co_worker'])
    .execute();
  const relationships = [
    NO_RELATIONSHIP,
    ...carried.map((c) => ({
      ...NO_RELATIONSHIP,
      isLeadWorker: c.kind === 'lead_worker',
      isCoWorker: c.kind === 'co_worker',
    })),
  ];
  const out: MeetingType[] = [];
  for (const type of MEETING_TYPES) {
    const allowed =
      MEETINGS_CONFIG.meetingTypes[type].scope === 'one_child'
        ? relationships.some((child) => decide(viewer, 'meeting.manage', { child }).allowed)
        : await mayManage(db, viewer, { type });
    if (allowed) out.push(type);
  }
  return out;
}

/**
 * The group a new meeting's slot is kept in when the caller names none: the child for a strategy or
 * review meeting (its case), and the partnership's one MACE group for triage and the MACE meeting, so
 * two MACE meetings cannot be booked into the same slot.
 */
export const PARTNERSHIP_MACE_GROUP_ID = '6d616365-0000-4000-8000-000000000001';

function defaultGroupId(record: Record<string, unknown>): unknown {
  if (record.groupId !== undefined) return record.groupId;
  const type = record.type as MeetingType;
  const oneChild = MEETING_TYPES.includes(type) && MEETINGS_CONFIG.meetingTypes[type].scope === 'one_child';
  return oneChild ? record.childId : PARTNERSHIP_MACE_GROUP_ID;
}

/** May the viewer see the meeting as a member: invited, and allowed to attend under the policy. */
export async function mayAttend(db: Db, viewer: Viewer, meetingId: string): Promise<boolean> {
  const invited = (await invitedMeetingIds(db, viewer.userId)).includes(meetingId);
  return (
    invited &&
    decide(viewer, 'meeting.attend', { child: { ...NO_RELATIONSHIP, isMeetingMember: true } }).allowed
  );
}

/** Opens a meeting for managing it; a meeting the viewer may not see is not there (404). */
export async function openForManaging(
  db: Db,
  viewer: Viewer,
  id: string,
  forUpdate = false,
): Promise<StoredMeeting> {
  const stored = await loadMeeting(db, id, { forUpdate });
  if (await mayManage(db, viewer, stored.meeting)) return stored;
  if (await mayAttend(db, viewer, id))
    throw new AppError('forbidden', 'Only the chair or coordinator can change this meeting.');
  throw notFound('meeting');
}

export interface MeetingBody {
  title: string;
  status?: StoredMeeting['status'];
  [key: string]: unknown;
}

function splitBody(body: MeetingBody) {
  const { title, status, ...record } = body;
  return { title, status, record };
}

export async function createMeeting(ctx: MaceCtx, body: MeetingBody): Promise<string> {
  const { title, record } = splitBody(body);
  const id = randomUUID();
  const chair = record.chair ?? { name: ctx.user.name, personId: ctx.user.id, agencyId: ctx.user.agencyId };
  const groupId = defaultGroupId(record);
  const linked = await withLinkedContexts(ctx.db, withIds(record));
  const meeting = {
    ...checkMeeting({ ...linked, ...(groupId !== undefined ? { groupId } : {}), chair, id }),
    id,
  };
  if (!(await mayManage(ctx.db, ctx.viewer, meeting))) {
    throw new AppError('forbidden', 'You do not have permission to convene this meeting.');
  }
  if (meeting.startsAt.getTime() <= Date.now()) {
    throw invalid('startsAt', 'a new meeting is scheduled for a time that has not passed yet');
  }
  return transact(ctx.db, ctx.actor, async (trx) => {
    const others = await sameSlotMeetings(trx, meeting.type, meeting.groupId);
    const clash = slotConflict(others, { ...meeting, cancelled: false });
    if (clash) {
      const message =
        `another ${MEETINGS_CONFIG.meetingTypes[meeting.type].label} for this group is already booked ` +
        `on ${formatLondonDate(clash.startsAt)}: choose a time that does not overlap it`;
      throw new AppError('conflict', `startsAt: ${message}`, [{ path: 'startsAt', message }]);
    }
    await insertMeeting(trx, meeting, title, ctx.user.id);
    await appendAudit(trx, ctx.actor, {
      action: 'meeting.created',
      recordType: 'meeting',
      recordId: id,
      ...(meeting.childId ? { childId: meeting.childId } : {}),
      details: {
        type: meeting.type,
        agendaItems: meeting.agenda.length,
        invitations: meeting.invitations.length,
      },
    });
    await afterSave(trx, ctx, null, meeting);
    return id;
  });
}

export async function saveMeeting(ctx: MaceCtx, id: string, body: MeetingBody): Promise<void> {
  const { title, status, record } = splitBody(body);
  await transact(ctx.db, ctx.actor, async (trx) => {
    const stored = await openForManaging(trx, ctx.viewer, id, true);
    const before = stored.meeting;
    // Parts withheld from the viewer (police intelligence for a chair outside the police …) are kept as they were.
    const canSee = await labelCheck(trx, ctx.viewer, before);
    const draft = withWithheld(
      before,
      { ...(await withLinkedContexts(trx, withIds(record))), id, type: before.type, groupId: before.groupId },
      canSee,
    );
    if (before.childId) Object.assign(draft, { childId: before.childId });
    // First the record's own rules, then the shareable minutes against restricted text on the children's records.
    const firstPass = checkMeeting({ ...draft, chair: draft.chair ?? before.chair });
    const fromRecord = await restrictedTextOnRecord(trx, firstPass);
    const meeting = {
      ...checkMeeting({ ...draft, chair: draft.chair ?? before.chair }, { restrictedFromRecord: fromRecord }),
      id,
    };

    const moved =
      meeting.startsAt.getTime() !== before.startsAt.getTime() ||
      meeting.endsAt.getTime() !== before.endsAt.getTime();
    if (moved) {
      const others = await sameSlotMeetings(trx, before.type, before.groupId);
      const refusal = rescheduleConflict(
        others,
        {
          id,
          type: before.type,
          groupId: before.groupId,
          startsAt: before.startsAt,
          endsAt: before.endsAt,
          cancelled: stored.status === 'cancelled',
        },
        { startsAt: meeting.startsAt, endsAt: meeting.endsAt },
        new Date(),
      );
      if (refusal) {
        const field = refusal.field ?? 'startsAt';
        throw new AppError('conflict', `${field}: ${refusal.message}`, [
          { path: field, message: refusal.message },
        ]);
      }
    }
    await updateMeeting(trx, meeting, { title, ...(status ? { status } : {}) });
    await appendAudit(trx, ctx.actor, {
      action: moved ? 'meeting.rescheduled' : 'meeting.updated',
      recordType: 'meeting',
      recordId: id,
      ...(meeting.childId ? { childId: meeting.childId } : {}),
      details: {
        agendaItems: meeting.agenda.length,
        attendance: meeting.attendance.length,
        minutes: meeting.minutes.length,
        decisions: meeting.decisions.length,
        actions: meeting.actions.length,
        ...(status ? { status } : {}),
      },
    });
    await afterSave(trx, ctx, before, meeting);
  });
}

/**
 * What a save sets off: the statutory-plan rule for a child newly on a MACE agenda (seed 004), and a
 * chronology entry for a child whose item gained decisions (the shareable record of what was decided).
 */
async function afterSave(
  trx: Transaction<DB>,
  ctx: MaceCtx,
  before: Meeting | null,
  meeting: Meeting & { id: string },
) {
  const typeLabel = MEETINGS_CONFIG.meetingTypes[meeting.type].label;
  const wasOn = new Set(before?.agenda.flatMap((a) => (a.kind === 'child' ? [a.childId] : [])) ?? []);
  if (meeting.type === 'mace') {
    for (const item of meeting.agenda) {
      if (item.kind !== 'child' || wasOn.has(item.childId)) continue;
      await raiseReferralTaskIfNeeded(
        trx,
        ctx,
        item.childId,
        meeting.chair.personId ?? ctx.user.id,
        meeting.id,
      );
    }
  }
  for (const item of meeting.agenda) {
    if (item.kind !== 'child') continue;
    const decided = (m: Meeting | null) =>
      m?.decisions.filter((d) => d.itemId === item.id && d.sensitivity === 'standard').map((d) => d.text) ??
      [];
    const previous = new Set(decided(before));
    const fresh = decided(meeting).filter((d) => !previous.has(d));
    if (fresh.length === 0) continue;
    const entryId = await addChronologyEntry(trx, {
      childId: item.childId,
      // Migration 0007 adds this kind to the chronology's constraint.
      kind: 'meeting' as string as ChronologyKind,
      title: `Discussed at ${typeLabel.toLowerCase()} on ${formatLondonDate(meeting.startsAt)}`,
      summary: `Decisions: ${fresh.join(' ')}`,
      source: typeLabel,
      occurredAt: meeting.startsAt.getTime() < Date.now() ? meeting.startsAt : new Date(),
      authorUserId: ctx.user.id,
      sourceAgencyId: ctx.user.agencyId,
      verification: 'verified',
      sensitivity: 'standard',
      recordType: 'meeting',
      recordId: meeting.id,
    });
    await appendAudit(trx, ctx.actor, {
      action: 'chronology.entry_added',
      recordType: 'chronology_entry',
      recordId: entryId,
      childId: item.childId,
      details: { from: 'meeting', meetingId: meeting.id },
    });
  }
}

/** The statutory plans open for a child now: one named query. */
export async function openPlans(db: Db, childId: string): Promise<StatutoryPlan[]> {
  const rows = await db
    .selectFrom('statutory_statuses')
    .select('status')
    .where('child_id', '=', childId)
    .where('ended_on', 'is', null)
    .execute();
  return rows.map((r) => r.status as StatutoryPlan);
}

/** Seed 004: a child added to MACE with no qualifying plan raises an immediate referral task (once while open). */
export async function raiseReferralTaskIfNeeded(
  trx: Transaction<DB>,
  ctx: MaceCtx,
  childId: string,
  assignTo: string,
  meetingId: string | null,
): Promise<string | null> {
  const person = await trx
    .selectFrom('people')
    .select(['given_name'])
    .where('id', '=', childId)
    .executeTakeFirst();
  if (!person) throw invalid('childId', `child ${childId} was not found`);
  const addedAt = new Date();
  const check = statutoryPlanCheck({
    childId,
    name: person.given_name,
    plans: await openPlans(trx, childId),
    addedToMaceAt: addedAt,
  });
  if (!check.task) return null;
  const open = await trx
    .selectFrom('tasks')
    .select('id')
    .where('child_id', '=', childId)
    .where('kind', '=', check.task.kind)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open) return open.id;
  const task = await trx
    .insertInto('tasks')
    .values({
      child_id: childId,
      kind: check.task.kind,
      title: check.task.title,
      assigned_to: assignTo,
      due_at: check.task.dueAt ?? addedAt,
      created_by: ctx.user.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, ctx.actor, {
    action: 'meeting.referral_task_raised',
    recordType: 'task',
    recordId: task.id,
    childId,
    details: { source: check.task.source, ...(meetingId ? { meetingId } : {}) },
  });
  return task.id;
}
