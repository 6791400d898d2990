/**
 * The screening decision: its reasons, the statutory status it confers, the follow-on tasks, and the
 * chronology entry, all in one transaction with the audit entry.
 */
import type { SensitivityLabel } from '../../domain/access/types.ts';
import { DECISION_RULES, STATUTORY_STATUS_NAMES } from '../../domain/referrals/decisions.ts';
import { appendAudit } from '../audit/audit.ts';
import { assertNotMerged, openChild, transact } from '../children/access.ts';
import type { Ctx } from '../children/record.ts';
import { addChronologyEntry, addTask, startStatutoryStatus, todayLocal } from '../children/store.ts';
import { AppError, invalid } from '../errors.ts';
import type { DecisionInput } from './schemas.ts';
import { loadScreenableReferral } from './view.ts';

export async function decideReferral({ db, actor, viewer }: Ctx, referralId: string, input: DecisionInput) {
  const rule = DECISION_RULES[input.decision];
  if (rule.requiresAdvice && !input.advice) {
    throw invalid(
      'advice',
      'is required for no further action: record the advice given to the referrer and family',
    );
  }
  return transact(db, actor, async (trx) => {
    const referral = await loadScreenableReferral(trx, viewer, referralId);
    if (referral.status !== 'awaiting_decision') {
      throw new AppError('conflict', 'decision: this referral already has a decision', [
        { path: 'decision', message: 'already decided' },
      ]);
    }
    if (!referral.child_id) {
      throw new AppError('conflict', 'childId: link the referral to the child’s record before deciding', [
        { path: 'childId', message: 'the referral is not linked to a child’s record yet' },
      ]);
    }
    const childId = referral.child_id;
    const access = await openChild(trx, viewer, childId);
    assertNotMerged(access);

    let assignee = viewer.userId;
    if (input.assignTasksTo) {
      const user = await trx
        .selectFrom('users')
        .select('id')
        .where('id', '=', input.assignTasksTo)
        .where('active', '=', true)
        .executeTakeFirst();
      if (!user) throw invalid('assignTasksTo', 'there is no active user with this id');
      assignee = user.id;
    }

    await trx
      .insertInto('referral_decisions')
      .values({
        referral_id: referralId,
        decision: input.decision,
        reasons: input.reasons,
        advice: input.advice ?? null,
        feedback_to_referrer: input.feedbackToReferrer,
        decided_by: viewer.userId,
        decided_agency_id: viewer.agencyId,
      })
      .execute();
    await trx.updateTable('referrals').set({ status: 'decided' }).where('id', '=', referralId).execute();

    const today = todayLocal();
    let statusStarted = false;
    if (rule.setsStatus) {
      const result = await startStatutoryStatus(trx, {
        childId,
        status: rule.setsStatus,
        startedOn: today,
        reason: `Screening decision: ${rule.name}`,
        referralId,
        userId: viewer.userId,
      });
      statusStarted = result.started;
    }

    const taskIds: string[] = [];
    for (const task of rule.tasks) {
      taskIds.push(
        await addTask(trx, {
          childId,
          referralId,
          kind: task.kind,
          title: task.title,
          assignedTo: assignee,
          dueInWorkingDays: task.dueInWorkingDays,
          createdBy: viewer.userId,
        }),
      );
    }

    // A new referral that needs a service reopens a closed case; the history stays.
    if (access.caseStatus === 'closed' && input.decision !== 'no_further_action') {
      await trx
        .updateTable('people')
        .set({ case_status: 'open', updated_at: new Date() })
        .where('id', '=', childId)
        .execute();
      await addChronologyEntry(trx, {
        childId,
        kind: 'reopening',
        title: 'Case reopened after a new referral',
        summary: `Reopened by the screening decision: ${rule.name}.`,
        source: 'Screening decision in Lantern',
        occurredAt: new Date(),
        authorUserId: viewer.userId,
        sourceAgencyId: viewer.agencyId,
        verification: 'verified',
        sensitivity: 'standard',
      });
    }

    const statusText =
      rule.setsStatus && statusStarted
        ? ` Statutory status: ${STATUTORY_STATUS_NAMES[rule.setsStatus]}.`
        : '';
    await addChronologyEntry(trx, {
      childId,
      kind: 'screening_decision',
      title: `Screening decision: ${rule.name}`,
      summary: `${input.reasons}${input.advice ? `\nAdvice: ${input.advice}` : ''}${statusText}`,
      source: 'Front door screening decision',
      occurredAt: new Date(),
      authorUserId: viewer.userId,
      sourceAgencyId: viewer.agencyId,
      verification: 'verified',
      // The reasons may repeat what the referral said, so they carry the referral's label.
      sensitivity: referral.sensitivity as SensitivityLabel,
      recordType: 'referral',
      recordId: referralId,
    });

    await appendAudit(trx, actor, {
      action: 'referral.decided',
      recordType: 'referral',
      recordId: referralId,
      childId,
      fields: Object.keys(input),
      details: {
        decision: input.decision,
        statusStarted: rule.setsStatus && statusStarted ? rule.setsStatus : null,
        tasks: taskIds,
      },
    });
  });
}
