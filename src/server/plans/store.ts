/** Queries for plans: the current version, every version, and writing a new one. */
import type { Kysely, Transaction } from 'kysely';
import type { Plan, PlanSection } from '../../domain/plans/index.ts';
import { objectivesOf } from '../../domain/plans/index.ts';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

const iso = (d: Date | string) => new Date(d).toISOString();

export async function loadPlanRow(db: Db, childId: string, planId?: string, lock = false) {
  let q = db
    .selectFrom('plans as p')
    .innerJoin('users as ub', 'ub.id', 'p.updated_by')
    .leftJoin('users as ab', 'ab.id', 'p.agreed_by')
    .select([
      'p.id',
      'p.child_id',
      'p.version',
      'p.harm_status',
      'p.assessment_id',
      'p.agreed_version',
      'p.agreed_at',
      'p.agreed_by',
      'p.updated_at',
      'p.updated_by',
      'ub.name as updated_by_name',
      'ab.name as agreed_by_name',
    ])
    .where('p.child_id', '=', childId);
  if (planId) q = q.where('p.id', '=', planId);
  if (lock) {
    await db.selectFrom('plans').select('id').where('child_id', '=', childId).forUpdate().executeTakeFirst();
  }
  return (await q.executeTakeFirst()) ?? null;
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof loadPlanRow>>>;

export async function loadVersion(db: Db, planId: string, version: number) {
  const row = await db
    .selectFrom('plan_versions')
    .select(['plan', 'objective_labels'])
    .where('plan_id', '=', planId)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
  return { plan: row.plan as unknown as Plan, labels: row.objective_labels };
}

export async function loadVersionList(db: Db, planId: string) {
  const rows = await db
    .selectFrom('plan_versions as v')
    .innerJoin('users as u', 'u.id', 'v.saved_by')
    .select(['v.version', 'v.change', 'v.saved_at', 'u.id as user_id', 'u.name'])
    .where('v.plan_id', '=', planId)
    .orderBy('v.version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    change: r.change,
    savedBy: { id: r.user_id, name: r.name },
    savedAt: iso(r.saved_at),
  }));
}

/** Stores a new version: the snapshot, and the current objectives as rows. */
export async function writeVersion(
  trx: Transaction<DB>,
  input: {
    plan: Plan;
    labels: Record<string, string>;
    change: 'created' | 'updated' | 'objective_status' | 'wording_amended';
    userId: string;
  },
) {
  const { plan } = input;
  await trx
    .insertInto('plan_versions')
    .values({
      plan_id: plan.id,
      version: plan.version,
      plan: JSON.stringify(plan),
      objective_labels: JSON.stringify(input.labels),
      change: input.change,
      saved_by: input.userId,
    })
    .execute();
  await trx.deleteFrom('plan_objectives').where('plan_id', '=', plan.id).execute();
  const rows = objectivesOf(plan).map(({ section, objective }, position) => ({
    plan_id: plan.id,
    id: objective.id,
    section: section as PlanSection,
    position,
    aim: objective.aim,
    owner_name: objective.owner.name,
    owner_user_id: objective.owner.userId ?? null,
    agency_name: objective.agency.name,
    due_date: objective.dueDate,
    status: objective.status.status,
    sensitivity: input.labels[objective.id] ?? 'standard',
    objective: JSON.stringify(objective),
  }));
  if (rows.length > 0) await trx.insertInto('plan_objectives').values(rows).execute();
}

/**
 * What is known about harm for the plan: the more serious of the latest completed analysis and the
 * child's active exploitation flags (all of them, whoever may see them: this decides a rule, it shows
 * nothing).
 */
export async function harmForPlan(
  db: Db,
  childId: string,
): Promise<'known' | 'suspected' | 'none_identified'> {
  const flags = await db
    .selectFrom('exploitation_flags')
    .select('harm_status')
    .where('child_id', '=', childId)
    .where('removed_at', 'is', null)
    .execute();
  const latest = await db
    .selectFrom('assessments')
    .select('harm_status')
    .where('child_id', '=', childId)
    .where('status', '=', 'completed')
    .orderBy('completed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const all = [...flags.map((f) => f.harm_status), latest?.harm_status];
  if (all.includes('known')) return 'known';
  if (all.includes('suspected')) return 'suspected';
  return 'none_identified';
}
