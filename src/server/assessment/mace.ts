/**
 * The MACE risk assessment runs alongside the child's statutory plan; a child on the MACE agenda with
 * no qualifying plan is referred to Children's Services at once (seed 004). Which plans qualify and the
 * wording of the task are the domain's (`statutoryPlanCheck`); this makes the task, once.
 */
import { sql, type Transaction } from 'kysely';
import {
  IMMEDIATE_REFERRAL_KIND,
  type StatutoryPlanCheck,
  statutoryPlanCheck,
} from '../../domain/assessment/index.ts';
import type { StatutoryStatus } from '../../domain/referrals/decisions.ts';
import { appendAudit } from '../audit/audit.ts';
import type { AuditActor } from '../audit/events.ts';
import { addTask } from '../children/store.ts';
import type { DB } from '../db/schema.ts';

export interface ImmediateReferral {
  check: StatutoryPlanCheck;
  task: {
    id: string;
    title: string;
    description: string;
    assignedTo: { id: string; name: string };
    created: boolean;
  } | null;
}

/**
 * Who the task goes to: the partnership's MACE coordinator. Lantern has no coordinator role yet, so it is
 * the first active MACE chair (by name), or the person doing the assessment when there is none.
 */
async function maceCoordinator(trx: Transaction<DB>, fallback: { id: string; name: string }) {
  const chair = await trx
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select(['users.id', 'users.name'])
    .where(sql<boolean>`'mace_chair' = ANY(users.roles)`)
    .where('users.active', '=', true)
    .where('agencies.active', '=', true)
    .orderBy('users.name')
    .orderBy('users.id')
    .limit(1)
    .executeTakeFirst();
  return chair ?? fallback;
}

/** Runs the statutory plan check for a child's MACE risk assessment and makes the referral task if needed. */
export async function ensureImmediateReferral(
  trx: Transaction<DB>,
  actor: AuditActor,
  child: { id: string; name: string },
  by: { id: string; name: string },
): Promise<ImmediateReferral> {
  const open = await trx
    .selectFrom('statutory_statuses')
    .select('status')
    .where('child_id', '=', child.id)
    .where('ended_on', 'is', null)
    .execute();
  const check = statutoryPlanCheck({
    childId: child.id,
    name: child.name,
    openStatutoryPlans: open.map((s) => s.status as StatutoryStatus),
  });
  if (!check.task) return { check, task: null };
  const existing = await trx
    .selectFrom('tasks')
    .innerJoin('users', 'users.id', 'tasks.assigned_to')
    .select(['tasks.id', 'tasks.title', 'users.id as user_id', 'users.name'])
    .where('tasks.child_id', '=', child.id)
    .where('tasks.kind', '=', IMMEDIATE_REFERRAL_KIND)
    .where('tasks.status', '=', 'open')
    .executeTakeFirst();
  if (existing) {
    return {
      check,
      task: {
        id: existing.id,
        title: existing.title,
        description: check.task.description,
        assignedTo: { id: existing.user_id, name: existing.name },
        created: false,
      },
    };
  }
  const assignee = await maceCoordinator(trx, by);
  const id = await addTask(trx, {
    childId: child.id,
    referralId: null,
    kind: IMMEDIATE_REFERRAL_KIND,
    title: check.task.title,
    assignedTo: assignee.id,
    dueInWorkingDays: check.task.dueInWorkingDays,
    createdBy: by.id,
  });
  await appendAudit(trx, actor, {
    action: 'assessment.immediate_referral_task_created',
    recordType: 'task',
    recordId: id,
    childId: child.id,
    details: { assignedTo: assignee.id, rulesSource: check.task.source },
  });
  return {
    check,
    task: {
      id,
      title: check.task.title,
      description: check.task.description,
      assignedTo: assignee,
      created: true,
    },
  };
}
