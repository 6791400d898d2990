/**
 * Closure: a reason from a list that never includes disengagement, and a manager's approval.
 * "Services have not yet found a way to engage" keeps the case open with an outreach action.
 * Reopening keeps the history.
 */
import {
  CLOSURE_REASON_NAMES,
  type ClosureReason,
  NOT_YET_ENGAGED,
  NOT_YET_ENGAGED_NAME,
  OUTREACH_TASK,
} from '../../domain/children/case-record.ts';
import { appendAudit } from '../audit/audit.ts';
import { AppError, forbidden } from '../errors.ts';
import { assertNotMerged, openChild, transact } from './access.ts';
import { type Ctx, holdingAgency } from './record.ts';
import { addChronologyEntry, addTask } from './store.ts';

const notOpen = (status: string) =>
  new AppError('conflict', `caseStatus: the case is ${status.replace('_', ' ')}`, [
    { path: 'caseStatus', message: `the case is ${status}` },
  ]);

export async function requestClosure(
  { db, actor, viewer }: Ctx,
  childId: string,
  input: { reason: ClosureReason | typeof NOT_YET_ENGAGED; detail: string },
): Promise<{ outcome: 'closure_requested' | 'kept_open'; taskId: string | null }> {
  return transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId, 'case.close.request');
    assertNotMerged(access);
    if (access.caseStatus !== 'open') throw notOpen(access.caseStatus);
    if (input.reason === NOT_YET_ENGAGED) {
      // Not a closure: the service keeps trying, and the lead worker gets the outreach action.
      const lead = await trx
        .selectFrom('child_professionals')
        .select('user_id')
        .where('child_id', '=', childId)
        .where('kind', '=', 'lead_worker')
        .where('ended_at', 'is', null)
        .executeTakeFirst();
      const taskId = await addTask(trx, {
        childId,
        referralId: null,
        kind: OUTREACH_TASK.kind,
        title: OUTREACH_TASK.title,
        assignedTo: lead?.user_id ?? viewer.userId,
        dueInWorkingDays: OUTREACH_TASK.dueInWorkingDays,
        createdBy: viewer.userId,
      });
      await addChronologyEntry(trx, {
        childId,
        kind: 'event',
        title: `Case kept open: ${NOT_YET_ENGAGED_NAME.toLowerCase()}`,
        summary: input.detail,
        source: 'Case decision in Lantern',
        occurredAt: new Date(),
        authorUserId: viewer.userId,
        sourceAgencyId: viewer.agencyId,
        verification: 'verified',
        sensitivity: 'standard',
        recordType: 'task',
        recordId: taskId,
      });
      await appendAudit(trx, actor, {
        action: 'case.kept_open',
        recordType: 'child',
        recordId: childId,
        childId,
        details: { taskId },
      });
      return { outcome: 'kept_open' as const, taskId };
    }
    const holding = (await holdingAgency(trx, childId)) ?? viewer.agencyId;
    const { id } = await trx
      .insertInto('case_closures')
      .values({
        child_id: childId,
        reason: input.reason,
        detail: input.detail,
        holding_agency_id: holding,
        requested_by: viewer.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('people')
      .set({ case_status: 'closure_requested', updated_at: new Date() })
      .where('id', '=', childId)
      .execute();
    await appendAudit(trx, actor, {
      action: 'case.closure_requested',
      recordType: 'closure',
      recordId: id,
      childId,
      details: { reason: input.reason },
    });
    return { outcome: 'closure_requested' as const, taskId: null };
  });
}

export async function decideClosure(
  { db, actor, viewer }: Ctx,
  childId: string,
  approve: boolean,
  input: { note?: string | null | undefined },
) {
  await transact(db, actor, async (trx) => {
    const pending = await trx
      .selectFrom('case_closures')
      .select(['id', 'reason', 'detail', 'holding_agency_id', 'requested_by'])
      .where('child_id', '=', childId)
      .where('status', '=', 'requested')
      .executeTakeFirst();
    const access = await openChild(
      trx,
      viewer,
      childId,
      'case.close.approve',
      pending ? { targetAgencyId: pending.holding_agency_id } : {},
    );
    assertNotMerged(access);
    if (!pending) throw notOpen(access.caseStatus);
    if (pending.requested_by === viewer.userId)
      throw forbidden('A different manager must decide on a closure you asked for.');
    await trx
      .updateTable('case_closures')
      .set({
        status: approve ? 'approved' : 'declined',
        decided_by: viewer.userId,
        decided_at: new Date(),
        decision_note: input.note ?? null,
      })
      .where('id', '=', pending.id)
      .execute();
    await trx
      .updateTable('people')
      .set({ case_status: approve ? 'closed' : 'open', updated_at: new Date() })
      .where('id', '=', childId)
      .execute();
    if (approve) {
      await addChronologyEntry(trx, {
        childId,
        kind: 'closure',
        title: `Case closed: ${CLOSURE_REASON_NAMES[pending.reason as ClosureReason]}`,
        summary: `${pending.detail}${input.note ? `\nManager: ${input.note}` : ''}`,
        source: 'Closure approved by a manager in Lantern',
        occurredAt: new Date(),
        authorUserId: viewer.userId,
        sourceAgencyId: viewer.agencyId,
        verification: 'verified',
        sensitivity: 'standard',
        recordType: 'closure',
        recordId: pending.id,
      });
    }
    await appendAudit(trx, actor, {
      action: approve ? 'case.closure_approved' : 'case.closure_declined',
      recordType: 'closure',
      recordId: pending.id,
      childId,
    });
  });
}

export async function reopenCase({ db, actor, viewer }: Ctx, childId: string, input: { reason: string }) {
  await transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId, 'child.update');
    assertNotMerged(access);
    if (access.caseStatus !== 'closed') throw notOpen(access.caseStatus);
    const last = await trx
      .selectFrom('case_closures')
      .select('id')
      .where('child_id', '=', childId)
      .where('status', '=', 'approved')
      .where('reopened_at', 'is', null)
      .orderBy('decided_at', 'desc')
      .executeTakeFirst();
    if (last) {
      await trx
        .updateTable('case_closures')
        .set({ reopened_at: new Date(), reopened_by: viewer.userId, reopen_reason: input.reason })
        .where('id', '=', last.id)
        .execute();
    }
    await trx
      .updateTable('people')
      .set({ case_status: 'open', updated_at: new Date() })
      .where('id', '=', childId)
      .execute();
    await addChronologyEntry(trx, {
      childId,
      kind: 'reopening',
      title: 'Case reopened',
      summary: input.reason,
      source: 'Case reopened in Lantern',
      occurredAt: new Date(),
      authorUserId: viewer.userId,
      sourceAgencyId: viewer.agencyId,
      verification: 'verified',
      sensitivity: 'standard',
    });
    await appendAudit(trx, actor, {
      action: 'case.reopened',
      recordType: 'child',
      recordId: childId,
      childId,
      reason: input.reason,
    });
  });
}
