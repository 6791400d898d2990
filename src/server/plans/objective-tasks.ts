/**
 * An objective with a named owner who has an account becomes a task on their own list of work, due on
 * the objective's date; when the objective is done, no longer needed, removed or given to someone else,
 * the task is closed. A labelled objective's task does not repeat its aim, since the owner's list may be
 * seen where the label may not.
 */
import { sql, type Transaction } from 'kysely';
import type { Plan } from '../../domain/plans/index.ts';
import { objectivesOf } from '../../domain/plans/index.ts';
import type { DB } from '../db/schema.ts';

export const OBJECTIVE_TASK_KIND = 'plan_objective';

const OPEN = new Set(['not_started', 'in_progress']);

export async function syncObjectiveTasks(
  trx: Transaction<DB>,
  input: { plan: Plan; labels: Record<string, string>; actorUserId: string },
) {
  const { plan } = input;
  const links = await trx
    .selectFrom('plan_objective_tasks as l')
    .innerJoin('tasks as t', 't.id', 'l.task_id')
    .select(['l.task_id', 'l.objective_id', 'l.owner_user_id'])
    .where('l.plan_id', '=', plan.id)
    .where('t.status', '=', 'open')
    .execute();
  const objectives = objectivesOf(plan).map((o) => o.objective);
  const wanted = objectives.filter((o) => o.owner.userId && OPEN.has(o.status.status));
  const keep = new Set<string>();
  for (const objective of wanted) {
    const owner = objective.owner.userId as string;
    const link = links.find((l) => l.objective_id === objective.id && l.owner_user_id === owner);
    if (link) {
      keep.add(link.task_id);
      await trx
        .updateTable('tasks')
        .set({ due_at: new Date(`${objective.dueDate}T17:00:00Z`) })
        .where('id', '=', link.task_id)
        .execute();
      continue;
    }
    const labelled = (input.labels[objective.id] ?? 'standard') !== 'standard';
    const title = labelled ? 'Plan objective (see the child’s plan)' : `Plan objective: ${objective.aim}`;
    const { id } = await trx
      .insertInto('tasks')
      .values({
        child_id: plan.childId,
        referral_id: null,
        kind: OBJECTIVE_TASK_KIND,
        title: title.length > 300 ? `${title.slice(0, 297)}…` : title,
        assigned_to: owner,
        due_at: new Date(`${objective.dueDate}T17:00:00Z`),
        created_by: input.actorUserId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('plan_objective_tasks')
      .values({ task_id: id, plan_id: plan.id, objective_id: objective.id, owner_user_id: owner })
      .execute();
    keep.add(id);
  }
  const close = links.filter((l) => !keep.has(l.task_id)).map((l) => l.task_id);
  if (close.length > 0) {
    await trx
      .updateTable('tasks')
      .set({ status: 'done', completed_at: sql`now()`, completed_by: input.actorUserId })
      .where('id', 'in', close)
      .execute();
  }
}

/** Owners named by account must be active users. Returns the paths of any that are not. */
export async function unknownOwners(trx: Transaction<DB>, plan: Plan): Promise<string[]> {
  const named = objectivesOf(plan).flatMap(({ section, objective }) =>
    objective.owner.userId ? [{ section, objective }] : [],
  );
  if (named.length === 0) return [];
  const ids = [...new Set(named.map((n) => n.objective.owner.userId as string))];
  const found = await trx
    .selectFrom('users')
    .select('id')
    .where('id', 'in', ids)
    .where('active', '=', true)
    .execute();
  const known = new Set(found.map((f) => f.id));
  return named
    .filter((n) => !known.has(n.objective.owner.userId as string))
    .map((n) => {
      const index = plan.sections[n.section].objectives.findIndex((o) => o.id === n.objective.id);
      return `sections.${n.section}.objectives.${index}.owner.userId`;
    });
}
