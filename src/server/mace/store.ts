/**
 * Meetings in the database: a meeting is kept as the whole record the domain schema checks
 * (`meetingSchema`), with the columns the queries need beside it, and the invitees and the children on
 * the agenda as rows so the access query can tell who is a member of a meeting about a child.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { LINK_CONFIG } from '../../domain/contexts/link.ts';
import {
  MEETINGS_CONFIG,
  type Meeting,
  type MeetingCheckContext,
  meetingSchema,
  type RecordRestrictedText,
} from '../../domain/mace/index.ts';
import type { DB } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface StoredMeeting {
  id: string;
  title: string;
  status: 'scheduled' | 'held' | 'cancelled';
  configVersion: string;
  createdBy: string;
  meeting: Meeting;
}

/** A refusal from a domain schema as the API's validation error: every message names the field and the rule. */
export function refused(error: z.ZodError, prefix = ''): AppError {
  const fields = error.issues.map((i) => ({
    path: prefix + i.path.map(String).join('.'),
    message: i.message,
  }));
  const summary = fields.map((f) => (f.message.startsWith(f.path) ? f.message : `${f.path}: ${f.message}`));
  return new AppError('validation_failed', summary.join('; '), fields);
}

/** Gives an id to each agenda item, invitation and action sent without one, so they can be referred to. */
export function withIds(input: Record<string, unknown>): Record<string, unknown> {
  const fill = (list: unknown) =>
    Array.isArray(list)
      ? list.map((x) =>
          x && typeof x === 'object' && !('id' in x) ? { id: randomUUID(), ...(x as object) } : x,
        )
      : list;
  return {
    ...input,
    agenda: fill(input.agenda),
    invitations: fill(input.invitations),
    actions: fill(input.actions),
  };
}

/**
 * Fills in, for each child on the agenda sent without `linkedContexts`, the persons of concern, places
 * and other contexts the child is linked to on the record (links not withdrawn and not graded as
 * suspected to be false), each with the label of the link or the context, whichever is not standard.
 * The meeting then shows the contexts that appear in more than one item (seed 004), and every copy of
 * the papers keeps only the links its reader may see. An agenda item sent with a list keeps it.
 */
export async function withLinkedContexts(
  db: Db,
  input: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  if (!Array.isArray(input.agenda)) return input;
  const agenda = input.agenda as Record<string, unknown>[];
  const childIds = agenda.flatMap((a) =>
    a && a.kind === 'child' && a.linkedContexts === undefined && typeof a.childId === 'string'
      ? [a.childId]
      : [],
  );
  const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const ids = [...new Set(childIds.filter((id) => uuidLike.test(id)))];
  if (ids.length === 0) return input;
  const rows = await db
    .selectFrom('context_links as l')
    .innerJoin('contexts as c', 'c.id', 'l.to_context_id')
    .select([
      'l.from_child_id',
      'l.to_context_id',
      'c.kind',
      'c.display_name',
      'c.sensitivity as context_sensitivity',
      'l.sensitivity as link_sensitivity',
    ])
    .where('l.from_child_id', 'in', ids)
    .where('l.withdrawn_on', 'is', null)
    .where('l.grade_intelligence', 'not in', [...LINK_CONFIG.hiddenIntelligenceAssessments])
    .where('c.merged_into', 'is', null)
    .orderBy('c.display_name')
    .execute();
  const linked = (childId: string) => {
    const seen = new Map<string, Record<string, unknown>>();
    for (const r of rows) {
      if (r.from_child_id !== childId || seen.has(r.to_context_id)) continue;
      const sensitivity =
        r.link_sensitivity !== 'standard' ? r.link_sensitivity : (r.context_sensitivity ?? 'standard');
      seen.set(r.to_context_id, {
        contextId: r.to_context_id,
        kind: r.kind,
        label: r.display_name,
        sensitivity,
      });
    }
    return [...seen.values()];
  };
  return {
    ...input,
    agenda: agenda.map((a) =>
      a && a.kind === 'child' && a.linkedContexts === undefined && typeof a.childId === 'string'
        ? { ...a, linkedContexts: linked(a.childId) }
        : a,
    ),
  };
}

/** Checks a whole meeting record with the domain's rules; throws the refusal as a validation error. */
export function checkMeeting(input: unknown, context: MeetingCheckContext = {}): Meeting {
  const parsed = meetingSchema(MEETINGS_CONFIG, context).safeParse(input);
  if (!parsed.success) throw refused(parsed.error);
  return parsed.data;
}

/**
 * Restricted text already on the children's records (police intelligence, health …): a shareable
 * minute must not quote it. One named query over the chronology of the children on the agenda.
 */
