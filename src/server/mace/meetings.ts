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
  MEETINGS_CONFIG,
  type Meeting,
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
  const meeting = { ...checkMeeting({ ...withIds(record), chair, id }), id };
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
      throw new AppError(
        'conflict',
        `startsAt: another ${MEETINGS_CONFIG.meetingTypes[meeting.type].label} for this group is already booked ` +
          `on ${formatLondonDate(clash.startsAt)}: choose a time that does not overlap it`,
        [{ path: 'startsAt', message: 'the slot is taken' }],
      );
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
      { ...withIds(record), id, type: before.type, groupId: before.groupId },
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
