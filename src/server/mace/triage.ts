/**
 * The MACE triage list from the records (issue 5 item 2), built by the domain's `buildTriageList` from
 * one named query per source: missing episodes and triage nominations (0006), completed assessments
 * and their level of concern (0003), links to persons of concern and places, and contexts raised for
 * MACE (0004), and overdue meeting actions. Triage decisions are checked by `triageDecisionSchema`; a
 * child sent to MACE goes through the statutory-plan rule.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Viewer } from '../../domain/access/types.ts';
import {
  buildTriageList,
  CONTEXT_KINDS,
  type ContextKind,
  type TriageChild,
  type TriageContext,
  triageDecisionSchema,
} from '../../domain/mace/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { transact } from '../children/access.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { type MaceCtx, mayManage, raiseReferralTaskIfNeeded } from './meetings.ts';
import { refused } from './store.ts';
import { visibleActions } from './tracker.ts';

type Db = Kysely<DB> | Transaction<DB>;
const KINDS = new Set<string>(CONTEXT_KINDS);
const isKind = (k: string): k is ContextKind => KINDS.has(k);

async function missingEpisodes(db: Db) {
  return db.selectFrom('missing_episodes').select(['id', 'child_id', 'reported_at']).execute();
}

async function nominations(db: Db) {
  return db
    .selectFrom('missing_triage_nominations as n')
    .leftJoin('users as u', 'u.id', 'n.created_by')
    .leftJoin('agencies as a', 'a.id', 'u.agency_id')
    .select(['n.child_id', 'n.created_at', 'n.reason', 'a.id as agency_id', 'a.name as agency_name'])
    .where('n.consumed_at', 'is', null)
    .execute();
}

async function completedAssessments(db: Db) {
  return db
    .selectFrom('assessments')
    .select(['id', 'child_id', 'level', 'completed_at'])
    .where('completed_at', 'is not', null)
    .orderBy('completed_at')
    .execute();
}

async function childLinks(db: Db) {
  return db
    .selectFrom('context_links as l')
    .innerJoin('contexts as c', 'c.id', 'l.to_context_id')
    .select([
      'l.id',
      'l.from_child_id',
      'l.to_context_id',
      'c.kind',
      'c.display_name',
      'l.sensitivity',
      sql<string>`l.first_seen::text`.as('first_seen'),
    ])
    .where('l.from_child_id', 'is not', null)
    .where('l.withdrawn_on', 'is', null)
    .execute();
}

async function raisedContexts(db: Db) {
  return db
    .selectFrom('contexts as c')
    .leftJoin('users as u', 'u.id', 'c.mace_nominated_by')
    .leftJoin('agencies as a', 'a.id', 'u.agency_id')
    .select([
      'c.id',
      'c.kind',
      'c.display_name',
      'c.sensitivity',
      'c.mace_nominated_at',
      'a.id as agency_id',
      'a.name as agency_name',
    ])
    .where('c.mace_nominated_at', 'is not', null)
    .where('c.merged_into', 'is', null)
    .execute();
}

/** The triage list since the last triage (default: 35 days ago). Only a MACE chair or coordinator builds it. */
export async function triageList(ctx: MaceCtx, since?: Date) {
  if (!(await mayManage(ctx.db, ctx.viewer, { type: 'mace_triage' }))) {
    throw new AppError('forbidden', 'Only a MACE chair or coordinator prepares the triage list.');
  }
  const now = new Date();
  const from = since ?? new Date(now.getTime() - 35 * 86_400_000);
  return transact(ctx.db, ctx.actor, async (trx) => {
    const [episodes, noms, assessments, links, contexts, actions] = await Promise.all([
      missingEpisodes(trx),
      nominations(trx),
      completedAssessments(trx),
      childLinks(trx),
      raisedContexts(trx),
      visibleActions(trx, ctx.viewer),
    ]);
    const childIds = new Set<string>([
      ...episodes.map((e) => e.child_id),
      ...noms.map((n) => n.child_id),
      ...assessments.map((a) => a.child_id),
      ...links.flatMap((l) => (l.from_child_id ? [l.from_child_id] : [])),
      ...actions.flatMap((a) => (a.childId ? [a.childId] : [])),
    ]);
    const people =
      childIds.size === 0
        ? []
        : await trx
            .selectFrom('people')
            .select(['id', 'given_name', 'family_name'])
            .where('id', 'in', [...childIds])
            .where('merged_into', 'is', null)
            .execute();
    const children: TriageChild[] = people.map((p) => {
      const done = assessments.filter((a) => a.child_id === p.id);
      const latest = done.at(-1);
      return {
        childId: p.id,
        name: `${p.given_name} ${p.family_name}`,
        maceRiskAssessment: latest
          ? {
              latestAt: new Date(latest.completed_at as Date),
              previousAt: done.length > 1 ? new Date(done.at(-2)?.completed_at as Date) : null,
            }
          : null,
        levelOfConcern: done.flatMap((a) =>
          a.level ? [{ id: a.id, level: a.level, recordedAt: new Date(a.completed_at as Date) }] : [],
        ),
        missingEpisodes: episodes
          .filter((e) => e.child_id === p.id)
          .map((e) => ({ id: e.id, reportedAt: new Date(e.reported_at) })),
        connections: links
          .filter((l) => l.from_child_id === p.id && isKind(l.kind))
          .map((l) => ({
            id: l.id,
            kind: l.kind as ContextKind,
            label: l.display_name,
            firstRecordedAt: new Date(`${l.first_seen}T12:00:00Z`),
            sensitivity: l.sensitivity as 'standard',
          })),
        actions: actions
          .filter((a) => a.childId === p.id)
          .map((a) => ({ id: a.id, dueDate: a.dueDate, status: a.status })),
        raisedBy: noms
          .filter((n) => n.child_id === p.id)
          .map((n) => ({
            agencyName: n.agency_name ?? 'An agency',
            raisedAt: new Date(n.created_at),
            note: n.reason,
            ...(n.agency_id ? { agencyId: n.agency_id } : {}),
          })),
      };
    });
    const triageContexts: TriageContext[] = contexts.flatMap((c) =>
      isKind(c.kind)
        ? [
            {
              contextId: c.id,
              kind: c.kind,
              label: c.display_name,
              sensitivity: c.sensitivity as 'standard',
              raisedBy: [
                {
                  agencyName: c.agency_name ?? 'An agency',
                  raisedAt: new Date(c.mace_nominated_at as Date),
                  ...(c.agency_id ? { agencyId: c.agency_id } : {}),
                },
              ],
              links: links
                .filter((l) => l.to_context_id === c.id && l.from_child_id)
                .map((l) => ({
                  childId: l.from_child_id as string,
                  linkedAt: new Date(`${l.first_seen}T12:00:00Z`),
                })),
            },
          ]
        : [],
    );
    const list = buildTriageList({ children, contexts: triageContexts }, from, now);
    const decisions = await decisionsSince(trx, from);
    await appendAudit(trx, ctx.actor, {
      action: 'meeting.triage_list_read',
      recordType: 'meeting',
      details: { children: list.children.length, contexts: list.contexts.length },
    });
    return { ...list, decisions };
  });
}

