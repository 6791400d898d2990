/**
 * Case notes: editable by their author until finalised; after that a correction is a new version with
 * a reason, and every earlier version stays. A significant note joins the chronology when finalised.
 */
import { sql, type Transaction } from 'kysely';
import type { SensitivityLabel, Viewer } from '../../domain/access/types.ts';
import {
  NOTE_TYPE_NAMES,
  type NoteType,
  type VerificationStatus,
} from '../../domain/children/case-record.ts';
import { appendAudit } from '../audit/audit.ts';
import type { DB } from '../db/schema.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { assertNotMerged, type ChildAccess, openChild, transact } from './access.ts';
import { assertMayUseLabel } from './chronology.ts';
import type { Ctx } from './record.ts';
import { addChronologyEntry } from './store.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

/** The notes of one child this viewer may see, each with its current (latest) version. */
export function notesQuery(trx: Transaction<DB>, viewer: Viewer, access: ChildAccess) {
  return (
    trx
      .selectFrom('notes as n')
      .innerJoin('users as u', 'u.id', 'n.author_user_id')
      .innerJoin('agencies as a', 'a.id', 'n.author_agency_id')
      .innerJoin('note_versions as v', (join) =>
        join
          .onRef('v.note_id', '=', 'n.id')
          .on('v.version', '=', sql<number>`(SELECT max(version) FROM note_versions WHERE note_id = n.id)`),
      )
      .selectAll('n')
      .select(['u.name as author_name', 'a.name as agency_name', 'v.body', 'v.version'])
      .where('n.child_id', '=', access.childId)
      // Drafts are their author's alone; finalised notes follow the label.
      .where((eb) =>
        eb.or([
          eb('n.author_user_id', '=', viewer.userId),
          eb.and([
            eb('n.status', '=', 'final'),
            eb('n.sensitivity', 'in', access.labels.length > 0 ? access.labels : ['__none__']),
          ]),
        ]),
      )
  );
}
export type NoteRow = Awaited<ReturnType<ReturnType<typeof notesQuery>['executeTakeFirstOrThrow']>>;

export function mayCorrect(viewer: Viewer, note: { author_user_id: string; author_agency_id: string }) {
  return (
    note.author_user_id === viewer.userId ||
    (viewer.roles.includes('manager') && viewer.agencyId === note.author_agency_id)
  );
}

function presentNote(viewer: Viewer, n: NoteRow) {
  const isAuthor = n.author_user_id === viewer.userId;
  return {
    id: n.id,
    type: n.type as NoteType,
    typeName: NOTE_TYPE_NAMES[n.type as NoteType],
    sensitivity: n.sensitivity as SensitivityLabel,
    significant: n.significant,
    occurredAt: iso(n.occurred_at),
    status: n.status as 'draft' | 'final',
    author: { id: n.author_user_id, name: n.author_name },
    agency: { id: n.author_agency_id, name: n.agency_name },
    createdAt: iso(n.created_at),
    finalisedAt: n.finalised_at ? iso(n.finalised_at) : null,
    body: n.body,
    version: n.version,
    corrected: n.version > 1,
    permissions: {
      edit: isAuthor && n.status === 'draft',
      finalise: isAuthor && n.status === 'draft',
      correct: n.status === 'final' && mayCorrect(viewer, n),
    },
  };
}

export async function listNotes({ db, actor, viewer }: Ctx, childId: string) {
  return transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId);
    const rows = await notesQuery(trx, viewer, access).orderBy('n.occurred_at', 'desc').execute();
    await appendAudit(trx, actor, {
      action: 'note.read',
      recordType: 'child',
      recordId: childId,
      childId,
      fields: ['notes'],
      details: { notes: rows.length },
    });
    return rows.map((n) => presentNote(viewer, n));
  });
}

