/**
 * Reading meetings, and the young person's and family's participation (issue 5 item 4). The chair sees
 * the whole record with the cross-reference of persons of concern and places; a member sees their own
 * redacted copy (`packFor`), never the whole record.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  MEETINGS_CONFIG,
  type Meeting,
  participationRecordSchema,
  quorumCheck,
  sharedContexts,
} from '../../domain/mace/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { transact } from '../children/access.ts';
import type { DB } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';
import { conveneTypes, type MaceCtx, mayAttend, mayManage, openForManaging } from './meetings.ts';
import { copyFor, sendings } from './packs.ts';
import { labelCheck, visibleRecord } from './redact.ts';
import { invitedMeetingIds, loadMeeting, loadMeetings, refused } from './store.ts';
import { isChairRole } from './tracker.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A meeting record as JSON: the times as ISO strings. */
export function recordJson(m: Meeting) {
  return JSON.parse(JSON.stringify(m)) as Record<string, unknown>;
}

async function participationOf(db: Db, meetingId: string) {
  const rows = await db
    .selectFrom('mace_participation')
    .select(['id', 'record', 'recorded_at'])
    .where('meeting_id', '=', meetingId)
    .orderBy('recorded_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    recordedAt: new Date(r.recorded_at).toISOString(),
    ...((typeof r.record === 'string' ? JSON.parse(r.record) : r.record) as Record<string, unknown>),
  }));
}

export async function readMeeting(ctx: MaceCtx, id: string) {
  return transact(ctx.db, ctx.actor, async (trx) => {
    const stored = await loadMeeting(trx, id);
    const m = stored.meeting;
    const manage = await mayManage(trx, ctx.viewer, m);
    if (!manage && !(await mayAttend(trx, ctx.viewer, id))) throw notFound('meeting');
    await appendAudit(trx, ctx.actor, {
      action: 'meeting.read',
      recordType: 'meeting',
      recordId: id,
      ...(m.childId ? { childId: m.childId } : {}),
      details: { as: manage ? 'chair' : 'member' },
    });
    const summary = {
      id,
      title: stored.title,
      status: stored.status,
      type: m.type,
      typeLabel: MEETINGS_CONFIG.meetingTypes[m.type].label,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      chairName: m.chair.name,
      canManage: manage,
    };
    if (!manage) {
      const copy = await copyFor(trx, stored, 'minutes', ctx.user.id);
      return {
        ...summary,
        record: null,
        withheld: 0,
        copy: JSON.parse(JSON.stringify(copy)) as Record<string, unknown>,
        sharedContexts: [],
        quorum: null,
        participation: [],
        sendings: [],
      };
    }
    const visible = visibleRecord(m, await labelCheck(trx, ctx.viewer, m));
    const crossRef = sharedContexts(
      visible.record.agenda.map((a) => ({
        id: a.id,
        heading: a.heading,
        kind: a.kind,
        ...(a.kind === 'context' ? { context: a.context } : {}),
        linkedContexts: a.linkedContexts,
      })),
    );
    return {
      ...summary,
      record: recordJson(visible.record),
      withheld: visible.withheld,
      copy: null,
      sharedContexts: JSON.parse(JSON.stringify(crossRef)) as Record<string, unknown>[],
      quorum: JSON.parse(JSON.stringify(quorumCheck(m.type, m))) as Record<string, unknown>,
      participation: await participationOf(trx, id),
      sendings: await sendings(trx, id),
    };
  });
}

/** The meetings the viewer may see: every meeting for a MACE chair, otherwise those they manage or are invited to. */
export async function listMeetings(ctx: MaceCtx) {
  const all = await loadMeetings(ctx.db);
  const invited = new Set(await invitedMeetingIds(ctx.db, ctx.viewer.userId));
  const out = [];
  for (const s of all) {
    if (!invited.has(s.id) && !(await mayManage(ctx.db, ctx.viewer, s.meeting))) continue;
    out.push({
      id: s.id,
      title: s.title,
      status: s.status,
      type: s.meeting.type,
      typeLabel: MEETINGS_CONFIG.meetingTypes[s.meeting.type].label,
      startsAt: s.meeting.startsAt.toISOString(),
      endsAt: s.meeting.endsAt.toISOString(),
      chairName: s.meeting.chair.name,
      agendaItems: s.meeting.agenda.length,
      openActions: s.meeting.actions.filter((a) => a.status === 'open' || a.status === 'in_progress').length,
    });
  }
  return out;
}

/** Records the young person's or a family member's participation in their own meeting. */
export async function recordParticipation(ctx: MaceCtx, meetingId: string, body: Record<string, unknown>) {
  return transact(ctx.db, ctx.actor, async (trx) => {
    const stored = await openForManaging(trx, ctx.viewer, meetingId, true);
    const m = stored.meeting;
    const schema = participationRecordSchema(MEETINGS_CONFIG, { type: m.type, startsAt: m.startsAt });
    const parsed = schema.safeParse({ ...body, meetingId, childId: body.childId ?? m.childId });
    if (!parsed.success) throw refused(parsed.error);
    const record = parsed.data;
    const row = await trx
      .insertInto('mace_participation')
      .values({
        meeting_id: meetingId,
        child_id: record.childId,
        record: JSON.stringify(record),
        recorded_by: ctx.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.actor, {
      action: 'meeting.participation_recorded',
      recordType: 'meeting',
      recordId: meetingId,
      childId: record.childId,
      details: { participation: record.participation, toldOutcome: record.toldOutcome !== undefined },
    });
    return { id: row.id, ...(JSON.parse(JSON.stringify(record)) as Record<string, unknown>) };
  });
}

/** What the viewer may do with meetings, decided here so the web shows only what it may offer. */
export async function meetingPermissions(ctx: MaceCtx) {
  const convene = await conveneTypes(ctx.db, ctx.viewer);
  return {
    convene,
    triage: await mayManage(ctx.db, ctx.viewer, { type: 'mace_triage' }),
    escalate: isChairRole(ctx.viewer),
  };
}

/**
 * The people who can be invited to a meeting, with their agency: every active account of an active
 * agency. Only someone who may convene a meeting sees the list; it holds names and agencies, nothing
 * about a child.
 */
export async function invitablePeople(ctx: MaceCtx) {
  if ((await conveneTypes(ctx.db, ctx.viewer)).length === 0) {
    throw new AppError('forbidden', 'Only someone who convenes meetings can choose who to invite.');
  }
  const rows = await ctx.db
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select(['u.id', 'u.name', 'a.id as agency_id', 'a.name as agency_name', 'a.type as agency_type'])
    .where('u.active', '=', true)
    .where('a.active', '=', true)
    .orderBy('a.name')
    .orderBy('u.name')
    .limit(2000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    agencyType: r.agency_type,
  }));
}