/** The triage decisions recorded since the last triage, newest first: what is already decided on the list. */
async function decisionsSince(db: Db, since: Date) {
  const rows = await db
    .selectFrom('mace_triage_decisions')
    .select(['id', 'decision', 'decided_at'])
    .where('decided_at', '>=', since)
    .orderBy('decided_at', 'desc')
    .execute();
  return rows.map((r) => {
    const d = (typeof r.decision === 'string' ? JSON.parse(r.decision) : r.decision) as Record<
      string,
      unknown
    >;
    return {
      id: r.id,
      subject: d.subject,
      decision: d.decision,
      reasons: d.reasons,
      singleAgency: d.singleAgency,
      decidedBy: (d.decidedBy as { name?: string } | undefined)?.name ?? '',
      decidedAt: new Date(r.decided_at).toISOString(),
    };
  });
}

/** Records a triage decision with its reasons; a child sent to MACE goes through the statutory-plan rule. */
export async function decideTriage(ctx: MaceCtx, body: unknown) {
  if (!(await mayManage(ctx.db, ctx.viewer, { type: 'mace_triage' }))) {
    throw new AppError('forbidden', 'Only a MACE chair or coordinator records triage decisions.');
  }
  const parsed = triageDecisionSchema.safeParse({
    ...(body as object),
    decidedBy: { name: ctx.user.name, personId: ctx.user.id, agencyId: ctx.user.agencyId },
    decidedAt: new Date().toISOString(),
  });
  if (!parsed.success) throw refused(parsed.error);
  const d = parsed.data;
  return transact(ctx.db, ctx.actor, async (trx) => {
    const childId = d.subject.kind === 'child' ? d.subject.childId : null;
    const row = await trx
      .insertInto('mace_triage_decisions')
      .values({
        child_id: childId,
        context_id: d.subject.kind === 'context' ? d.subject.contextId : null,
        decision: JSON.stringify(d),
        decided_by: ctx.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.actor, {
      action: 'meeting.triage_decided',
      recordType: 'triage_decision',
      recordId: row.id,
      ...(childId ? { childId } : {}),
      details: { decision: d.decision },
    });
    const taskId =
      childId && d.decision === 'discuss_at_mace'
        ? await raiseReferralTaskIfNeeded(trx, ctx, childId, ctx.user.id, null)
        : null;
    return { id: row.id, decision: d.decision, referralTaskId: taskId };
  });
}

export type { Viewer };
