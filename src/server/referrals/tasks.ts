/** Follow-on tasks: the assignee's own list and completing a task. */
import { type Kysely, sql } from 'kysely';
import type { Viewer } from '../../domain/access/types.ts';
import { appendAudit } from '../audit/audit.ts';
import { childVisibleTo, transact } from '../children/access.ts';
import type { Ctx } from '../children/record.ts';
import type { DB } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * Open tasks assigned to the viewer. The child's name is shown only where the viewer may read the
 * child's record (a task can outlive an allocation).
 */
export async function myTasks(db: Kysely<DB>, viewer: Viewer) {
  const rows = await db
    .selectFrom('tasks as t')
    .leftJoin('people as p', (join) =>
      join.onRef('p.id', '=', 't.child_id').on(childVisibleTo(viewer, 'p.id')),
    )
    .select([
      't.id',
      't.title',
      't.kind',
      't.due_at',
      't.child_id',
      't.referral_id',
      'p.id as visible_child_id',
      'p.given_name',
      'p.family_name',
    ])
    .where('t.assigned_to', '=', viewer.userId)
    .where('t.status', '=', 'open')
    .orderBy('t.due_at')
    .limit(200)
    .execute();
  const now = new Date();
  return rows.map((t) => ({
    id: t.id,
    title: t.title,
    kind: t.kind,
    dueAt: iso(t.due_at),
    overdue: new Date(t.due_at) < now,
    child: t.visible_child_id ? { id: t.visible_child_id, name: `${t.given_name} ${t.family_name}` } : null,
    referralId: t.referral_id,
  }));
}

export async function completeTask({ db, actor, viewer }: Ctx, taskId: string) {
  await transact(db, actor, async (trx) => {
    const task = await trx
      .selectFrom('tasks')
      .select(['id', 'assigned_to', 'status', 'child_id'])
      .where('id', '=', taskId)
      .forUpdate()
      .executeTakeFirst();
    // Someone else's task is not theirs to see.
    if (!task || task.assigned_to !== viewer.userId) throw notFound('task');
    if (task.status === 'done')
      throw new AppError('conflict', 'status: this task is already done', [
        { path: 'status', message: 'already done' },
      ]);
    await trx
      .updateTable('tasks')
      .set({ status: 'done', completed_at: sql`now()`, completed_by: viewer.userId })
      .where('id', '=', taskId)
      .execute();
    await appendAudit(trx, actor, {
      action: 'case.task_completed',
      recordType: 'task',
      recordId: taskId,
      ...(task.child_id ? { childId: task.child_id } : {}),
    });
  });
}
