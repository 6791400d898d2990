/**
 * Challenge and amend, for finalised records: case notes, referrals, completed assessments and the
 * shareable minutes of held meetings (`records.ts` has one adapter for each). Raising a challenge to the
 * wording, listing, withdrawing, and accepting (a new version of the text) or declining. The rules are in
 * `src/domain/language/challenges.ts`; this file loads, locks, stores and audits.
 *
 * Access: raising follows read access to the record (a record someone may not read is not there: 404);
 * deciding follows the record's correction rule (its author, or a manager in the author's agency), never
 * the raiser.
 */
import { sql, type Transaction } from 'kysely';
import { canSeeLabel, decide } from '../../domain/access/policy.ts';
import type { SensitivityLabel, Viewer } from '../../domain/access/types.ts';
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
import { childVisibleTo, relationshipTo, transact } from '../children/access.ts';
import { displayName } from '../children/presenter.ts';
import type { Ctx } from '../children/record.ts';
import { loadPerson } from '../children/record-queries.ts';
import type { DB } from '../db/schema.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { endChallenge, type RecordRef } from './challenge-end.ts';
import { withKeys } from './findings.ts';
import { currentLexicon } from './lexicon.ts';

export type { RecordRef };

import {
  RECORD_TYPE_NAMES,
  textOf,
  WORDING_RECORD_TYPES,
  WORDING_RECORDS,
  type WordingRecordType,
  type WordingText,
} from './records.ts';

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
const authorOf = (t: Pick<WordingText, 'author'>) => ({
  authorUserId: t.author.userId,
  authorAgencyId: t.author.agencyId,
});

/** The record's texts, if this viewer may read it; otherwise it is not there. */
async function openTexts(trx: Transaction<DB>, viewer: Viewer, ref: RecordRef) {
  return WORDING_RECORDS[ref.type].texts(trx, viewer, ref.childId, ref.recordId);
}

function assertNotMergedText(t: WordingText) {
  if (t.mergedInto)
    throw new AppError('conflict', `childId: this record was merged into ${t.mergedInto}; use that record`, [
      { path: 'childId', message: `this record was merged into ${t.mergedInto}` },
    ]);
}

function challengesQuery(trx: Transaction<DB>) {
  return (
    trx
      .selectFrom('wording_challenges as wc')
      .innerJoin('users as raiser', 'raiser.id', 'wc.raised_by')
      .innerJoin('agencies as raiser_agency', 'raiser_agency.id', 'wc.raised_agency_id')
      .leftJoin('users as decider', 'decider.id', 'wc.decided_by')
      // The record's child now: merging two records moves notes and referrals to the record kept.
      .leftJoin('notes as cn', (join) =>
        join.onRef('cn.id', '=', 'wc.record_id').on('wc.record_type', '=', 'note'),
      )
      .leftJoin('referrals as cr', (join) =>
        join.onRef('cr.id', '=', 'wc.record_id').on('wc.record_type', '=', 'referral'),
      )
      .selectAll('wc')
      .select([
        sql<string>`coalesce(cn.child_id, cr.child_id, wc.child_id)`.as('record_child_id'),
        'raiser.name as raiser_name',
        'raiser_agency.name as raiser_agency_name',
        'decider.name as decider_name',
      ])
  );
}
type ChallengeRow = Awaited<ReturnType<ReturnType<typeof challengesQuery>['executeTakeFirstOrThrow']>>;

function presentChallenge(
  viewer: Viewer,
  c: ChallengeRow,
  text: Pick<WordingText, 'author'> & { fieldName?: string },
) {
  const status = c.status as ChallengeStatus;
  const facts = { status, raisedBy: c.raised_by };
  return {
    id: c.id,
    record: {
      type: c.record_type as WordingRecordType,
      id: c.record_id,
      childId: c.record_child_id,
      field: c.field,
      fieldName: text.fieldName ?? null,
    },
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
      decide: mayDecide(personOf(viewer), authorOf(text), facts),
    },
  };
}
export type ChallengeView = ReturnType<typeof presentChallenge>;

