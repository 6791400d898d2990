/**
 * Challenge and amend, for finalised case notes: raising a challenge to the wording, listing, withdrawing,
 * and accepting (a new version of the note) or declining. The rules are in
 * `src/domain/language/challenges.ts`; this file loads, locks, stores and audits.
 *
 * Access: raising follows read access to the finalised note (the note query's visibility); deciding follows
 * the note's correction rule (its author, or a manager in the author's agency), never the raiser.
 */
import { sql, type Transaction, type Updateable } from 'kysely';
import { canSeeLabel, decide } from '../../domain/access/policy.ts';
import type { SensitivityLabel, Viewer } from '../../domain/access/types.ts';
import { NOTE_TYPE_NAMES, type NoteType } from '../../domain/children/case-record.ts';
import { ageOn } from '../../domain/children/record.ts';
import {
  amend,
  amendedVersionReason,
  CHALLENGE_STATUS_NAMES,
  type ChallengeSpan,
  type ChallengeStatus,
  decisionProblem,
  type FieldProblem,
  mayDecide,
  mayWithdraw,
  spanProblem,
  whyNotDecide,
  wordingProblem,
} from '../../domain/language/challenges.ts';
import { checkText } from '../../domain/language/index.ts';
import { appendAudit } from '../audit/audit.ts';
import type { AuditAction, AuditDetailValue } from '../audit/events.ts';
import { assertNotMerged, childVisibleTo, openChild, relationshipTo, transact } from '../children/access.ts';
import { type NoteRow, notesQuery, writeAmendedNoteVersion } from '../children/notes.ts';
import { displayName } from '../children/presenter.ts';
import type { Ctx } from '../children/record.ts';
import { loadPerson } from '../children/record-queries.ts';
import type { DB, WordingChallengeTable } from '../db/schema.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { withKeys } from './findings.ts';
import { currentLexicon } from './lexicon.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const DECISION_DAYS = 14;

const problem = (p: FieldProblem) =>
  new AppError('validation_failed', `${p.path}: ${p.message}`, [{ path: p.path, message: p.message }]);
const conflict = (path: string, message: string) =>
  new AppError('conflict', `${path}: ${message}`, [{ path, message }]);

const personOf = (viewer: Viewer) => ({
  userId: viewer.userId,
  agencyId: viewer.agencyId,
  roles: viewer.roles,
});
const recordOf = (n: { author_user_id: string; author_agency_id: string }) => ({
  authorUserId: n.author_user_id,
  authorAgencyId: n.author_agency_id,
});

/** The note, if this viewer may see it (a draft only by its author); otherwise it is not there. */
async function visibleNote(trx: Transaction<DB>, viewer: Viewer, childId: string, noteId: string) {
  const access = await openChild(trx, viewer, childId);
  const note = await notesQuery(trx, viewer, access).where('n.id', '=', noteId).executeTakeFirst();
  if (!note) throw notFound('note');
  return { access, note };
}

/** Takes the note's row lock, so raising, deciding and correcting one note happen one at a time. */
async function lockNote(trx: Transaction<DB>, noteId: string) {
  await trx.selectFrom('notes').select('id').where('id', '=', noteId).forUpdate().execute();
}

function challengesQuery(trx: Transaction<DB>) {
  return (
    trx
      .selectFrom('wording_challenges as wc')
      .innerJoin('users as raiser', 'raiser.id', 'wc.raised_by')
      .innerJoin('agencies as raiser_agency', 'raiser_agency.id', 'wc.raised_agency_id')
      .leftJoin('users as decider', 'decider.id', 'wc.decided_by')
      // The note's child now: a merge of two records moves notes to the record kept.
      .innerJoin('notes as cn', 'cn.id', 'wc.record_id')
      .selectAll('wc')
      .select([
        'cn.child_id as note_child_id',
        'raiser.name as raiser_name',
        'raiser_agency.name as raiser_agency_name',
        'decider.name as decider_name',
      ])
      .where('wc.record_type', '=', 'note')
  );
}
type ChallengeRow = Awaited<ReturnType<ReturnType<typeof challengesQuery>['executeTakeFirstOrThrow']>>;

