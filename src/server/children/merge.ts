/**
 * One child, one record: merging a duplicate into the record that is kept, and undoing it. Nothing is
 * deleted. What moved is listed on the merge, so undoing it moves exactly those rows back.
 */
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/audit.ts';
import type { DB } from '../db/schema.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { openChild, transact } from './access.ts';
import { displayName } from './presenter.ts';
import type { Ctx } from './record.ts';
import { addChronologyEntry } from './store.ts';

/** Every table that hangs off a child, and its column naming the child. */
const CHILD_TABLES = [
  ['referrals', 'child_id'],
  ['observations', 'child_id'],
  ['tasks', 'child_id'],
  ['chronology_entries', 'child_id'],
  ['notes', 'child_id'],
  ['exploitation_flags', 'child_id'],
  ['statutory_statuses', 'child_id'],
  ['child_professionals', 'child_id'],
  ['person_addresses', 'person_id'],
  ['case_closures', 'child_id'],
] as const;
type Moved = Record<string, string[]>;

async function moveRows(trx: Transaction<DB>, from: string, to: string): Promise<Moved> {
  const moved: Moved = {};
  for (const [table, column] of CHILD_TABLES) {
    const rows = await trx
      .updateTable(table)
      .set({ [column]: to } as never)
      .where(column as never, '=', from as never)
      .returning('id' as never)
      .execute();
    moved[table] = rows.map((r) => (r as { id: string }).id);
  }
  return moved;
}

export async function mergeChildren(
  { db, actor, viewer }: Ctx,
  keptId: string,
  input: { duplicateId: string; reason: string },
) {
  if (input.duplicateId === keptId) throw invalid('duplicateId', 'a record cannot be merged into itself');
  return transact(db, actor, async (trx) => {
    const kept = await openChild(trx, viewer, keptId, 'child.merge');
    const duplicate = await openChild(trx, viewer, input.duplicateId, 'child.merge');
    if (kept.mergedInto)
      throw new AppError('conflict', 'id: this record has itself been merged into another', [
        { path: 'id', message: 'already merged' },
      ]);
    if (duplicate.mergedInto) {
      throw new AppError('conflict', 'duplicateId: this record has already been merged', [
        { path: 'duplicateId', message: 'already merged' },
      ]);
    }
    const moved = await moveRows(trx, input.duplicateId, keptId);
    const dup = await trx
      .selectFrom('people')
      .select(['given_name', 'family_name', 'known_as'])
      .where('id', '=', input.duplicateId)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('people')
      .set({ merged_into: keptId, updated_at: new Date() })
      .where('id', '=', input.duplicateId)
      .execute();
    const { id } = await trx
      .insertInto('child_merges')
      .values({
        kept_id: keptId,
        merged_id: input.duplicateId,
        reason: input.reason,
        moved: JSON.stringify(moved),
        merged_by: viewer.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addChronologyEntry(trx, {
      childId: keptId,
      kind: 'merge',
      title: `Record merged: ${displayName(dup)}`,
      summary: `A duplicate record (${displayName(dup)}) was merged into this one. Reason: ${input.reason}`,
      source: 'Records merge in Lantern',
      occurredAt: new Date(),
      authorUserId: viewer.userId,
      sourceAgencyId: viewer.agencyId,
      verification: 'verified',
      sensitivity: 'standard',
      recordType: 'merge',
      recordId: id,
    });
    await appendAudit(trx, actor, {
      action: 'child.merged',
      recordType: 'merge',
      recordId: id,
      childId: keptId,
      reason: input.reason,
      details: {
        mergedId: input.duplicateId,
        moved: Object.values(moved).reduce((n, ids) => n + ids.length, 0),
      },
    });
    return id;
  });
}

export async function undoMerge(
  { db, actor, viewer }: Ctx,
  keptId: string,
  mergeId: string,
  input: { reason: string },
) {
  await transact(db, actor, async (trx) => {
    await openChild(trx, viewer, keptId, 'child.merge');
    const merge = await trx
      .selectFrom('child_merges')
      .selectAll()
      .where('id', '=', mergeId)
      .where('kept_id', '=', keptId)
      .forUpdate()
      .executeTakeFirst();
    if (!merge) throw notFound('merge');
    if (merge.undone_at)
      throw new AppError('conflict', 'mergeId: this merge has already been undone', [
        { path: 'mergeId', message: 'already undone' },
      ]);
    const moved = merge.moved as Moved;
    for (const [table, column] of CHILD_TABLES) {
      const ids = moved[table] ?? [];
      if (ids.length === 0) continue;
      await trx
        .updateTable(table)
        .set({ [column]: merge.merged_id } as never)
        .where('id' as never, 'in', ids as never)
        .execute();
    }
    await trx
      .updateTable('people')
      .set({ merged_into: null, updated_at: new Date() })
      .where('id', '=', merge.merged_id)
      .execute();
    await trx
      .updateTable('child_merges')
      .set({ undone_at: new Date(), undone_by: viewer.userId, undo_reason: input.reason })
      .where('id', '=', mergeId)
      .execute();
    await addChronologyEntry(trx, {
      childId: keptId,
      kind: 'merge',
      title: 'Merge undone',
      summary: `A merge of another record into this one was undone. Reason: ${input.reason}`,
      source: 'Records merge in Lantern',
      occurredAt: new Date(),
      authorUserId: viewer.userId,
      sourceAgencyId: viewer.agencyId,
      verification: 'verified',
      sensitivity: 'standard',
      recordType: 'merge',
      recordId: mergeId,
    });
    await appendAudit(trx, actor, {
      action: 'child.merge_undone',
      recordType: 'merge',
      recordId: mergeId,
      childId: keptId,
      reason: input.reason,
      details: { mergedId: merge.merged_id },
    });
  });
}