export async function readNote({ db, actor, viewer }: Ctx, childId: string, noteId: string) {
  return transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId);
    const n = await notesQuery(trx, viewer, access).where('n.id', '=', noteId).executeTakeFirst();
    if (!n) throw notFound('note');
    const versions = await trx
      .selectFrom('note_versions as v')
      .innerJoin('users', 'users.id', 'v.created_by')
      // A version made by accepting a challenge to the wording (migration 0008) says which challenge.
      .leftJoin('wording_challenges as wc', (join) =>
        join
          .on('wc.record_type', '=', 'note')
          .onRef('wc.record_id', '=', 'v.note_id')
          .onRef('wc.amended_version', '=', 'v.version')
          .on('wc.status', '=', 'accepted'),
      )
      .leftJoin('users as raiser', 'raiser.id', 'wc.raised_by')
      .leftJoin('agencies as raiser_agency', 'raiser_agency.id', 'wc.raised_agency_id')
      .select([
        'v.version',
        'v.body',
        'v.reason',
        'v.created_at',
        'users.id as user_id',
        'users.name as user_name',
        'wc.id as challenge_id',
        'wc.reason as challenge_reason',
        'wc.raised_at as challenge_raised_at',
        'raiser.id as raiser_id',
        'raiser.name as raiser_name',
        'raiser_agency.id as raiser_agency_id',
        'raiser_agency.name as raiser_agency_name',
      ])
      .where('v.note_id', '=', noteId)
      .orderBy('v.version')
      .execute();
    await appendAudit(trx, actor, {
      action: 'note.read',
      recordType: 'note',
      recordId: noteId,
      childId,
      fields: ['body', 'versions'],
    });
    return {
      ...presentNote(viewer, n),
      versions: versions.map((v) => ({
        version: v.version,
        body: v.body,
        reason: v.reason,
        createdBy: { id: v.user_id, name: v.user_name },
        createdAt: iso(v.created_at),
        amendedByChallenge:
          v.challenge_id && v.raiser_id && v.raiser_agency_id && v.challenge_raised_at
            ? {
                id: v.challenge_id,
                reason: v.challenge_reason ?? '',
                raisedBy: { id: v.raiser_id, name: v.raiser_name ?? '' },
                raisedAgency: { id: v.raiser_agency_id, name: v.raiser_agency_name ?? '' },
                raisedAt: iso(v.challenge_raised_at),
              }
            : null,
      })),
    };
  });
}

export interface NoteInput {
  type: NoteType;
  body: string;
  occurredAt: string;
  sensitivity?: SensitivityLabel | undefined;
  significant?: boolean | undefined;
}

function assertOccurredNotFuture(occurredAt: string | undefined) {
  if (occurredAt && new Date(occurredAt).getTime() > Date.now())
    throw invalid('occurredAt', 'must not be after the time it is recorded (now)');
}

export async function createNote({ db, actor, viewer }: Ctx, childId: string, input: NoteInput) {
  assertOccurredNotFuture(input.occurredAt);
  return transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId, 'note.create');
    assertNotMerged(access);
    const sensitivity = input.sensitivity ?? 'standard';
    assertMayUseLabel(viewer, access, sensitivity);
    const { id } = await trx
      .insertInto('notes')
      .values({
        child_id: childId,
        author_user_id: viewer.userId,
        author_agency_id: viewer.agencyId,
        type: input.type,
        sensitivity,
        significant: input.significant ?? false,
        occurred_at: new Date(input.occurredAt),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('note_versions')
      .values({ note_id: id, version: 1, body: input.body, reason: null, created_by: viewer.userId })
      .execute();
    await appendAudit(trx, actor, {
      action: 'note.created',
      recordType: 'note',
      recordId: id,
      childId,
      fields: Object.keys(input),
    });
    return id;
  });
}

async function loadOwnNote(trx: Transaction<DB>, viewer: Viewer, access: ChildAccess, noteId: string) {
  const n = await notesQuery(trx, viewer, access).where('n.id', '=', noteId).executeTakeFirst();
  if (!n) throw notFound('note');
  return n;
}

const finalisedConflict = () =>
  new AppError(
    'conflict',
    'status: a finalised note cannot be edited; add a correction with a reason instead',
    [{ path: 'status', message: 'the note is finalised: add a correction with a reason' }],
  );

export async function editDraft(
  { db, actor, viewer }: Ctx,
  childId: string,
  noteId: string,
  input: Partial<NoteInput>,
) {
  assertOccurredNotFuture(input.occurredAt);
  await transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId, 'note.create');
    assertNotMerged(access);
    const n = await loadOwnNote(trx, viewer, access, noteId);
    if (n.status === 'final') throw finalisedConflict();
    if (n.author_user_id !== viewer.userId) throw forbidden('Only the author may edit a draft note.');
    if (input.sensitivity) assertMayUseLabel(viewer, access, input.sensitivity);
    const changes = {
      ...(input.type ? { type: input.type } : {}),
      ...(input.sensitivity ? { sensitivity: input.sensitivity } : {}),
      ...(input.significant !== undefined ? { significant: input.significant } : {}),
      ...(input.occurredAt ? { occurred_at: new Date(input.occurredAt) } : {}),
    };
    if (Object.keys(changes).length > 0)
      await trx.updateTable('notes').set(changes).where('id', '=', noteId).execute();
    if (input.body)
      await trx
        .updateTable('note_versions')
        .set({ body: input.body })
        .where('note_id', '=', noteId)
        .where('version', '=', 1)
        .execute();
    await appendAudit(trx, actor, {
      action: 'note.edited',
      recordType: 'note',
      recordId: noteId,
      childId,
      fields: Object.keys(input),
    });
  });
}

