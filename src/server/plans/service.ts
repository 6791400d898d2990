/**
 * Writing the child's plan. Every change is a new version, checked by the domain's `validatePlan`: when
 * harm is suspected or known the disruption section is never empty, and no objective aims at the child's
 * behaviour. The harm status comes from the record, never from the form.
 *
 * Objectives carrying a label the editor may not see are kept as they are: the editor neither sees nor
 * loses them.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { problemsFromZod } from '../../domain/assessment/rules.ts';
import {
  type Objective,
  objectiveStatusSchema,
  PLAN_SECTIONS,
  type Plan,
  type PlanSection,
  validatePlan,
} from '../../domain/plans/index.ts';
import { assertLabelsUsable } from '../assessment/evidence.ts';
import { refusedBy } from '../assessment/service.ts';
import { latestCompleted } from '../assessment/store.ts';
import { appendAudit } from '../audit/audit.ts';
import { assertNotMerged, type ChildAccess, openChild, transact } from '../children/access.ts';
import type { Ctx } from '../children/record.ts';
import { addChronologyEntry } from '../children/store.ts';
import type { DB } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';
import { supersedeChallengesToRemovedTexts } from '../language/challenge-end.ts';
import { syncObjectiveTasks, unknownOwners } from './objective-tasks.ts';
import { refreshPlainLanguage } from './plain-language.ts';
import type { PlanInput } from './schemas.ts';
import { harmForPlan, loadPlanRow, loadVersion, type PlanRow, writeVersion } from './store.ts';

export interface PlanCtx extends Ctx {
  user: { id: string; name: string; agency: { id: string; name: string } };
}

type Sections = Record<PlanSection, { objectives: Objective[]; notes?: string }>;

const visible = (access: ChildAccess, labels: Record<string, string>, id: string) =>
  (access.labels as string[]).includes(labels[id] ?? 'standard');

/** Every section present (the form may leave out empty ones). */
function allSections(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...input };
  for (const key of PLAN_SECTIONS) out[key] ??= { objectives: [] };
  return out;
}

async function checkAndBuild(
  trx: Transaction<DB>,
  draft: Record<string, unknown>,
  labels: Record<string, string>,
) {
  const result = validatePlan(draft);
  if (!result.ok) throw refusedBy(result.problems);
  const ids = new Set(PLAN_SECTIONS.flatMap((s) => result.plan.sections[s].objectives.map((o) => o.id)));
  for (const key of Object.keys(labels)) {
    if (!ids.has(key)) {
      throw new AppError(
        'validation_failed',
        `labels.${key}: there is no objective with this id in the plan`,
        [{ path: `labels.${key}`, message: 'there is no objective with this id in the plan' }],
      );
    }
  }
  const unknown = await unknownOwners(trx, result.plan);
  if (unknown.length > 0) {
    throw new AppError(
      'validation_failed',
      unknown.map((p) => `${p}: there is no active user with this id`).join('; '),
      unknown.map((path) => ({ path, message: 'there is no active user with this id' })),
    );
  }
  return result;
}

async function save(
  trx: Transaction<DB>,
  userId: string,
  plan: Plan,
  labels: Record<string, string>,
  change: 'created' | 'updated' | 'objective_status' | 'wording_amended',
) {
  await writeVersion(trx, { plan, labels, change, userId });
  await syncObjectiveTasks(trx, { plan, labels, actorUserId: userId });
}

export async function createPlan(ctx: PlanCtx, childId: string, input: PlanInput) {
  return transact(ctx.db, ctx.actor, async (trx) => {
    const access = await openChild(trx, ctx.viewer, childId, 'plan.manage');
    assertNotMerged(access);
    if (await loadPlanRow(trx, childId)) {
      throw new AppError('conflict', 'plan: this child already has a plan; change that plan instead', [
        { path: 'plan', message: 'this child already has a plan' },
      ]);
    }
    const id = randomUUID();
    const now = new Date().toISOString();
    const latest = await latestCompleted(trx, childId);
    const labels = input.labels ?? {};
    assertLabelsUsable(ctx.viewer, access, labels);
    const { plan, advisories } = await checkAndBuild(
      trx,
      {
        id,
        childId,
        version: 1,
        harmStatus: await harmForPlan(trx, childId),
        ...(latest ? { assessmentId: latest.id } : {}),
        reviewDate: input.reviewDate,
        ...(input.howWeWillKnow ? { howWeWillKnow: input.howWeWillKnow } : {}),
        updatedAt: now,
        sections: allSections(input.sections),
      },
      labels,
    );
    await trx
      .insertInto('plans')
      .values({
        id,
        child_id: childId,
        version: 1,
        harm_status: plan.harmStatus,
        assessment_id: plan.assessmentId ?? null,
        review_date: plan.reviewDate,
        how_we_will_know: plan.howWeWillKnow ?? null,
        created_by: ctx.user.id,
        updated_by: ctx.user.id,
        updated_at: now,
      })
      .execute();
    await save(trx, ctx.user.id, plan, labels, 'created');
    await appendAudit(trx, ctx.actor, { action: 'plan.created', recordType: 'plan', recordId: id, childId });
    return { id, advisories };
  });
}