/** The field names of a record's texts, so a challenge on a field no longer shown still presents. */
const fieldNameIn = (texts: readonly WordingText[], field: string) =>
  texts.find((t) => t.field === field)?.fieldName;

export interface RaiseInput {
  /** Which text of the record; without it, its first (the note's body, the referral's narrative …). */
  field?: string | undefined;
  version: number;
  reason: string;
  suggestedWording: string;
  span?: ChallengeSpan | undefined;
  ruleId?: string | undefined;
  lexiconVersion?: string | undefined;
}

/** Raises a challenge to the wording of the current version of a text of a finalised record. */
export async function raiseChallenge(ctx: Ctx, ref: RecordRef, input: RaiseInput) {
  const lexicon = await currentLexicon(ctx.db);
  const { db, actor, viewer } = ctx;
  const adapter = WORDING_RECORDS[ref.type];
  return transact(db, actor, async (trx) => {
    await openTexts(trx, viewer, ref);
    await adapter.lock(trx, ref.recordId);
    // Read again under the lock: a challenge is about the current version.
    const t = textOf(await openTexts(trx, viewer, ref), input.field, ref.type);
    assertNotMergedText(t);
    if (t.notChallengeable) throw conflict('status', t.notChallengeable);
    if (input.version !== t.version)
      throw conflict(
        'version',
        `is not the current version of this text (${t.version}): read the ${RECORD_TYPE_NAMES[ref.type]} again`,
      );
    if (input.span) {
      const p = spanProblem(t.text, input.span);
      if (p) throw problem(p);
    }
    const wording = wordingProblem('suggestedWording', input.suggestedWording);
    if (wording) throw problem(wording);
    if (input.suggestedWording === (input.span ? input.span.text : t.text))
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
      .where('record_type', '=', ref.type)
      .where('record_id', '=', ref.recordId)
      .where('field', '=', t.field)
      .where('version', '=', t.version)
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
      t.author.userId === viewer.userId
        ? null
        : await trx
            .insertInto('tasks')
            .values({
              child_id: ref.childId,
              kind: 'wording_challenge',
              title: `Decide a challenge to the wording of your ${t.type === 'note' ? t.title.toLowerCase() : RECORD_TYPE_NAMES[t.type]}`,
              assigned_to: t.author.userId,
              due_at: sql<Date>`now() + ${`${DECISION_DAYS} days`}::interval`,
              created_by: viewer.userId,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
    const { id } = await trx
      .insertInto('wording_challenges')
      .values({
        record_type: ref.type,
        record_id: ref.recordId,
        field: t.field,
        child_id: ref.childId,
        version: t.version,
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
      recordType: ref.type,
      recordId: ref.recordId,
      childId: ref.childId,
      fields: ['wording'],
      details: {
        challengeId: id,
        field: t.field,
        version: t.version,
        ruleId: input.ruleId ?? null,
        span: span !== null,
      },
    });
    const row = await challengesQuery(trx).where('wc.id', '=', id).executeTakeFirstOrThrow();
    return presentChallenge(viewer, row, t);
  });
}

/** Why this text's wording cannot be challenged now, in words for the person asking; null when it can. */
function whyNotRaise(t: WordingText): string | null {
  if (t.mergedInto) return 'this child’s record was merged into another: challenge the wording there';
  return t.notChallengeable;
}

/** Earlier versions of the record's wording kept outside it (a note keeps its own versions). */
async function wordingHistory(trx: Transaction<DB>, ref: RecordRef) {
  if (ref.type === 'note') return [];
  const rows = await trx
    .selectFrom('wording_versions as wv')
    .leftJoin('users as u', 'u.id', 'wv.created_by')
    .select(['wv.field', 'wv.version', 'wv.text', 'wv.reason', 'wv.challenge_id', 'wv.created_at', 'u.name'])
    .where('wv.record_type', '=', ref.type)
    .where('wv.record_id', '=', ref.recordId)
    .orderBy('wv.field')
    .orderBy('wv.version')
    .execute();
  return rows.map((r) => ({
    field: r.field,
    version: r.version,
    text: r.text,
    reason: r.reason,
    challengeId: r.challenge_id,
    // Version 1 is the text as first written: its date is the record's, not the day it was copied here.
    amendedAt: r.version === 1 ? null : iso(r.created_at),
    amendedBy: r.version === 1 ? null : (r.name ?? null),
  }));
}

/**
 * A record's challenges, newest first, with what this viewer may do to each, the texts that may be
 * challenged and the history of their wording. Audited as a read of the record.
 */
export async function listChallenges({ db, actor, viewer }: Ctx, ref: RecordRef) {
  return transact(db, actor, async (trx) => {
    const texts = await openTexts(trx, viewer, ref);
    // Only challenges to texts this viewer may read: a plan's labelled objective, or a minute about
    // another child on the same meeting's agenda, is not theirs to see.
    const readable = new Set(texts.map((t) => t.field));
    const rows = (
      await challengesQuery(trx)
        .where('wc.record_type', '=', ref.type)
        .where('wc.record_id', '=', ref.recordId)
        .orderBy('wc.raised_at', 'desc')
        .execute()
    ).filter((row) => readable.has(row.field));
    const history = (await wordingHistory(trx, ref)).filter((v) => readable.has(v.field));
    await appendAudit(trx, actor, {
      action: WORDING_RECORDS[ref.type].readAction,
      recordType: ref.type,
      recordId: ref.recordId,
      childId: ref.childId,
      fields: ['challenges', ...(history.length > 0 ? ['wording_versions'] : [])],
      details: { challenges: rows.length },
    });
    const [first] = texts;
    const author = first ?? { author: { userId: '', agencyId: '', name: '', agencyName: '' } };
    return {
      mayRaise: texts.some((t) => t.notChallengeable === null && !t.mergedInto),
      /** The first text's current version (a note's only text). */
      version: first?.version ?? 1,
      title: first?.title ?? '',
      author: { name: author.author.name, agencyName: author.author.agencyName },
      fields: texts.map((t) => ({
        field: t.field,
        fieldName: t.fieldName,
        version: t.version,
        mayRaise: t.notChallengeable === null && !t.mergedInto,
        whyNot: whyNotRaise(t),
      })),
      challenges: rows.map((row) =>
        presentChallenge(viewer, row, { author: author.author, fieldName: fieldNameIn(texts, row.field) }),
      ),
      history,
    };
  });
}

/** The assistant's findings on a text's current wording: checked on view, never stored or counted. */
export async function wordingFindings({ db, actor, viewer }: Ctx, ref: RecordRef, field?: string) {
  const lexicon = await currentLexicon(db);
  return transact(db, actor, async (trx) => {
    const texts = await openTexts(trx, viewer, ref);
    const t = textOf(texts, field, ref.type);
    const person = await loadPerson(trx, ref.childId);
    const childAge = person?.dob ? ageOn(person.dob, new Date().toISOString().slice(0, 10)) : undefined;
    const result = checkText(t.text, { lexicon, ...(childAge !== undefined ? { childAge } : {}) });
    await appendAudit(trx, actor, {
      action: WORDING_RECORDS[ref.type].readAction,
      recordType: ref.type,
      recordId: ref.recordId,
      childId: ref.childId,
      fields: [t.field, 'wording_findings'],
    });
    return {
      field: t.field,
      fieldName: t.fieldName,
      title: t.title,
      occurredAt: t.occurredAt,
      author: { name: t.author.name, agencyName: t.author.agencyName },
      text: t.text,
      version: t.version,
      mayRaise: t.notChallengeable === null && !t.mergedInto,
      whyNot: whyNotRaise(t),
      fields: texts.map((x) => ({ field: x.field, fieldName: x.fieldName })),
      lexiconVersion: result.lexiconVersion,
      findings: withKeys(result.findings),
    };
  });
}

/** A challenge to one of the texts this viewer may read; any other is not there. */
async function loadChallenge(
  trx: Transaction<DB>,
  ref: RecordRef,
  challengeId: string,
  texts: readonly WordingText[],
) {
  const row = await challengesQuery(trx)
    .where('wc.record_type', '=', ref.type)
    .where('wc.record_id', '=', ref.recordId)
    .where('wc.id', '=', challengeId)
    .executeTakeFirst();
  if (!row || !texts.some((t) => t.field === row.field)) throw notFound('challenge');
  return row;
}

/** The text a challenge is about, as it is now (it may have moved on since the challenge). */
function challengedText(texts: readonly WordingText[], c: ChallengeRow, type: WordingRecordType) {
  const t = texts.find((x) => x.field === c.field);
  if (!t) throw conflict('field', `the ${RECORD_TYPE_NAMES[type]} no longer has this text`);
  return t;
}

/** Withdraws a challenge: whoever raised it, while it is open. */
export async function withdrawChallenge({ db, actor, viewer }: Ctx, ref: RecordRef, challengeId: string) {
  return transact(db, actor, async (trx) => {
    const texts = await openTexts(trx, viewer, ref);
    await WORDING_RECORDS[ref.type].lock(trx, ref.recordId);
    const c = await loadChallenge(trx, ref, challengeId, texts);
    if (c.raised_by !== viewer.userId)
      throw forbidden('Only the person who raised a challenge may withdraw it.');
    if (!mayWithdraw(personOf(viewer), { status: c.status as ChallengeStatus, raisedBy: c.raised_by }))
      throw conflict('status', `this challenge is already ${c.status}`);
    await endChallenge(trx, { actor, userId: viewer.userId }, c, ref, {
      status: 'withdrawn',
      action: 'language.challenge_withdrawn',
      details: {},
    });
    const author = texts[0] ?? { author: { userId: '', agencyId: '', name: '', agencyName: '' } };
    return presentChallenge(viewer, await loadChallenge(trx, ref, challengeId, texts), {
      author: author.author,
      fieldName: fieldNameIn(texts, c.field),
    });
  });
}

export interface DecisionBody {
  decision: 'accept' | 'decline';
  reason?: string | undefined;
  wording?: string | undefined;
}

type DecisionOutcome = { superseded: false; challenge: ChallengeView } | { superseded: true };

/**
 * Accepts (a new version of the text, in this transaction) or declines a challenge. When the text has
 * moved on and the challenged words are no longer in it, the challenge is marked superseded (that is kept)
 * and the answer is 409.
 */
export async function decideChallenge(
  { db, actor, viewer }: Ctx,
  ref: RecordRef,
  challengeId: string,
  input: DecisionBody,
) {
  const adapter = WORDING_RECORDS[ref.type];
  const outcome = await transact<DecisionOutcome>(db, actor, async (trx) => {
    await openTexts(trx, viewer, ref);
    await adapter.lock(trx, ref.recordId);
    // Read again under the lock: the current version is what an acceptance amends.
    const texts = await openTexts(trx, viewer, ref);
    const c = await loadChallenge(trx, ref, challengeId, texts);
    const t = challengedText(texts, c, ref.type);
    const status = c.status as ChallengeStatus;
    const facts = { status, raisedBy: c.raised_by };
    if (status !== 'open') throw conflict('status', `this challenge is already ${status}`);
    if (!mayDecide(personOf(viewer), authorOf(t), facts))
      throw forbidden(
        `You may not decide this challenge: ${whyNotDecide(personOf(viewer), authorOf(t), facts)}.`,
      );
    if (!adapter.mayChange(viewer, t))
      throw forbidden(`You do not have permission to change this ${RECORD_TYPE_NAMES[ref.type]}.`);
    assertNotMergedText(t);
    const p = decisionProblem(input);
    if (p) throw problem(p);
    const present = async () =>
      presentChallenge(viewer, await loadChallenge(trx, ref, challengeId, texts), t);

    if (input.decision === 'decline') {
      await endChallenge(trx, { actor, userId: viewer.userId }, c, ref, {
        status: 'declined',
        set: { decision_reason: input.reason ?? null },
        action: 'language.challenge_declined',
        details: { version: t.version, ruleId: c.rule_id },
      });
      return { superseded: false, challenge: await present() };
    }

    // Accept: the words challenged, or the whole text of the version challenged.
    let span: ChallengeSpan | null;
    if (c.span_start !== null && c.span_end !== null && c.span_text !== null) {
      span = { start: c.span_start, end: c.span_end, text: c.span_text };
    } else {
      const whole =
        c.version === t.version ? t.text : await adapter.versionText(trx, ref.recordId, c.field, c.version);
      span = whole === null ? null : { start: 0, end: whole.length, text: whole };
    }
    const wording = input.wording ?? c.suggested_wording;
    const amended = span ? amend(t.text, span, wording) : ({ ok: false } as const);
    if (!amended.ok) {
      await endChallenge(trx, { actor, userId: viewer.userId }, c, ref, {
        status: 'superseded',
        action: 'language.challenge_superseded',
        details: { fromVersion: c.version, currentVersion: t.version },
      });
      return { superseded: true };
    }
    if (amended.text.length > 50000)
      throw problem({ path: 'wording', message: 'makes the text longer than 50,000 characters' });
    const toVersion = t.version + 1;
    await adapter.write(trx, t, {
      version: toVersion,
      text: amended.text,
      reason: amendedVersionReason(c.reason),
      userId: viewer.userId,
      challengeId: c.id,
    });
    await endChallenge(trx, { actor, userId: viewer.userId }, c, ref, {
      status: 'accepted',
      set: {
        decision_reason: input.reason ?? null,
        amended_wording:
          input.wording !== undefined && input.wording !== c.suggested_wording ? input.wording : null,
        amended_version: toVersion,
      },
      action: 'language.challenge_accepted',
      fields: [t.field],
      details: { fromVersion: t.version, toVersion, ruleId: c.rule_id },
    });
    return { superseded: false, challenge: await present() };
  });
  if (outcome.superseded)
    throw conflict(
      'version',
      'the text has changed since the challenge and the challenged words are no longer in it: the challenge is superseded',
    );
  return outcome.challenge;
}

/**
 * Challenges this viewer may decide: on records they wrote, and (for a manager) records written in their
 * agency; never ones they raised; only where they may still read the record. Each record read is audited
 * against its child.
 */
export async function challengesToDecide({ db, actor, viewer }: Ctx, status: ChallengeStatus = 'open') {
  return transact(db, actor, async (trx) => {
    const manager = viewer.roles.includes('manager');
    // Who wrote each kind of record: the note's author, the referrer, whoever completed the assessment,
    // the last writer of the plan's words, the meeting's chair. A first sift in SQL; the record's own rules
    // are applied to each row below.
    const planWriter = sql`(SELECT pv.saved_by FROM plan_versions pv WHERE wc.record_type = 'plan'
      AND pv.plan_id = wc.record_id AND pv.change IN ('created', 'updated') ORDER BY pv.version DESC LIMIT 1)`;
    const authorId = sql<string>`coalesce(cn.author_user_id, cr.referrer_user_id, ca.completed_by, chair.id, ${planWriter})`;
    const authorAgency = sql<string>`coalesce(cn.author_agency_id, cr.referrer_agency_id, ca.completed_agency_id,
      chair.agency_id, (SELECT u.agency_id FROM users u WHERE u.id = ${planWriter}))`;
    const rows = await challengesQuery(trx)
      .leftJoin('assessments as ca', (join) =>
        join.onRef('ca.id', '=', 'wc.record_id').on('wc.record_type', '=', 'assessment'),
      )
      .leftJoin('mace_meetings as cm', (join) =>
        join.onRef('cm.id', '=', 'wc.record_id').on('wc.record_type', '=', 'minutes'),
      )
      .leftJoin('users as chair', (join) =>
        join.on(sql<boolean>`chair.id = coalesce(cm.chair_user_id, cm.created_by)`),
      )
      .select([
        authorId.as('author_id'),
        authorAgency.as('author_agency'),
        'cn.sensitivity as note_sensitivity',
      ])
      .where('wc.status', '=', status)
      .where('wc.raised_by', '<>', viewer.userId)
      .where((eb) =>
        manager
          ? eb.or([eb(authorId, '=', viewer.userId), eb(authorAgency, '=', viewer.agencyId)])
          : eb(authorId, '=', viewer.userId),
      )
      // A referrer reads their own referral, and a chair their meeting, without reading the child's record.
      .where((eb) =>
        eb.or([eb('wc.record_type', 'in', ['referral', 'minutes']), childVisibleTo(viewer, 'wc.child_id')]),
      )
      .orderBy('wc.raised_at')
      .limit(500)
      .execute();
    const visible = [];
    const opened = new Map<string, WordingText[] | null>();
    for (const row of rows) {
      const ref = {
        type: row.record_type as WordingRecordType,
        childId: row.record_child_id,
        recordId: row.record_id,
      };
      const key = `${ref.type}:${ref.recordId}`;
      if (!opened.has(key)) opened.set(key, await readableTexts(trx, viewer, ref, row));
      const texts = opened.get(key);
      const t = texts?.find((x) => x.field === row.field);
      if (!t) continue;
      visible.push({ row, t, ref });
    }
    for (const key of opened.keys()) {
      const item = visible.find((v) => `${v.ref.type}:${v.ref.recordId}` === key);
      if (!item) continue;
      await appendAudit(trx, actor, {
        action: WORDING_RECORDS[item.ref.type].readAction,
        recordType: item.ref.type,
        recordId: item.ref.recordId,
        childId: item.ref.childId,
        fields: ['challenges'],
      });
    }
    const people = new Map<string, string>();
    for (const { ref } of visible) {
      if (!people.has(ref.childId)) {
        const person = await loadPerson(trx, ref.childId);
        people.set(ref.childId, person ? displayName(person) : '');
      }
    }
    return visible.map(({ row, t, ref }) => ({
      ...presentChallenge(viewer, row, t),
      child: { id: ref.childId, name: people.get(ref.childId) ?? '' },
      subject: {
        type: ref.type,
        id: ref.recordId,
        title: t.title,
        occurredAt: t.occurredAt,
        author: { id: t.author.userId, name: t.author.name },
      },
    }));
  });
}

/**
 * The texts of a record in a list of challenges to decide, or null where this viewer may no longer read
 * it. A note keeps its label rule here: its author always sees it; a manager only with the label.
 */
async function readableTexts(
  trx: Transaction<DB>,
  viewer: Viewer,
  ref: RecordRef,
  row: { note_sensitivity: string | null; author_id: string },
): Promise<WordingText[] | null> {
  if (ref.type === 'note') {
    const found = await relationshipTo(trx, viewer, ref.childId);
    if (!found || !decide(viewer, 'child.read', { child: found.rel }).allowed) return null;
    if (
      row.author_id !== viewer.userId &&
      !canSeeLabel(viewer, (row.note_sensitivity ?? 'standard') as SensitivityLabel, found.rel)
    )
      return null;
  }
  try {
    return await openTexts(trx, viewer, ref);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

export { WORDING_RECORD_TYPES };
