/**
 * Merging two context records: a proposal (with the matcher's reasons) that an authorised person
 * confirms or rejects, and a confirmed merge that can be undone. A wrong merge joins one person's
 * intelligence to another's name, so every step is explicit, audited, and refused — naming its rule —
 * when either record is one the person cannot see: a merge must never become a way to learn that a
 * hidden record exists.
 */
import { sql, type Transaction } from 'kysely';
import { decide } from '../../domain/access/policy.ts';
import type { Viewer } from '../../domain/access/types.ts';
import { decideMerge, type MergeProposal, mergeProposalSchema } from '../../domain/contexts/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { transact } from '../children/access.ts';
import type { Ctx } from '../children/record.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { mayManageContext } from './authority.ts';
import { scoreCandidates } from './matching.ts';
import { type ContextRow, type Db, loadContext } from './queries.ts';
import { parseWithRules, refuse } from './refusals.ts';
import { contextVisible } from './visibility.ts';

interface MergeRow {
  id: string;
  kind: string;
  keep_id: string;
  merge_id: string;
  score: number;
  reasons: string[];
  status: 'proposed' | 'confirmed' | 'rejected';
  proposed_by: string;
  proposed_by_name: string;
  proposed_at: Date;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  moved: Moved | null;
  undone_at: Date | null;
  undone_by_name: string | null;
  undo_reason: string | null;
  keep_name: string;
  merge_name: string;
}

interface Moved {
  links: { id: string; end: 'from' | 'to' }[];
  disruptions: string[];
  identifiers: { kind: string; value: string }[];
}

/** Both records must exist, be live and be visible to the viewer; otherwise neither is admitted to. */
async function bothRecords(trx: Db, viewer: Viewer, keepId: string, mergeId: string, live = true) {
  const keep = await loadContext(trx, viewer, keepId);
  const merge = await loadContext(trx, viewer, mergeId);
  const missing = (row: ContextRow | null) => !row || (live && row.merged_into !== null);
  if (missing(keep) || missing(merge)) {
    throw refuse(
      'merge.records-visible',
      missing(keep) ? 'keepId' : 'mergeId',
      'A merge needs two records you can see; there is no such record',
      'not_found',
    );
  }
  return { keep: keep as ContextRow, merge: merge as ContextRow };
}

/** Merges visible to the viewer: both records visible (the merged one through the record it went into). */
export async function loadMerges(
  db: Db,
  viewer: Viewer,
  where: { id?: string; contextId?: string; status?: string },
) {
  const { rows } = await sql<MergeRow>`
    SELECT m.*, pu.name AS proposed_by_name, du.name AS decided_by_name, uu.name AS undone_by_name,
      k.display_name AS keep_name, x.display_name AS merge_name
    FROM context_merges m
    JOIN contexts k ON k.id = m.keep_id JOIN contexts x ON x.id = m.merge_id
    JOIN users pu ON pu.id = m.proposed_by
    LEFT JOIN users du ON du.id = m.decided_by LEFT JOIN users uu ON uu.id = m.undone_by
    WHERE ${contextVisible(viewer, 'k')}
      AND (x.merged_into = k.id OR ${contextVisible(viewer, 'x')})
      AND (${where.id ?? null}::uuid IS NULL OR m.id = ${where.id ?? null}::uuid)
      AND (${where.contextId ?? null}::uuid IS NULL OR ${where.contextId ?? null}::uuid IN (m.keep_id, m.merge_id))
      AND (${where.status ?? null}::text IS NULL OR m.status = ${where.status ?? null})
    ORDER BY m.proposed_at DESC, m.id`.execute(db);
  return rows.map(presentMerge);
}

function presentMerge(m: MergeRow) {
  return {
    id: m.id,
    kind: m.kind,
    keep: { id: m.keep_id, name: m.keep_name },
    merge: { id: m.merge_id, name: m.merge_name },
    score: m.score,
    reasons: m.reasons,
    status: m.status,
    proposedBy: m.proposed_by_name,
    proposedAt: new Date(m.proposed_at).toISOString(),
    decidedBy: m.decided_by_name,
    decidedAt: m.decided_at ? new Date(m.decided_at).toISOString() : null,
    decisionReason: m.decision_reason,
    undone: m.undone_at
      ? { at: new Date(m.undone_at).toISOString(), by: m.undone_by_name ?? '', reason: m.undo_reason ?? '' }
      : null,
  };
}

async function oneMerge(db: Db, viewer: Viewer, id: string) {
  const [merge] = await loadMerges(db, viewer, { id });
  if (!merge)
    throw refuse(
      'merge.records-visible',
      'id',
      'There is no merge proposal with this id that you can see',
      'not_found',
    );
  return merge;
}