async function openPlan(trx: Transaction<DB>, ctx: PlanCtx, childId: string, planId: string) {
  const access = await openChild(trx, ctx.viewer, childId, 'plan.manage');
  assertNotMerged(access);
  const row = await loadPlanRow(trx, childId, planId, true);
  if (!row) throw notFound('plan');
  return { access, row, current: await loadVersion(trx, planId, row.version) };
}

async function storeNext(
  trx: Transaction<DB>,
  userId: string,
  row: Pick<PlanRow, 'id'>,
  plan: Plan,
  labels: Record<string, string>,
  change: 'updated' | 'objective_status' | 'wording_amended',
) {
  await trx
    .updateTable('plans')
    .set({
      version: plan.version,
      harm_status: plan.harmStatus,
      assessment_id: plan.assessmentId ?? null,
      review_date: plan.reviewDate,
      how_we_will_know: plan.howWeWillKnow ?? null,
      updated_by: userId,
      updated_at: plan.updatedAt,
    })
    .where('id', '=', row.id)
    .execute();
  await save(trx, userId, plan, labels, change);
}

export async function updatePlan(ctx: PlanCtx, childId: string, planId: string, input: PlanInput) {
  return transact(ctx.db, ctx.actor, async (trx) => {
    const { access, row, current } = await openPlan(trx, ctx, childId, planId);
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) {
      throw new AppError(
        'conflict',
        `expectedVersion: the plan was changed (it is now version ${row.version}); reload it and make your change again`,
        [{ path: 'expectedVersion', message: `the plan is now version ${row.version}` }],
      );
    }
    const submitted = allSections(input.sections) as Record<string, { objectives?: unknown[] }>;
    const labels: Record<string, string> = { ...(input.labels ?? {}) };
    assertLabelsUsable(ctx.viewer, access, labels);
    const sections: Record<string, unknown> = {};
    for (const key of PLAN_SECTIONS) {
      const hidden = current.plan.sections[key].objectives.filter(
        (o) => !visible(access, current.labels, o.id),
      );
      for (const o of hidden) labels[o.id] = current.labels[o.id] as string;
      const section = submitted[key] ?? {};
      sections[key] = { ...section, objectives: [...(section.objectives ?? []), ...hidden] };
    }
    const latest = await latestCompleted(trx, childId);
    const { plan, advisories } = await checkAndBuild(
      trx,
      {
        id: planId,
        childId,
        version: row.version + 1,
        harmStatus: await harmForPlan(trx, childId),
        ...(latest ? { assessmentId: latest.id } : {}),
        reviewDate: input.reviewDate,
        ...(input.howWeWillKnow ? { howWeWillKnow: input.howWeWillKnow } : {}),
        updatedAt: new Date().toISOString(),
        sections,
      },
      labels,
    );
    await storeNext(trx, ctx.user.id, row, plan, labels, 'updated');
    // Challenges to the wording of an objective (or measure) this version no longer has end here.
    await supersedeChallengesToRemovedTexts(
      trx,
      { actor: ctx.actor, userId: ctx.user.id },
      { type: 'plan', childId, recordId: planId },
      planFields(plan),
      plan.version,
    );
    await appendAudit(trx, ctx.actor, {
      action: 'plan.updated',
      recordType: 'plan',
      recordId: planId,
      childId,
      details: { version: plan.version },
    });
    return { id: planId, advisories };
  });
}

export async function setObjectiveStatus(
  ctx: PlanCtx,
  childId: string,
  planId: string,
  objectiveId: string,
  input: unknown,
) {
  await transact(ctx.db, ctx.actor, async (trx) => {
    const { access, row, current } = await openPlan(trx, ctx, childId, planId);
    const section = PLAN_SECTIONS.find((s) =>
      current.plan.sections[s].objectives.some((o) => o.id === objectiveId),
    );
    if (!section || !visible(access, current.labels, objectiveId)) throw notFound('objective');
    const status = objectiveStatusSchema.safeParse(input);
    if (!status.success) throw refusedBy(problemsFromZod(status.error));
    const sections = { ...current.plan.sections } as Sections;
    sections[section] = {
      ...sections[section],
      objectives: sections[section].objectives.map((o) =>
        o.id === objectiveId ? { ...o, status: status.data } : o,
      ),
    };
    const { plan } = await checkAndBuild(
      trx,
      {
        ...current.plan,
        version: row.version + 1,
        harmStatus: await harmForPlan(trx, childId),
        updatedAt: new Date().toISOString(),
        sections,
      },
      current.labels,
    );
    await storeNext(trx, ctx.user.id, row, plan, current.labels, 'objective_status');
    await appendAudit(trx, ctx.actor, {
      action: 'plan.objective_status_changed',
      recordType: 'plan',
      recordId: planId,
      childId,
      details: { objectiveId, status: status.data.status, version: plan.version },
    });
  });
}

