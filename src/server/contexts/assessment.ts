/**
 * A context's own assessment and plan, kept light: the assessment in words, whether it should go to
 * MACE and why, and actions with an owner, an agency and a due date — enough for the MACE agenda to
 * pick up. Changing them needs `context.manage` on the record.
 */
import type { Viewer } from '../../domain/access/types.ts';
import { appendAudit } from '../audit/audit.ts';
import { transact } from '../children/access.ts';
import type { Ctx } from '../children/record.ts';
import { AppError, notFound } from '../errors.ts';
import { mayManageContext } from './authority.ts';
import { type Db, loadContext } from './queries.ts';
import { presentContext } from './records.ts';
import { refuse } from './refusals.ts';

async function openForChange(db: Db, viewer: Viewer, id: string) {
  const row = await loadContext(db, viewer, id);
  if (!row) throw notFound('context');
  if (!(await mayManageContext(db, viewer, id)))
    throw new AppError('forbidden', 'You do not have permission to change this record.');
  if (row.merged_into)
    throw refuse(
      'context.merged',
      'id',
      `This record was merged into ${row.merged_into}; change that record`,
      'conflict',
    );
  return row;
}

export interface AssessmentInput {
  text: string | null;
  /** Why the context should be discussed at MACE; null takes it off the agenda. */
  maceReason: string | null;
}

export async function saveAssessment({ db, actor, viewer }: Ctx, id: string, input: AssessmentInput) {
  return transact(db, actor, async (trx) => {
    const row = await openForChange(trx, viewer, id);
    const nominating = input.maceReason !== null && row.mace_reason === null;
    await trx
      .updateTable('contexts')
      .set({
        assessment: input.text,
        assessment_updated_by: viewer.userId,
        assessment_updated_at: new Date(),
        mace_reason: input.maceReason,
        mace_nominated_by: input.maceReason === null ? null : nominating ? viewer.userId : undefined,
        mace_nominated_at: input.maceReason === null ? null : nominating ? new Date() : undefined,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, actor, {
      action: 'context.assessment_saved',
      recordType: 'context',
      recordId: id,
      fields: ['text', 'maceReason'],
      details: { onMaceAgenda: input.maceReason !== null },
    });
    const updated = await loadContext(trx, viewer, id);
    if (!updated) throw notFound('context');
    return { context: await presentContext(trx, viewer, updated) };
  });
}

export interface ActionInput {
  action: string;
  ownerName: string;
  ownerUserId?: string | undefined;
  agencyId: string;
  dueDate: string;
}

export async function addAction({ db, actor, viewer }: Ctx, id: string, input: ActionInput) {
  return transact(db, actor, async (trx) => {
    await openForChange(trx, viewer, id);
    const agency = await trx
      .selectFrom('agencies')
      .select('id')
      .where('id', '=', input.agencyId)
      .executeTakeFirst();
    if (!agency)
      throw refuse('context.action-agency', 'agencyId', 'There is no agency with this id in the partnership');
    if (input.ownerUserId) {
      const owner = await trx
        .selectFrom('users')
        .select('id')
        .where('id', '=', input.ownerUserId)
        .executeTakeFirst();
      if (!owner) throw refuse('context.action-owner', 'ownerUserId', 'There is no user with this id');
    }
    const row = await trx
      .insertInto('context_actions')
      .values({
        context_id: id,
        action: input.action,
        owner_name: input.ownerName,
        owner_user_id: input.ownerUserId ?? null,
        agency_id: input.agencyId,
        due_date: input.dueDate,
        created_by: viewer.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, {
      action: 'context.action_added',
      recordType: 'context_action',
      recordId: row.id,
      details: { contextId: id, dueDate: input.dueDate },
    });
    const updated = await loadContext(trx, viewer, id);
    if (!updated) throw notFound('context');
    return { context: await presentContext(trx, viewer, updated) };
  });
}

export async function changeAction(
  { db, actor, viewer }: Ctx,
  id: string,
  actionId: string,
  input: { status: 'open' | 'done' | 'no_longer_needed' },
) {
  return transact(db, actor, async (trx) => {
    await openForChange(trx, viewer, id);
    const done = input.status !== 'open';
    const result = await trx
      .updateTable('context_actions')
      .set({
        status: input.status,
        completed_by: done ? viewer.userId : null,
        completed_at: done ? new Date() : null,
      })
      .where('id', '=', actionId)
      .where('context_id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('action');
    await appendAudit(trx, actor, {
      action: 'context.action_updated',
      recordType: 'context_action',
      recordId: actionId,
      details: { contextId: id, status: input.status },
    });
    const updated = await loadContext(trx, viewer, id);
    if (!updated) throw notFound('context');
    return { context: await presentContext(trx, viewer, updated) };
  });
}