export interface ProposeInput {
  keepId: string;
  mergeId: string;
  reason?: string | undefined;
  newInformation?: string | undefined;
}

export async function proposeMerge({ db, actor, viewer }: Ctx, input: ProposeInput) {
  return transact(db, actor, async (trx) => {
    const { keep, merge } = await bothRecords(trx, viewer, input.keepId, input.mergeId);
    if (keep.kind !== merge.kind)
      throw refuse('merge.same-kind', 'mergeId', `A ${merge.kind} cannot be merged into a ${keep.kind}`);
    if (!(await mayManageContext(trx, viewer, keep.id)) || !(await mayManageContext(trx, viewer, merge.id)))
      throw new AppError('forbidden', 'You do not have permission to propose merging these records.');
    const earlier = await trx
      .selectFrom('context_merges')
      .select(['status', 'decision_reason'])
      .where((eb) =>
        eb.or([
          eb.and([eb('keep_id', '=', keep.id), eb('merge_id', '=', merge.id)]),
          eb.and([eb('keep_id', '=', merge.id), eb('merge_id', '=', keep.id)]),
        ]),
      )
      .execute();
    if (earlier.some((e) => e.status === 'proposed'))
      throw refuse(
        'merge.already-proposed',
        'mergeId',
        'These records are already proposed for merging',
        'conflict',
      );
    const rejected = earlier.find((e) => e.status === 'rejected');
    if (rejected && !input.newInformation)
      throw refuse(
        'merge.rejected-before',
        'newInformation',
        `Merging these records was rejected before (${rejected.decision_reason ?? 'no reason given'}): say what new information there is`,
        'conflict',
      );
    const [scored] = scoreCandidates(keep.details, [
      { id: merge.id, kind: merge.kind, display_name: merge.display_name, details: merge.details },
    ]);
    const reasons = [
      ...(scored?.reasons ?? []),
      ...(input.reason ? [`Proposed because: ${input.reason}`] : []),
      ...(input.newInformation ? [`New information: ${input.newInformation}`] : []),
    ];
    const proposal: MergeProposal = parseWithRules(mergeProposalSchema, {
      kind: keep.kind,
      keepId: keep.id,
      mergeId: merge.id,
      score: scored?.score ?? 0,
      reasons,
      proposedBy: viewer.userId,
      proposedAt: new Date().toISOString(),
      status: 'proposed',
    });
    const row = await trx
      .insertInto('context_merges')
      .values({
        kind: proposal.kind,
        keep_id: proposal.keepId,
        merge_id: proposal.mergeId,
        score: Math.round(proposal.score),
        reasons: proposal.reasons,
        proposed_by: viewer.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, {
      action: 'context.merge_proposed',
      recordType: 'context_merge',
      recordId: row.id,
      details: { keepId: keep.id, mergeId: merge.id, score: proposal.score },
    });
    return { merge: await oneMerge(trx, viewer, row.id) };
  });
}

/** Moves everything of `mergeId` to `keepId` and says what moved, so it can be put back. */
async function carryOut(trx: Transaction<DB>, keepId: string, mergeId: string): Promise<Moved> {
  const to = await trx
    .updateTable('context_links')
    .set({ to_context_id: keepId })
    .where('to_context_id', '=', mergeId)
    .where((eb) => eb.or([eb('from_context_id', 'is', null), eb('from_context_id', '<>', keepId)]))
    .returning('id')
    .execute();
  const from = await trx
    .updateTable('context_links')
    .set({ from_context_id: keepId })
    .where('from_context_id', '=', mergeId)
    .where('to_context_id', '<>', keepId)
    .returning('id')
    .execute();
  const disruptions = await trx
    .updateTable('disruptions')
    .set({ target_context_id: keepId })
    .where('target_context_id', '=', mergeId)
    .returning('id')
    .execute();
  const { rows: identifiers } = await sql<{ kind: string; value: string }>`
    INSERT INTO context_identifiers (context_id, kind, value)
    SELECT ${keepId}, kind, value FROM context_identifiers WHERE context_id = ${mergeId}
    ON CONFLICT DO NOTHING
    RETURNING kind, value`.execute(trx);
  await trx
    .updateTable('contexts')
    .set({ merged_into: keepId, updated_at: new Date() })
    .where('id', '=', mergeId)
    .execute();
  return {
    links: [
      ...to.map((r) => ({ id: r.id, end: 'to' as const })),
      ...from.map((r) => ({ id: r.id, end: 'from' as const })),
    ],
    disruptions: disruptions.map((r) => r.id),
    identifiers,
  };
}

function mayDecide(viewer: Viewer) {
  // Confirming or undoing a merge changes whose intelligence is whose: it needs `context.manage` in its
  // own right, not through one child's case.
  if (!decide(viewer, 'context.manage').allowed)
    throw new AppError('forbidden', 'You do not have permission to decide merges.');
}

export async function decideMergeProposal(
  { db, actor, viewer }: Ctx,
  id: string,
  input: { decision: 'confirm' | 'reject'; reason?: string | undefined },
) {
  return transact(db, actor, async (trx) => {
    const current = await oneMerge(trx, viewer, id);
    mayDecide(viewer);
    const stored = await trx
      .selectFrom('context_merges')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const decided = decideMerge(
      {
        kind: stored.kind as MergeProposal['kind'],
        keepId: stored.keep_id,
        mergeId: stored.merge_id,
        score: stored.score,
        reasons: stored.reasons,
        proposedBy: stored.proposed_by,
        proposedAt: new Date(stored.proposed_at).toISOString(),
        status: stored.status as MergeProposal['status'],
      },
      {
        decision: input.decision,
        by: viewer.userId,
        at: new Date().toISOString(),
        ...(input.reason ? { reason: input.reason } : {}),
      },
    );
    if (!decided.ok) {
      const path = decided.rule === 'merge.rejection-reason' ? 'reason' : 'decision';
      const code = decided.rule === 'merge.already-decided' ? 'conflict' : 'validation_failed';
      throw refuse(decided.rule, path, decided.message.replace(/^\[[^\]]+\]\s*/, ''), code);
    }
    await bothRecords(trx, viewer, current.keep.id, current.merge.id, input.decision === 'confirm');
    const moved = input.decision === 'confirm' ? await carryOut(trx, stored.keep_id, stored.merge_id) : null;
    await trx
      .updateTable('context_merges')
      .set({
        status: decided.proposal.status,
        decided_by: viewer.userId,
        decided_at: new Date(decided.proposal.decidedAt ?? Date.now()),
        decision_reason: input.reason ?? null,
        moved: moved ? JSON.stringify(moved) : null,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, actor, {
      action: input.decision === 'confirm' ? 'context.merge_confirmed' : 'context.merge_rejected',
      recordType: 'context_merge',
      recordId: id,
      ...(input.reason ? { reason: input.reason } : {}),
      details: {
        keepId: stored.keep_id,
        mergeId: stored.merge_id,
        linksMoved: moved?.links.length ?? 0,
        disruptionsMoved: moved?.disruptions.length ?? 0,
      },
    });
    return { merge: await oneMerge(trx, viewer, id) };
  });
}

export async function undoMerge({ db, actor, viewer }: Ctx, id: string, input: { reason: string }) {
  return transact(db, actor, async (trx) => {
    const current = await oneMerge(trx, viewer, id);
    mayDecide(viewer);
    if (current.status !== 'confirmed' || current.undone)
      throw refuse(
        'merge.undo-confirmed',
        'id',
        'Only a confirmed merge that has not been undone can be undone',
        'conflict',
      );
    const stored = await trx
      .selectFrom('context_merges')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const moved = (stored.moved ?? { links: [], disruptions: [], identifiers: [] }) as unknown as Moved;
    for (const l of moved.links) {
      const column = l.end === 'to' ? 'to_context_id' : 'from_context_id';
      await trx
        .updateTable('context_links')
        .set({ [column]: stored.merge_id })
        .where('id', '=', l.id)
        .where(column, '=', stored.keep_id)
        .execute();
    }
    if (moved.disruptions.length)
      await trx
        .updateTable('disruptions')
        .set({ target_context_id: stored.merge_id })
        .where('id', 'in', moved.disruptions)
        .where('target_context_id', '=', stored.keep_id)
        .execute();
    for (const i of moved.identifiers)
      await trx
        .deleteFrom('context_identifiers')
        .where('context_id', '=', stored.keep_id)
        .where('kind', '=', i.kind)
        .where('value', '=', i.value)
        .execute();
    await trx
      .updateTable('contexts')
      .set({ merged_into: null, updated_at: new Date() })
      .where('id', '=', stored.merge_id)
      .execute();
    await trx
      .updateTable('context_merges')
      .set({ undone_by: viewer.userId, undone_at: new Date(), undo_reason: input.reason })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, actor, {
      action: 'context.merge_undone',
      recordType: 'context_merge',
      recordId: id,
      reason: input.reason,
      details: { keepId: stored.keep_id, mergeId: stored.merge_id, linksRestored: moved.links.length },
    });
    return { merge: await oneMerge(trx, viewer, id) };
  });
}