function presentChallenge(
  viewer: Viewer,
  c: ChallengeRow,
  note: { author_user_id: string; author_agency_id: string },
) {
  const status = c.status as ChallengeStatus;
  const facts = { status, raisedBy: c.raised_by };
  return {
    id: c.id,
    record: { type: 'note' as const, id: c.record_id, childId: c.note_child_id },
    version: c.version,
    span:
      c.span_start !== null && c.span_end !== null && c.span_text !== null
        ? { start: c.span_start, end: c.span_end, text: c.span_text }
        : null,
    reason: c.reason,
    suggestedWording: c.suggested_wording,
    ruleId: c.rule_id,
    lexiconVersion: c.lexicon_version,
    raisedBy: { id: c.raised_by, name: c.raiser_name },
    raisedAgency: { id: c.raised_agency_id, name: c.raiser_agency_name },
    raisedAt: iso(c.raised_at),
    status,
    statusName: CHALLENGE_STATUS_NAMES[status],
    decidedBy: c.decided_by ? { id: c.decided_by, name: c.decider_name ?? '' } : null,
    decidedAt: c.decided_at ? iso(c.decided_at) : null,
    decisionReason: c.decision_reason,
    amendedWording: c.amended_wording,
    amendedVersion: c.amended_version,
    permissions: {
      withdraw: mayWithdraw(personOf(viewer), facts),
      decide: mayDecide(personOf(viewer), recordOf(note), facts),
    },
  };
}
export type ChallengeView = ReturnType<typeof presentChallenge>;

export interface RaiseInput {
  version: number;
  reason: string;
  suggestedWording: string;
  span?: ChallengeSpan | undefined;
  ruleId?: string | undefined;
  lexiconVersion?: string | undefined;
}

