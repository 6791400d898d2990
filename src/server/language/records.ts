/**
 * The records whose wording can be challenged, each behind one adapter that answers the same questions:
 * which of its texts may be challenged and what they say now (only to someone who may read them: anyone
 * else is told the record is not there), which version that is, who wrote it (they, or a manager in their
 * agency, decide), and how an accepted amendment becomes the record's next version.
 *
 * - A case note: its body; versions are the note's own (`note_versions`).
 * - A referral: the referrer's narrative, once linked to the child. A referral is never rewritten; the
 *   versions of its narrative are kept in `wording_versions`, and its views and chronology entry show the
 *   latest.
 * - A completed assessment: the rationale for the level and the description of the harm. A completed
 *   assessment is never rewritten either; its reads carry the latest wording (`assessment/store.ts`).
 * - A plan: each objective's aim and how we will know the plan is working (never a young person's goal in
 *   their own words). A plan keeps its own versions: an accepted amendment is the next one, and the young
 *   person's plan is written again from it.
 * - A held meeting: the shareable minute of an agenda item about the child. The amended minute goes into
 *   the meeting's record, so every pack and copy of the minutes sent from then on uses it; its versions are
 *   kept in `wording_versions`.
 */
import type { Transaction } from 'kysely';
import { canSeeLabel, decide } from '../../domain/access/policy.ts';
import type { ChildRelationship, SensitivityLabel, Viewer } from '../../domain/access/types.ts';
import { NOTE_TYPE_NAMES, type NoteType } from '../../domain/children/case-record.ts';
import { PLAN_SECTIONS } from '../../domain/plans/index.ts';
import { AMENDABLE_ASSESSMENT_FIELDS, assessmentText, loadAssessmentRow } from '../assessment/store.ts';
import type { AuditAction } from '../audit/events.ts';
import { labelsFor, relationshipTo } from '../children/access.ts';
import { notesQuery, writeAmendedNoteVersion } from '../children/notes.ts';
import type { DB } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';
import { mayAttend, mayManage } from '../mace/meetings.ts';
import { checkMeeting, loadMeeting, restrictedTextOnRecord, updateMeeting } from '../mace/store.ts';
import { recordJson } from '../mace/views.ts';
import { planText, writeAmendedPlanVersion } from '../plans/service.ts';
import { loadPlanRow, loadVersion } from '../plans/store.ts';
import { mayScreen } from '../referrals/view.ts';
import {
  addWordingVersion,
  latestWordings,
  type VersionedRecordType,
  wordingVersion,
} from './wording-versions.ts';

export const WORDING_RECORD_TYPES = ['note', 'referral', 'assessment', 'plan', 'minutes'] as const;
export type WordingRecordType = (typeof WORDING_RECORD_TYPES)[number];

/** Where each kind of record sits under `/api/children/:id/`, and the name of its id in the path. */
export const RECORD_PATHS: Record<WordingRecordType, { segment: string; param: string }> = {
  note: { segment: 'notes', param: 'noteId' },
  referral: { segment: 'referrals', param: 'referralId' },
  assessment: { segment: 'assessments', param: 'assessmentId' },
  plan: { segment: 'plans', param: 'planId' },
  minutes: { segment: 'meetings', param: 'meetingId' },
};

/** What a record is called in a sentence: "the wording of your case note". */
export const RECORD_TYPE_NAMES: Record<WordingRecordType, string> = {
  note: 'case note',
  referral: 'referral',
  assessment: 'assessment',
  plan: 'plan',
  minutes: 'meeting minutes',
};

/** One text of one record, as the viewer may read it now. */
export interface WordingText {
  type: WordingRecordType;
  recordId: string;
  childId: string;
  /** 'body', 'narrative', 'judgement.rationale', 'harm.description', 'minutes.<agenda item id>'. */
  field: string;
  /** What this text is, for people: "The rationale for the level". */
  fieldName: string;
  /** What the record is, for people: "Visit note", "Referral from Fernbridge Academy". */
  title: string;
  occurredAt: string;
  text: string;
  version: number;
  /** Why its wording cannot be challenged now (a draft, a meeting not yet held), or null. */
  notChallengeable: string | null;
  /** Who wrote it: they, or a manager in their agency, decide a challenge. */
  author: { userId: string; agencyId: string; name: string; agencyName: string };
  rel: ChildRelationship;
  mergedInto: string | null;
}