export async function restrictedTextOnRecord(db: Db, meeting: Meeting): Promise<RecordRestrictedText[]> {
  const items = meeting.agenda.flatMap((a) =>
    a.kind === 'child' ? [{ itemId: a.id, childId: a.childId }] : [],
  );
  if (items.length === 0) return [];
  const rows = await db
    .selectFrom('chronology_entries')
    .select(['child_id', 'summary', 'sensitivity'])
    .where(
      'child_id',
      'in',
      items.map((i) => i.childId),
    )
    .where('sensitivity', '<>', 'standard')
    .execute();
  return rows.flatMap((r) =>
    items
      .filter((i) => i.childId === r.child_id)
      .map((i) => ({
        itemId: i.itemId,
        text: r.summary,
        sensitivity: r.sensitivity as RecordRestrictedText['sensitivity'],
      })),
  );
}

const toJson = (meeting: Meeting) => JSON.stringify(meeting);

export async function insertMeeting(
  trx: Transaction<DB>,
  meeting: Meeting & { id: string },
  title: string,
  createdBy: string,
): Promise<void> {
  await trx
    .insertInto('mace_meetings')
    .values({
      id: meeting.id,
      type: meeting.type,
      group_id: meeting.groupId,
      child_id: meeting.childId ?? null,
      title,
      starts_at: meeting.startsAt,
      ends_at: meeting.endsAt,
      chair_user_id: meeting.chair.personId ?? null,
      config_version: MEETINGS_CONFIG.version,
      document: toJson(meeting),
      created_by: createdBy,
    })
    .execute();
  await syncRows(trx, meeting);
}

export async function updateMeeting(
  trx: Transaction<DB>,
  meeting: Meeting & { id: string },
  changes: { title?: string; status?: StoredMeeting['status'] } = {},
): Promise<void> {
  await trx
    .updateTable('mace_meetings')
    .set({
      starts_at: meeting.startsAt,
      ends_at: meeting.endsAt,
      chair_user_id: meeting.chair.personId ?? null,
      document: toJson(meeting),
      updated_at: new Date(),
      ...(changes.title ? { title: changes.title } : {}),
      ...(changes.status ? { status: changes.status } : {}),
    })
    .where('id', '=', meeting.id)
    .execute();
  await syncRows(trx, meeting);
}

/** Rewrites the invitee and agenda rows from the record. */
async function syncRows(trx: Transaction<DB>, meeting: Meeting & { id: string }) {
  await trx.deleteFrom('mace_meeting_invitees').where('meeting_id', '=', meeting.id).execute();
  await trx.deleteFrom('mace_agenda_children').where('meeting_id', '=', meeting.id).execute();
  const invitees = meeting.invitations.flatMap((i) =>
    i.person.personId ? [{ meeting_id: meeting.id, invitation_id: i.id, user_id: i.person.personId }] : [],
  );
  if (invitees.length > 0) await trx.insertInto('mace_meeting_invitees').values(invitees).execute();
  const children = meeting.agenda.flatMap((a) =>
    a.kind === 'child' ? [{ meeting_id: meeting.id, item_id: a.id, child_id: a.childId }] : [],
  );
  if (children.length > 0) await trx.insertInto('mace_agenda_children').values(children).execute();
}

function fromRow(row: {
  id: string;
  title: string;
  status: string;
  config_version: string;
  created_by: string;
  document: unknown;
}): StoredMeeting {
  const doc = typeof row.document === 'string' ? JSON.parse(row.document) : row.document;
  // Stored records were checked when they were saved; the schema turns the times back into Dates.
  const meeting = meetingSchema().parse(doc);
  return {
    id: row.id,
    title: row.title,
    status: row.status as StoredMeeting['status'],
    configVersion: row.config_version,
    createdBy: row.created_by,
    meeting: { ...meeting, id: row.id },
  };
}

const COLUMNS = ['id', 'title', 'status', 'config_version', 'created_by', 'document'] as const;

export async function loadMeeting(
  db: Db,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<StoredMeeting> {
  let q = db
    .selectFrom('mace_meetings')
    .select([...COLUMNS])
    .where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('meeting');
  return fromRow(row);
}

/** Every meeting, newest first (the tracker reads the actions of all of them). */
export async function loadMeetings(db: Db, ids?: readonly string[]): Promise<StoredMeeting[]> {
  if (ids && ids.length === 0) return [];
  let q = db
    .selectFrom('mace_meetings')
    .select([...COLUMNS])
    .orderBy('starts_at', 'desc');
  if (ids) q = q.where('id', 'in', [...ids]);
  return (await q.execute()).map(fromRow);
}

/** The meetings a user is invited to. */
export async function invitedMeetingIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('mace_meeting_invitees')
    .select('meeting_id')
    .distinct()
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.meeting_id);
}

/** The other meetings of the same type and group, for the scheduling rule. */
export async function sameSlotMeetings(db: Db, type: string, groupId: string) {
  const rows = await db
    .selectFrom('mace_meetings')
    .select(['id', 'type', 'group_id', 'starts_at', 'ends_at', 'status'])
    .where('type', '=', type)
    .where('group_id', '=', groupId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    type: r.type as Meeting['type'],
    groupId: r.group_id,
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
    cancelled: r.status === 'cancelled',
  }));
}