/** Raises a challenge to the wording of the current version of a finalised note. */
export async function raiseChallenge(ctx: Ctx, childId: string, noteId: string, input: RaiseInput) {
  const lexicon = await currentLexicon(ctx.db);
  const { db, actor, viewer } = ctx;
  return transact(db, actor, async (trx) => {
    const { access, note } = await visibleNote(trx, viewer, childId, noteId);
    assertNotMerged(access);
    await lockNote(trx, noteId);
    if (note.status !== 'final')
      throw conflict('status', 'the note is a draft: its author changes it, it is not challenged');
    if (input.version !== note.version)
      throw conflict('version', `is not the note’s current version (${note.version}): read the note again`);
    if (input.span) {
      const p = spanProblem(note.body, input.span);
      if (p) throw problem(p);
    }
    const wording = wordingProblem('suggestedWording', input.suggestedWording);
    if (wording) throw problem(wording);
    if (input.suggestedWording === (input.span ? input.span.text : note.body))
      throw problem({ path: 'suggestedWording', message: 'is the same as the words challenged' });
    let lexiconVersion = input.lexiconVersion ?? null;
    if (input.ruleId && !lexiconVersion) {
      if (!lexicon.rules.some((rule) => rule.id === input.ruleId))
        throw problem({ path: 'ruleId', message: 'is not a rule in the lexicon in force' });
      lexiconVersion = lexicon.version;
    }
    const span = input.span ?? null;
    const duplicate = await trx
      .selectFrom('wording_challenges')
      .select('id')
      .where('record_type', '=', 'note')
      .where('record_id', '=', noteId)
      .where('version', '=', note.version)
      .where('status', '=', 'open')
      .where((eb) =>
        span
          ? eb.and([eb('span_start', '=', span.start), eb('span_end', '=', span.end)])
          : eb('span_start', 'is', null),
      )
      .executeTakeFirst();
    if (duplicate)
      throw conflict(
        span ? 'span' : 'suggestedWording',
        'these words already have an open challenge: add to it by talking to the author, or wait for the decision',
      );
    // The author decides, so the task is theirs (unless they raised it themselves: then their manager).
    const task =
      note.author_user_id === viewer.userId
        ? null
        : await trx
            .insertInto('tasks')
            .values({
              child_id: childId,
              kind: 'wording_challenge',
              title: `Decide a challenge to the wording of your ${NOTE_TYPE_NAMES[note.type as NoteType].toLowerCase()} note`,
              assigned_to: note.author_user_id,
              due_at: sql<Date>`now() + ${`${DECISION_DAYS} days`}::interval`,
              created_by: viewer.userId,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
    const { id } = await trx
      .insertInto('wording_challenges')
      .values({
        record_type: 'note',
        record_id: noteId,
        child_id: childId,
        version: note.version,
        span_start: span?.start ?? null,
        span_end: span?.end ?? null,
        span_text: span?.text ?? null,
        reason: input.reason,
        suggested_wording: input.suggestedWording,
        rule_id: input.ruleId ?? null,
        lexicon_version: input.ruleId ? lexiconVersion : null,
        raised_by: viewer.userId,
        raised_agency_id: viewer.agencyId,
        task_id: task?.id ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, {
      action: 'language.challenge_raised',
      recordType: 'note',
      recordId: noteId,
      childId,
      fields: ['wording'],
      details: {
        challengeId: id,
        version: note.version,
        ruleId: input.ruleId ?? null,
        span: span !== null,
      },
    });
    const row = await challengesQuery(trx).where('wc.id', '=', id).executeTakeFirstOrThrow();
    return presentChallenge(viewer, row, note);
  });
}

/** A note's challenges, newest first, with what this viewer may do to each. Audited as a read of the note. */
export async function listNoteChallenges({ db, actor, viewer }: Ctx, childId: string, noteId: string) {
  return transact(db, actor, async (trx) => {
    const { access, note } = await visibleNote(trx, viewer, childId, noteId);
    const rows = await challengesQuery(trx)
      .where('wc.record_id', '=', noteId)
      .orderBy('wc.raised_at', 'desc')
      .execute();
    await appendAudit(trx, actor, {
      action: 'note.read',
      recordType: 'note',
      recordId: noteId,
      childId,
      fields: ['challenges'],
      details: { challenges: rows.length },
    });
    return {
      mayRaise: note.status === 'final' && !access.mergedInto,
      version: note.version,
      challenges: rows.map((row) => presentChallenge(viewer, row, note)),
    };
  });
}

/** The assistant's findings on the note's current text: checked on view, never stored or counted. */
export async function noteWordingFindings({ db, actor, viewer }: Ctx, childId: string, noteId: string) {
  const lexicon = await currentLexicon(db);
  return transact(db, actor, async (trx) => {
    const { note } = await visibleNote(trx, viewer, childId, noteId);
    const person = await loadPerson(trx, childId);
    const childAge = person?.dob ? ageOn(person.dob, new Date().toISOString().slice(0, 10)) : undefined;
    const result = checkText(note.body, { lexicon, ...(childAge !== undefined ? { childAge } : {}) });
    await appendAudit(trx, actor, {
      action: 'note.read',
      recordType: 'note',
      recordId: noteId,
      childId,
      fields: ['body', 'wording_findings'],
    });
    return {
      version: note.version,
      lexiconVersion: result.lexiconVersion,
      findings: withKeys(result.findings),
    };
  });
}

async function loadChallenge(trx: Transaction<DB>, noteId: string, challengeId: string) {
  const row = await challengesQuery(trx)
    .where('wc.record_id', '=', noteId)
    .where('wc.id', '=', challengeId)
    .executeTakeFirst();
  if (!row) throw notFound('challenge');
  return row;
}

/**
 * Ends an open challenge with its outcome, in the caller's transaction: the status, who ended it and when
 * (with whatever else the outcome records), the raiser's task closed, and the audit entry against the note.
 */
async function endChallenge(
  trx: Transaction<DB>,
  { actor, viewer }: Pick<Ctx, 'actor' | 'viewer'>,
  c: { id: string; task_id: string | null },
  where: { childId: string; noteId: string },
  outcome: {
    status: 'withdrawn' | 'declined' | 'superseded' | 'accepted';
    set?: Updateable<WordingChallengeTable>;
    action: AuditAction;
    fields?: readonly string[];
    details: Readonly<Record<string, AuditDetailValue>>;
  },
) {
  await trx
    .updateTable('wording_challenges')
    .set({ ...outcome.set, status: outcome.status, decided_by: viewer.userId, decided_at: sql`now()` })
    .where('id', '=', c.id)
    .execute();
  if (c.task_id)
    await trx
      .updateTable('tasks')
      .set({ status: 'done', completed_at: sql`now()`, completed_by: viewer.userId })
      .where('id', '=', c.task_id)
      .where('status', '=', 'open')
      .execute();
  await appendAudit(trx, actor, {
    action: outcome.action,
    recordType: 'note',
    recordId: where.noteId,
    childId: where.childId,
    ...(outcome.fields ? { fields: outcome.fields } : {}),
    details: { challengeId: c.id, ...outcome.details },
  });
}

/** Withdraws a challenge: whoever raised it, while it is open. */
export async function withdrawChallenge(
  { db, actor, viewer }: Ctx,
  childId: string,
  noteId: string,
  challengeId: string,
) {
  return transact(db, actor, async (trx) => {
    const { note } = await visibleNote(trx, viewer, childId, noteId);
    await lockNote(trx, noteId);
    const c = await loadChallenge(trx, noteId, challengeId);
    if (c.raised_by !== viewer.userId)
      throw forbidden('Only the person who raised a challenge may withdraw it.');
    if (!mayWithdraw(personOf(viewer), { status: c.status as ChallengeStatus, raisedBy: c.raised_by }))
      throw conflict('status', `this challenge is already ${c.status}`);
    await endChallenge(
      trx,
      { actor, viewer },
      c,
      { childId, noteId },
      {
        status: 'withdrawn',
        action: 'language.challenge_withdrawn',
        details: {},
      },
    );
    return presentChallenge(viewer, await loadChallenge(trx, noteId, challengeId), note);
  });
}

export interface DecisionBody {
  decision: 'accept' | 'decline';
  reason?: string | undefined;
  wording?: string | undefined;
}

type DecisionOutcome = { superseded: false; challenge: ChallengeView } | { superseded: true };

/**
 * Accepts (a new version of the note, in this transaction) or declines a challenge. When the note has
 * moved on and the challenged words are no longer in it, the challenge is marked superseded (that is kept)
 * and the answer is 409.
 */
export async function decideChallenge(
  { db, actor, viewer }: Ctx,
  childId: string,
  noteId: string,
  challengeId: string,
  input: DecisionBody,
) {
  const outcome = await transact<DecisionOutcome>(db, actor, async (trx) => {
    const { access, note: seen } = await visibleNote(trx, viewer, childId, noteId);
    await lockNote(trx, noteId);
    // Read again under the lock: the current version is what an acceptance amends.
    const note = (await notesQuery(trx, viewer, access)
      .where('n.id', '=', noteId)
      .executeTakeFirst()) as NoteRow;
    const c = await loadChallenge(trx, noteId, challengeId);
    const status = c.status as ChallengeStatus;
    const facts = { status, raisedBy: c.raised_by };
    if (status !== 'open') throw conflict('status', `this challenge is already ${status}`);
    if (!mayDecide(personOf(viewer), recordOf(seen), facts))
      throw forbidden(
        `You may not decide this challenge: ${whyNotDecide(personOf(viewer), recordOf(seen), facts)}.`,
      );
    // The same permission as correcting a note.
    if (!decide(viewer, 'note.create', { child: access.rel }).allowed)
      throw forbidden('You do not have permission to change this child’s notes.');
    assertNotMerged(access);
    const p = decisionProblem(input);
    if (p) throw problem(p);

    if (input.decision === 'decline') {
      await endChallenge(
        trx,
        { actor, viewer },
        c,
        { childId, noteId },
        {
          status: 'declined',
          set: { decision_reason: input.reason ?? null },
          action: 'language.challenge_declined',
          details: { version: note.version, ruleId: c.rule_id },
        },
      );
      return {
        superseded: false,
        challenge: presentChallenge(viewer, await loadChallenge(trx, noteId, challengeId), note),
      };
    }

    // Accept: the words challenged, or the whole text of the version challenged.
    let span: ChallengeSpan;
    if (c.span_start !== null && c.span_end !== null && c.span_text !== null) {
      span = { start: c.span_start, end: c.span_end, text: c.span_text };
    } else {
      const challenged = await trx
        .selectFrom('note_versions')
        .select('body')
        .where('note_id', '=', noteId)
        .where('version', '=', c.version)
        .executeTakeFirstOrThrow();
      span = { start: 0, end: challenged.body.length, text: challenged.body };
    }
    const wording = input.wording ?? c.suggested_wording;
    const amended = amend(note.body, span, wording);
    if (!amended.ok) {
      await endChallenge(
        trx,
        { actor, viewer },
        c,
        { childId, noteId },
        {
          status: 'superseded',
          action: 'language.challenge_superseded',
          details: { fromVersion: c.version, currentVersion: note.version },
        },
      );
      return { superseded: true };
    }
    if (amended.text.length > 50000)
      throw problem({ path: 'wording', message: 'makes the note longer than 50,000 characters' });
    const toVersion = note.version + 1;
    await writeAmendedNoteVersion(trx, {
      noteId,
      version: toVersion,
      body: amended.text,
      reason: amendedVersionReason(c.reason),
      userId: viewer.userId,
    });
    await endChallenge(
      trx,
      { actor, viewer },
      c,
      { childId, noteId },
      {
        status: 'accepted',
        set: {
          decision_reason: input.reason ?? null,
          amended_wording:
            input.wording !== undefined && input.wording !== c.suggested_wording ? input.wording : null,
          amended_version: toVersion,
        },
        action: 'language.challenge_accepted',
        fields: ['body'],
        details: { fromVersion: note.version, toVersion, ruleId: c.rule_id },
      },
    );
    return {
      superseded: false,
      challenge: presentChallenge(viewer, await loadChallenge(trx, noteId, challengeId), note),
    };
  });
  if (outcome.superseded)
    throw conflict(
      'version',
      'the note has changed since the challenge and the challenged words are no longer in it: the challenge is superseded',
    );
  return outcome.challenge;
}

/**
 * Challenges this viewer may decide: on their own notes, and (for a manager) on notes written in their
 * agency; never ones they raised; only where they may still read the note. Each row read is audited
 * against its child.
 */
export async function challengesToDecide({ db, actor, viewer }: Ctx, status: ChallengeStatus = 'open') {
  return transact(db, actor, async (trx) => {
    const manager = viewer.roles.includes('manager');
    const rows = await challengesQuery(trx)
      .innerJoin('notes as n', 'n.id', 'wc.record_id')
      .innerJoin('people as p', 'p.id', 'n.child_id')
      .innerJoin('users as author', 'author.id', 'n.author_user_id')
      .select([
        'n.author_user_id',
        'n.author_agency_id',
        'n.sensitivity',
        'n.type as note_type',
        'n.occurred_at as note_occurred_at',
        'author.name as author_name',
        'p.given_name',
        'p.family_name',
      ])
      .where('wc.status', '=', status)
      .where('wc.raised_by', '<>', viewer.userId)
      .where('n.status', '=', 'final')
      .where((eb) =>
        manager
          ? eb.or([
              eb('n.author_user_id', '=', viewer.userId),
              eb('n.author_agency_id', '=', viewer.agencyId),
            ])
          : eb('n.author_user_id', '=', viewer.userId),
      )
      .where(childVisibleTo(viewer, 'n.child_id'))
      .orderBy('wc.raised_at')
      .limit(500)
      .execute();
    // The label of each note, against this viewer's relationship to its child (its author always sees it).
    const relationships = new Map<string, Awaited<ReturnType<typeof relationshipTo>>>();
    const visible = [];
    for (const row of rows) {
      if (!relationships.has(row.note_child_id))
        relationships.set(row.note_child_id, await relationshipTo(trx, viewer, row.note_child_id));
      const found = relationships.get(row.note_child_id);
      if (!found || !decide(viewer, 'child.read', { child: found.rel }).allowed) continue;
      if (
        row.author_user_id !== viewer.userId &&
        !canSeeLabel(viewer, row.sensitivity as SensitivityLabel, found.rel)
      )
        continue;
      visible.push(row);
    }
    for (const row of visible) {
      await appendAudit(trx, actor, {
        action: 'note.read',
        recordType: 'note',
        recordId: row.record_id,
        childId: row.note_child_id,
        fields: ['challenges'],
      });
    }
    return visible.map((row) => ({
      ...presentChallenge(viewer, row, row),
      child: { id: row.note_child_id, name: displayName(row) },
      note: {
        id: row.record_id,
        typeName: NOTE_TYPE_NAMES[row.note_type as NoteType],
        occurredAt: iso(row.note_occurred_at),
        author: { id: row.author_user_id, name: row.author_name },
      },
    }));
  });
}