/** The plan as it stands is agreed: recorded in the chronology. Checked again against harm known now. */
export async function agreePlan(ctx: PlanCtx, childId: string, planId: string) {
  await transact(ctx.db, ctx.actor, async (trx) => {
    const { row, current } = await openPlan(trx, ctx, childId, planId);
    if (row.agreed_version === row.version) {
      throw new AppError('conflict', `version: version ${row.version} of this plan is already agreed`, [
        { path: 'version', message: 'already agreed' },
      ]);
    }
    const check = validatePlan({ ...current.plan, harmStatus: await harmForPlan(trx, childId) });
    if (!check.ok) throw refusedBy(check.problems);
    const now = new Date();
    await trx
      .updateTable('plans')
      .set({ agreed_version: row.version, agreed_at: now, agreed_by: ctx.user.id })
      .where('id', '=', planId)
      .execute();
    await addChronologyEntry(trx, {
      childId,
      kind: 'event',
      title: 'Safety and support plan agreed',
      summary: `Version ${row.version} of the child’s safety and support plan was agreed. It will be reviewed by ${current.plan.reviewDate}.`,
      source: `${ctx.user.name}, ${ctx.user.agency.name}`,
      occurredAt: now,
      authorUserId: ctx.user.id,
      sourceAgencyId: ctx.user.agency.id,
      verification: 'verified',
      sensitivity: 'standard',
      recordType: 'plan',
      recordId: planId,
    });
    await appendAudit(trx, ctx.actor, {
      action: 'plan.agreed',
      recordType: 'plan',
      recordId: planId,
      childId,
      details: { version: row.version },
    });
  });
}

/** The fields of a plan's texts, as challenges to its wording name them (every objective, whatever its label). */
export function planFields(plan: Plan): string[] {
  return [
    ...PLAN_SECTIONS.flatMap((key) => plan.sections[key].objectives.map((o) => `objective.${o.id}`)),
    ...(plan.howWeWillKnow ? ['howWeWillKnow'] : []),
  ];
}

/** The texts of a plan a challenge to its wording may amend: each objective's aim, and how we will know. */
export function planText(plan: Plan, field: string): string | null {
  if (field === 'howWeWillKnow') return plan.howWeWillKnow ?? null;
  if (!field.startsWith('objective.')) return null;
  const id = field.slice('objective.'.length);
  for (const key of PLAN_SECTIONS) {
    const found = plan.sections[key].objectives.find((o) => o.id === id);
    if (found) return found.aim;
  }
  return null;
}

/**
 * The next version of the plan with one text's wording amended by an accepted challenge, in the caller's
 * transaction (the challenge service checks who may decide it). The amended plan is held to the plan's own
 * rules, and the young person's plan is written again from it, so the child reads the amended words.
 */
export async function writeAmendedPlanVersion(
  trx: Transaction<DB>,
  input: { childId: string; planId: string; field: string; text: string; userId: string },
) {
  const row = await loadPlanRow(trx, input.childId, input.planId, true);
  if (!row) throw notFound('plan');
  const current = await loadVersion(trx, input.planId, row.version);
  const sections = { ...current.plan.sections } as Sections;
  const objectiveId = input.field.startsWith('objective.') ? input.field.slice('objective.'.length) : null;
  for (const key of PLAN_SECTIONS) {
    sections[key] = {
      ...sections[key],
      objectives: sections[key].objectives.map((o) => (o.id === objectiveId ? { ...o, aim: input.text } : o)),
    };
  }
  const checked = validatePlan({
    ...current.plan,
    ...(input.field === 'howWeWillKnow' ? { howWeWillKnow: input.text } : {}),
    version: row.version + 1,
    updatedAt: new Date().toISOString(),
    sections,
  });
  if (!checked.ok) {
    const message = `makes the plan break its rules: ${checked.problems.map((p) => p.message).join('; ')}`;
    throw new AppError('validation_failed', `wording: ${message}`, [{ path: 'wording', message }]);
  }
  await storeNext(trx, input.userId, row, checked.plan, current.labels, 'wording_amended');
  await refreshPlainLanguage(trx, { childId: input.childId, planId: input.planId, userId: input.userId });
}
