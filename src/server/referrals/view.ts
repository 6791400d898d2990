/**
 * Reading referrals: the screener's view, the referrer's view of their own referral, the referrer's
 * list and the front door's queue. What each viewer gets is chosen here, field by field.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { canSeeLabel, decide } from '../../domain/access/policy.ts';
import { NO_RELATIONSHIP, type SensitivityLabel, type Viewer } from '../../domain/access/types.ts';
import {
  DECISION_RULES,
  REFERRAL_STATUS_NAMES,
  type ScreeningDecision,
} from '../../domain/referrals/decisions.ts';
import { indicatorById } from '../../domain/referrals/indicator-guide.ts';
import { TIMESCALES } from '../../domain/referrals/timescales.ts';
import { workingDaysBetween } from '../../domain/referrals/working-days.ts';
import { appendAudit } from '../audit/audit.ts';
import { relationshipTo, transact } from '../children/access.ts';
import { presentSummary } from '../children/presenter.ts';
import type { Ctx } from '../children/record.ts';
import { dateText, loadPerson } from '../children/record-queries.ts';
import type { DB } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import type { ReferralSubjectInput, ReferralViewType } from './schemas.ts';

type Db = Kysely<DB> | Transaction<DB>;
const iso = (d: Date | string) => new Date(d).toISOString();

function referralQuery(db: Db) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('users as ru', 'ru.id', 'r.referrer_user_id')
    .innerJoin('agencies as ra', 'ra.id', 'r.referrer_agency_id')
    .leftJoin('referral_decisions as d', 'd.referral_id', 'r.id')
    .leftJoin('users as du', 'du.id', 'd.decided_by')
    .selectAll('r')
    .select([
      dateText('r.happened_on').as('happened_on_text'),
      'ru.name as referrer_name',
      'ra.name as referrer_agency_name',
      'd.decision',
      'd.reasons',
      'd.advice',
      'd.feedback_to_referrer',
      'd.decided_at',
      'd.decided_by',
      'du.name as decider_name',
      // The narrative's latest wording, where a challenge to it was accepted (migration 0010): every view
      // shows the amended text; the original stays in the wording's history.
      (eb) =>
        eb
          .selectFrom('wording_versions as wv')
          .select('wv.text')
          .whereRef('wv.record_id', '=', 'r.id')
          .where('wv.record_type', '=', 'referral')
          .where('wv.field', '=', 'narrative')
          .orderBy('wv.version', 'desc')
          .limit(1)
          .as('amended_narrative'),
    ]);
}
type ReferralRow = Awaited<ReturnType<ReturnType<typeof referralQuery>['executeTakeFirstOrThrow']>>;

export const mayScreen = (viewer: Viewer) => decide(viewer, 'referral.screen').allowed;

/** A referral the viewer may screen; anyone else is told it does not exist. */
export async function loadScreenableReferral(db: Db, viewer: Viewer, id: string) {
  if (!mayScreen(viewer)) throw notFound('referral');
  const row = await referralQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('referral');
  return row;
}

export function waiting(
  row: { received_at: Date; decision_due_at: Date; timescale_version: string; status: string },
  now = new Date(),
) {
  const until = now;
  return {
    decisionDueAt: iso(row.decision_due_at),
    workingDaysWaited: workingDaysBetween(TIMESCALES, new Date(row.received_at), until),
    overdue: row.status === 'awaiting_decision' && until > new Date(row.decision_due_at),
    timescaleWorkingDays: TIMESCALES.screeningDecisionWorkingDays,
    timescaleVersion: row.timescale_version,
  };
}

function subjectOf(row: ReferralRow) {
  const s = row.subject as ReferralSubjectInput;
  return {
    displayName: `${s.givenName} ${s.familyName}`,
    givenName: s.givenName,
    familyName: s.familyName,
    knownAs: s.knownAs ?? [],
    dateOfBirth: s.dateOfBirth ?? null,
    estimatedAge: s.estimatedAge ?? null,
    sex: s.sex ?? null,
    school: s.school ?? null,
    address: s.address ?? null,
    postcode: s.postcode ?? null,
  };
}

function outcomeOf(row: ReferralRow) {
  if (!row.decision || !row.decided_at) return null;
  const rule = DECISION_RULES[row.decision as ScreeningDecision];
  return {
    decision: row.decision as ScreeningDecision,
    decisionName: rule.name,
    meaning: rule.outcomeForReferrer,
    feedback: row.feedback_to_referrer ?? '',
    advice: row.advice,
    decidedAt: iso(row.decided_at),
  };
}

/** What the referrer sees: what they sent, the status, and the outcome written for them. */
export function presentForReferrer(row: ReferralRow): ReferralViewType {
  return {
    id: row.id,
    view: 'referrer',
    receivedAt: iso(row.received_at),
    status: row.status as ReferralViewType['status'],
    statusName: REFERRAL_STATUS_NAMES[row.status as keyof typeof REFERRAL_STATUS_NAMES],
    immediateDanger: row.immediate_danger,
    harmKinds: row.harm_kinds,
    onlineElement: row.online_element,
    subject: subjectOf(row),
    // Their own words, so they can check what they sent.
    narrative: row.amended_narrative ?? row.narrative,
    seenOrHeardBy: row.seen_or_heard_by,
    happenedOn: row.happened_on_text,
    childKnows: row.child_knows,
    familyKnows: row.family_knows,
    withoutConsentReason: row.without_consent_reason,
    sensitivity: row.sensitivity as SensitivityLabel,
    outcome: outcomeOf(row),
    // The referrer decides challenges to their own words: their page shows them too.
    wording: row.child_id ? { childId: row.child_id } : null,
    permissions: { linkChild: false, decide: false },
  };
}