export async function finaliseNote(
  { db, actor, viewer }: Ctx,
  childId: string,
  noteId: string,
  input: { verification?: VerificationStatus | undefined },
) {
  await transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId, 'note.finalise');
    assertNotMerged(access);
    const n = await loadOwnNote(trx, viewer, access, noteId);
    if (n.status === 'final') throw finalisedConflict();
    if (n.author_user_id !== viewer.userId) throw forbidden('Only the author may finalise a note.');
    await trx
      .updateTable('notes')
      .set({ status: 'final', finalised_at: new Date() })
      .where('id', '=', noteId)
      .execute();
    if (n.significant) {
      await addChronologyEntry(trx, {
        childId,
        kind: 'note',
        title: `${NOTE_TYPE_NAMES[n.type as NoteType]} (significant)`,
        summary: n.body,
        source: `Case note by ${n.author_name} (${n.agency_name})`,
        occurredAt: new Date(n.occurred_at),
        authorUserId: viewer.userId,
        sourceAgencyId: viewer.agencyId,
        verification: input.verification ?? 'unverified',
        sensitivity: n.sensitivity as SensitivityLabel,
        recordType: 'note',
        recordId: noteId,
      });
    }
    await appendAudit(trx, actor, {
      action: 'note.finalised',
      recordType: 'note',
      recordId: noteId,
      childId,
      details: { significant: n.significant },
    });
  });
}

export async function correctNote(
  { db, actor, viewer }: Ctx,
  childId: string,
  noteId: string,
  input: { body: string; reason: string },
) {
  await transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId, 'note.create');
    assertNotMerged(access);
    const n = await loadOwnNote(trx, viewer, access, noteId);
    if (n.status !== 'final') {
      throw new AppError('conflict', 'status: a draft note is edited, not corrected', [
        { path: 'status', message: 'the note is still a draft' },
      ]);
    }
    if (!mayCorrect(viewer, n))
      throw forbidden('Only the author, or a manager in their agency, may correct a note.');
    await trx
      .insertInto('note_versions')
      .values({
        note_id: noteId,
        version: n.version + 1,
        body: input.body,
        reason: input.reason,
        created_by: viewer.userId,
      })
      .execute();
    // The chronology shows the corrected text and says it was corrected; the original stays in the note's history.
    await trx
      .updateTable('chronology_entries')
      .set({ summary: `${input.body}\n(Corrected: ${input.reason})` })
      .where('record_type', '=', 'note')
      .where('record_id', '=', noteId)
      .execute();
    await appendAudit(trx, actor, {
      action: 'note.corrected',
      recordType: 'note',
      recordId: noteId,
      childId,
      reason: input.reason,
      details: { version: n.version + 1 },
    });
  });
}

/**
 * A new version of a finalised note written by an accepted challenge to its wording, inside the caller's
 * transaction. Where the note's text was copied to the chronology (a significant note), the copy is
 * replaced by the amended text with a provenance line, so no export repeats the words that were amended.
 * The provenance line does not quote the challenge's reason, which may quote those words.
 */
export async function writeAmendedNoteVersion(
  trx: Transaction<DB>,
  input: { noteId: string; version: number; body: string; reason: string; userId: string },
) {
  await trx
    .insertInto('note_versions')
    .values({
      note_id: input.noteId,
      version: input.version,
      body: input.body,
      reason: input.reason,
      created_by: input.userId,
    })
    .execute();
  const provenance = `\n(Wording amended on ${new Date().toISOString().slice(0, 10)} after a challenge.)`;
  await trx
    .updateTable('chronology_entries')
    .set({ summary: `${input.body.slice(0, 20000 - provenance.length)}${provenance}` })
    .where('record_type', '=', 'note')
    .where('record_id', '=', input.noteId)
    .execute();
}