export interface WordingRecord {
  /** The audit action of reading the record. */
  readAction: AuditAction;
  /** Every text of the record that a challenge may be about; the record is not there (404) for anyone who may not read it. */
  texts(trx: Transaction<DB>, viewer: Viewer, childId: string, recordId: string): Promise<WordingText[]>;
  /** Takes the record's row lock: raising, deciding and changing one record happen one at a time. */
  lock(trx: Transaction<DB>, recordId: string): Promise<void>;
  /** The text of an earlier version of a field, if that version exists. */
  versionText(trx: Transaction<DB>, recordId: string, field: string, version: number): Promise<string | null>;
  /** Beyond being its author or their manager: may this person change the record at all? */
  mayChange(viewer: Viewer, text: WordingText): boolean;
  /** Writes an accepted amendment as the field's next version, in the caller's transaction. */
  write(
    trx: Transaction<DB>,
    text: WordingText,
    amendment: { version: number; text: string; reason: string; userId: string; challengeId: string },
  ): Promise<void>;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const dayOf = (d: Date | string) => iso(d).slice(0, 10);

async function relationOrNotFound(trx: Transaction<DB>, viewer: Viewer, childId: string, what: string) {
  const found = await relationshipTo(trx, viewer, childId);
  if (!found) throw notFound(what);
  return found;
}

async function agencyOf(trx: Transaction<DB>, userId: string) {
  return trx
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select(['u.name', 'u.agency_id', 'a.name as agency_name'])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
}

/** Keeps an accepted amendment of a referral, assessment or minute as the field's next version. */
async function keepVersion(
  trx: Transaction<DB>,
  recordType: VersionedRecordType,
  t: WordingText,
  a: Parameters<WordingRecord['write']>[2],
) {
  await addWordingVersion(trx, {
    recordType,
    recordId: t.recordId,
    field: t.field,
    previous: { version: t.version, text: t.text },
    version: a.version,
    text: a.text,
    reason: a.reason,
    challengeId: a.challengeId,
    userId: a.userId,
  });
}

const noteRecord: WordingRecord = {
  readAction: 'note.read',
  async texts(trx, viewer, childId, noteId) {
    const found = await relationOrNotFound(trx, viewer, childId, 'note');
    if (!decide(viewer, 'child.read', { child: found.rel }).allowed) throw notFound('note');
    const access = {
      childId,
      rel: found.rel,
      labels: labelsFor(viewer, found.rel),
      mergedInto: found.mergedInto,
      caseStatus: found.caseStatus,
    };
    const note = await notesQuery(trx, viewer, access).where('n.id', '=', noteId).executeTakeFirst();
    if (!note) throw notFound('note');
    return [
      {
        type: 'note',
        recordId: noteId,
        childId,
        field: 'body',
        fieldName: 'The note',
        title: `${NOTE_TYPE_NAMES[note.type as NoteType]} note`,
        occurredAt: iso(note.occurred_at),
        text: note.body,
        version: note.version,
        notChallengeable:
          note.status === 'final' ? null : 'the note is a draft: its author changes it, it is not challenged',
        author: {
          userId: note.author_user_id,
          agencyId: note.author_agency_id,
          name: note.author_name,
          agencyName: note.agency_name,
        },
        rel: found.rel,
        mergedInto: found.mergedInto,
      },
    ];
  },
  async lock(trx, noteId) {
    await trx.selectFrom('notes').select('id').where('id', '=', noteId).forUpdate().execute();
  },
  async versionText(trx, noteId, _field, version) {
    const row = await trx
      .selectFrom('note_versions')
      .select('body')
      .where('note_id', '=', noteId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row?.body ?? null;
  },
  // The same permission as correcting a note.
  mayChange: (viewer, t) => decide(viewer, 'note.create', { child: t.rel }).allowed,
  async write(trx, t, a) {
    await writeAmendedNoteVersion(trx, {
      noteId: t.recordId,
      version: a.version,
      body: a.text,
      reason: a.reason,
      userId: a.userId,
    });
  },
};

const referralRecord: WordingRecord = {
  readAction: 'referral.read',
  async texts(trx, viewer, childId, referralId) {
    const r = await trx
      .selectFrom('referrals as r')
      .innerJoin('users as ru', 'ru.id', 'r.referrer_user_id')
      .innerJoin('agencies as ra', 'ra.id', 'r.referrer_agency_id')
      .select([
        'r.id',
        'r.narrative',
        'r.sensitivity',
        'r.received_at',
        'r.referrer_user_id',
        'r.referrer_agency_id',
        'ru.name as referrer_name',
        'ra.name as referrer_agency_name',
      ])
      .where('r.id', '=', referralId)
      .where('r.child_id', '=', childId)
      .executeTakeFirst();
    if (!r) throw notFound('referral');
    const found = await relationOrNotFound(trx, viewer, childId, 'referral');
    // As the referral's own views decide: the front door, if the label allows; the referrer, always.
    const own = r.referrer_user_id === viewer.userId;
    const readable =
      (mayScreen(viewer) && (own || canSeeLabel(viewer, r.sensitivity as SensitivityLabel, found.rel))) ||
      (own && decide(viewer, 'referral.read_own_outcome').allowed);
    if (!readable) throw notFound('referral');
    const latest = (await latestWordings(trx, 'referral', [referralId])).get(referralId)?.get('narrative');
    return [
      {
        type: 'referral',
        recordId: referralId,
        childId,
        field: 'narrative',
        fieldName: 'What happened, in the referrer’s words',
        title: `Referral from ${r.referrer_agency_name}`,
        occurredAt: iso(r.received_at),
        text: latest?.text ?? r.narrative,
        version: latest?.version ?? 1,
        notChallengeable: null,
        author: {
          userId: r.referrer_user_id,
          agencyId: r.referrer_agency_id,
          name: r.referrer_name,
          agencyName: r.referrer_agency_name,
        },
        rel: found.rel,
        mergedInto: found.mergedInto,
      },
    ];
  },
  async lock(trx, referralId) {
    await trx.selectFrom('referrals').select('id').where('id', '=', referralId).forUpdate().execute();
  },
  async versionText(trx, referralId, field, version) {
    const row = await wordingVersion(trx, 'referral', referralId, field, version);
    if (row) return row.text;
    if (version !== 1) return null;
    const r = await trx
      .selectFrom('referrals')
      .select('narrative')
      .where('id', '=', referralId)
      .executeTakeFirst();
    return r?.narrative ?? null;
  },
  // The referrer's own words: they (or their manager) may change them.
  mayChange: () => true,
  async write(trx, t, a) {
    await keepVersion(trx, 'referral', t, a);
    // The chronology holds a copy of the narrative: it shows the amended text, saying it was amended.
    const provenance = `\n(Wording amended on ${dayOf(new Date())} after a challenge.)`;
    await trx
      .updateTable('chronology_entries')
      .set({ summary: `${a.text.slice(0, 20000 - provenance.length)}${provenance}` })
      .where('record_type', '=', 'referral')
      .where('record_id', '=', t.recordId)
      .where('kind', '=', 'referral')
      .execute();
  },
};

const ASSESSMENT_FIELD_NAMES: Record<(typeof AMENDABLE_ASSESSMENT_FIELDS)[number], string> = {
  'judgement.rationale': 'The rationale for the level of concern',
  'harm.description': 'What is suspected or known',
};

const assessmentRecord: WordingRecord = {
  readAction: 'assessment.read',
  async texts(trx, viewer, childId, assessmentId) {
    const found = await relationOrNotFound(trx, viewer, childId, 'assessment');
    if (!decide(viewer, 'child.read', { child: found.rel }).allowed) throw notFound('assessment');
    const row = await loadAssessmentRow(trx, childId, assessmentId);
    if (!row) throw notFound('assessment');
    const completed = row.status === 'completed' && row.completed_by !== null;
    // Who completed it wrote its judgement; a draft is its creator's.
    const authorId = row.completed_by ?? row.created_by;
    const writer = await agencyOf(trx, authorId);
    const author = {
      userId: authorId,
      agencyId: row.completed_agency_id ?? row.created_agency_id,
      name: writer.name,
      agencyName: row.completed_agency_name ?? writer.agency_name,
    };
    const versions = (await latestWordings(trx, 'assessment', [assessmentId])).get(assessmentId);
    return AMENDABLE_ASSESSMENT_FIELDS.flatMap((field) => {
      const text = assessmentText(row.content, field);
      if (text === null) return [];
      return [
        {
          type: 'assessment' as const,
          recordId: assessmentId,
          childId,
          field,
          fieldName: ASSESSMENT_FIELD_NAMES[field],
          title: row.instrument_title,
          occurredAt: iso(row.completed_at ?? row.created_at),
          text,
          version: versions?.get(field)?.version ?? 1,
          notChallengeable: completed
            ? null
            : 'the assessment is a draft: its author changes it, it is not challenged',
          author,
          rel: found.rel,
          mergedInto: found.mergedInto,
        },
      ];
    });
  },
  async lock(trx, assessmentId) {
    await trx.selectFrom('assessments').select('id').where('id', '=', assessmentId).forUpdate().execute();
  },
  async versionText(trx, assessmentId, field, version) {
    const row = await wordingVersion(trx, 'assessment', assessmentId, field, version);
    if (row) return row.text;
    if (version !== 1) return null;
    const a = await trx
      .selectFrom('assessments')
      .select('content')
      .where('id', '=', assessmentId)
      .executeTakeFirst();
    return a ? assessmentText(a.content, field) : null;
  },
  // No one edits a completed assessment; its author (or their manager) amending its wording is the
  // challenge's own rule, and the amendment is kept beside the record, never in it.
  mayChange: () => true,
  async write(trx, t, a) {
    await keepVersion(trx, 'assessment', t, a);
  },
};

/** The person who last wrote the plan's words (an objective's status or an amendment does not count). */
async function planWriter(trx: Transaction<DB>, planId: string) {
  const row = await trx
    .selectFrom('plan_versions')
    .select('saved_by')
    .where('plan_id', '=', planId)
    .where('change', 'in', ['created', 'updated'])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.saved_by;
}

const planRecord: WordingRecord = {
  readAction: 'plan.read',
  async texts(trx, viewer, childId, planId) {
    const found = await relationOrNotFound(trx, viewer, childId, 'plan');
    if (!decide(viewer, 'child.read', { child: found.rel }).allowed) throw notFound('plan');
    const row = await loadPlanRow(trx, childId, planId);
    if (!row) throw notFound('plan');
    const { plan, labels } = await loadVersion(trx, planId, row.version);
    const seen = labelsFor(viewer, found.rel) as string[];
    const authorId = await planWriter(trx, planId);
    const writer = await agencyOf(trx, authorId);
    const base = {
      type: 'plan' as const,
      recordId: planId,
      childId,
      title: 'Safety and support plan',
      occurredAt: iso(plan.updatedAt),
      version: row.version,
      notChallengeable: null,
      author: {
        userId: authorId,
        agencyId: writer.agency_id,
        name: writer.name,
        agencyName: writer.agency_name,
      },
      rel: found.rel,
      mergedInto: found.mergedInto,
    };
    const texts: WordingText[] = [];
    for (const key of PLAN_SECTIONS) {
      for (const o of plan.sections[key].objectives) {
        // A young person's goal in their own words is theirs: it is never amended by a challenge.
        if ('inTheirOwnWords' in o && o.inTheirOwnWords) continue;
        if (!seen.includes(labels[o.id] ?? 'standard')) continue;
        texts.push({
          ...base,
          field: `objective.${o.id}`,
          fieldName: `Objective: ${o.aim.slice(0, 80)}`,
          text: o.aim,
        });
      }
    }
    if (plan.howWeWillKnow)
      texts.push({
        ...base,
        field: 'howWeWillKnow',
        fieldName: 'How we will know the plan is working',
        text: plan.howWeWillKnow,
      });
    return texts;
  },
  async lock(trx, planId) {
    await trx.selectFrom('plans').select('id').where('id', '=', planId).forUpdate().execute();
  },
  async versionText(trx, planId, field, version) {
    const exists = await trx
      .selectFrom('plan_versions')
      .select('version')
      .where('plan_id', '=', planId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!exists) return null;
    return planText((await loadVersion(trx, planId, version)).plan, field);
  },
  // The plan's writer (or their manager) amending its words is the challenge's own rule.
  mayChange: () => true,
  async write(trx, t, a) {
    await writeAmendedPlanVersion(trx, {
      childId: t.childId,
      planId: t.recordId,
      field: t.field,
      text: a.text,
      userId: a.userId,
    });
  },
};

const minutesRecord: WordingRecord = {
  readAction: 'meeting.read',
  async texts(trx, viewer, childId, meetingId) {
    const stored = await loadMeeting(trx, meetingId).catch(() => {
      throw notFound('meeting');
    });
    const m = stored.meeting;
    // The shareable minutes are for everyone at the meeting: its chair and coordinators, and its members.
    if (!(await mayManage(trx, viewer, m)) && !(await mayAttend(trx, viewer, meetingId)))
      throw notFound('meeting');
    const items = m.agenda.filter((a) => a.kind === 'child' && a.childId === childId);
    if (items.length === 0) throw notFound('meeting');
    const found = await relationOrNotFound(trx, viewer, childId, 'meeting');
    const authorId = m.chair.personId ?? stored.createdBy;
    const author = await agencyOf(trx, authorId);
    const versions = (await latestWordings(trx, 'minutes', [meetingId])).get(meetingId);
    return items.flatMap((item) => {
      const minute = m.minutes.find((x) => x.itemId === item.id);
      if (!minute) return [];
      const text = minute.shareable;
      const field = `minutes.${item.id}`;
      return [
        {
          type: 'minutes' as const,
          recordId: meetingId,
          childId,
          field,
          fieldName: `The shareable minute: ${item.heading}`,
          title: stored.title,
          occurredAt: iso(m.startsAt),
          text,
          version: versions?.get(field)?.version ?? 1,
          notChallengeable:
            stored.status !== 'held'
              ? 'the meeting has not been held: its minutes are still being written'
              : text.length === 0
                ? 'this minute is empty: there is no wording to challenge'
                : null,
          author: {
            userId: authorId,
            agencyId: author.agency_id,
            name: author.name,
            agencyName: author.agency_name,
          },
          rel: found.rel,
          mergedInto: found.mergedInto,
        },
      ];
    });
  },
  async lock(trx, meetingId) {
    await trx.selectFrom('mace_meetings').select('id').where('id', '=', meetingId).forUpdate().execute();
  },
  async versionText(trx, meetingId, field, version) {
    const row = await wordingVersion(trx, 'minutes', meetingId, field, version);
    return row?.text ?? null;
  },
  mayChange: () => true,
  async write(trx, t, a) {
    const stored = await loadMeeting(trx, t.recordId, { forUpdate: true });
    const itemId = t.field.slice('minutes.'.length);
    const changed = {
      ...stored.meeting,
      minutes: stored.meeting.minutes.map((x) => (x.itemId === itemId ? { ...x, shareable: a.text } : x)),
    };
    // The amended minute is held to the minutes' own rules: it must not quote restricted text.
    let meeting: ReturnType<typeof checkMeeting>;
    try {
      meeting = checkMeeting(recordJson(changed), {
        restrictedFromRecord: await restrictedTextOnRecord(trx, changed),
      });
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed') {
        const message = `makes the minute break the minutes’ rules: ${error.message}`;
        throw new AppError('validation_failed', `wording: ${message}`, [{ path: 'wording', message }]);
      }
      throw error;
    }
    await keepVersion(trx, 'minutes', t, a);
    await updateMeeting(trx, { ...meeting, id: t.recordId });
  },
};

export const WORDING_RECORDS: Record<WordingRecordType, WordingRecord> = {
  note: noteRecord,
  referral: referralRecord,
  assessment: assessmentRecord,
  plan: planRecord,
  minutes: minutesRecord,
};

/** One text of a record by its field; without a field, the record's first. */
export function textOf(texts: readonly WordingText[], field: string | undefined, type: WordingRecordType) {
  if (texts.length === 0)
    throw new AppError('conflict', 'field: this record has no wording that can be challenged', [
      { path: 'field', message: 'this record has no wording that can be challenged' },
    ]);
  if (field === undefined) return texts[0] as WordingText;
  const text = texts.find((t) => t.field === field);
  if (!text) {
    const message = `is not a text of this ${RECORD_TYPE_NAMES[type]}: use one of ${texts.map((t) => t.field).join(', ')}`;
    throw new AppError('validation_failed', `field: ${message}`, [{ path: 'field', message }]);
  }
  return text;
}