async function presentForScreener(db: Db, viewer: Viewer, row: ReferralRow): Promise<ReferralViewType> {
  const found = row.child_id ? await relationshipTo(db, viewer, row.child_id) : null;
  const rel = found?.rel ?? NO_RELATIONSHIP;
  const narrativeVisible =
    row.referrer_user_id === viewer.userId || canSeeLabel(viewer, row.sensitivity as SensitivityLabel, rel);
  const person = row.child_id ? await loadPerson(db, row.child_id) : null;
  const observations = narrativeVisible
    ? await db
        .selectFrom('observations')
        .select(['id', 'indicator_id', 'source', 'note', dateText('observed_on').as('observed_on')])
        .where('referral_id', '=', row.id)
        .orderBy('observed_on')
        .execute()
    : [];
  const tasks = await db
    .selectFrom('tasks')
    .innerJoin('users', 'users.id', 'tasks.assigned_to')
    .select([
      'tasks.id',
      'tasks.title',
      'tasks.due_at',
      'tasks.status',
      'users.id as user_id',
      'users.name as user_name',
    ])
    .where('tasks.referral_id', '=', row.id)
    .orderBy('tasks.due_at')
    .execute();
  const base = presentForReferrer(row);
  const { narrative: _n, seenOrHeardBy: _s, ...withoutNarrative } = base;
  return {
    ...(narrativeVisible ? base : withoutNarrative),
    view: 'screener',
    referrer: {
      user: { id: row.referrer_user_id, name: row.referrer_name },
      agency: { id: row.referrer_agency_id, name: row.referrer_agency_name },
    },
    child: person ? presentSummary(person) : null,
    observations: observations.map((o) => ({
      id: o.id,
      indicatorId: o.indicator_id,
      group: indicatorById(o.indicator_id)?.group ?? 'unknown',
      text: indicatorById(o.indicator_id)?.text ?? o.indicator_id,
      observedOn: o.observed_on,
      source: o.source,
      note: o.note,
      verification: 'unverified' as const,
    })),
    ...(row.reasons && narrativeVisible ? { reasons: row.reasons } : {}),
    ...(row.decided_by ? { decidedBy: { id: row.decided_by, name: row.decider_name ?? '' } } : {}),
    waiting: waiting(row),
    tasks: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      dueAt: iso(t.due_at),
      status: t.status,
      assignedTo: { id: t.user_id, name: t.user_name },
    })),
    permissions: {
      linkChild: row.status === 'awaiting_decision' && row.child_id === null,
      decide: row.status === 'awaiting_decision' && row.child_id !== null,
    },
  };
}

/** One referral: the screener's view for the front door, the referrer's view for its referrer, else 404. */
export async function readReferral({ db, actor, viewer }: Ctx, id: string) {
  return transact(db, actor, async (trx) => {
    const row = await referralQuery(trx).where('r.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('referral');
    let view: ReferralViewType;
    if (mayScreen(viewer)) view = await presentForScreener(trx, viewer, row);
    else if (row.referrer_user_id === viewer.userId && decide(viewer, 'referral.read_own_outcome').allowed)
      view = presentForReferrer(row);
    else throw notFound('referral');
    await appendAudit(trx, actor, {
      action: 'referral.read',
      recordType: 'referral',
      recordId: id,
      ...(row.child_id && view.view === 'screener' ? { childId: row.child_id } : {}),
      details: { view: view.view },
    });
    return view;
  });
}

export async function myReferrals({ db, viewer }: Ctx) {
  const rows = await referralQuery(db)
    .where('r.referrer_user_id', '=', viewer.userId)
    .orderBy('r.received_at', 'desc')
    .limit(200)
    .execute();
  return rows.map(presentForReferrer);
}

/** The front door's queue: waiting referrals, immediate danger first, then by when a decision is due. */
export async function screeningQueue(db: Db) {
  const rows = await db
    .selectFrom('referrals as r')
    .innerJoin('agencies as a', 'a.id', 'r.referrer_agency_id')
    .select([
      'r.id',
      'r.received_at',
      'r.decision_due_at',
      'r.timescale_version',
      'r.status',
      'r.immediate_danger',
      'r.harm_kinds',
      'r.child_id',
      'a.id as agency_id',
      'a.name as agency_name',
      sql<string>`(r.subject->>'givenName') || ' ' || (r.subject->>'familyName')`.as('subject_name'),
    ])
    .where('r.status', '=', 'awaiting_decision')
    .orderBy('r.immediate_danger', 'desc')
    .orderBy('r.decision_due_at')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    receivedAt: iso(r.received_at),
    immediateDanger: r.immediate_danger,
    harmKinds: r.harm_kinds,
    subjectName: r.subject_name,
    referrerAgency: { id: r.agency_id, name: r.agency_name },
    childId: r.child_id,
    waiting: waiting(r),
  }));
}
