/**
 * The young person's plan: generated from the plan by the domain's generator, edited by their worker
 * (the generated text stays beside the edit), and what they said about it, in their words, with whether
 * their views were followed and why not.
 *
 * Only standard objectives reach the generator: anything labelled (police intelligence, health…) never
 * goes into a document meant to be handed to a child.
 */
import type { Transaction } from 'kysely';
import { problemsFromZod } from '../../domain/assessment/rules.ts';
import {
  editPlainLanguageSection,
  generatePlainLanguagePlan,
  PLAIN_SECTION_KEYS,
  PLAN_SECTIONS,
  type PlainLanguagePlan,
  type PlainSectionKey,
  type Plan,
  plainLanguageIssues,
  plainLanguagePlanSchema,
  type YoungPersonResponse,
  youngPersonResponseSchema,
} from '../../domain/plans/index.ts';
import { refusedBy } from '../assessment/service.ts';
import { appendAudit } from '../audit/audit.ts';
import { assertNotMerged, openChild, transact } from '../children/access.ts';
import type { Ctx } from '../children/record.ts';
import { loadProfessionals } from '../children/record-queries.ts';
import type { DB } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';
import type { PlanCtx } from './service.ts';
import { loadPlanRow, loadVersion } from './store.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

/** The plan with every labelled objective taken out. */
function standardOnly(plan: Plan, labels: Record<string, string>): Plan {
  const sections = { ...plan.sections };
  for (const key of PLAN_SECTIONS) {
    const section = plan.sections[key];
    (sections as Record<string, unknown>)[key] = {
      ...section,
      objectives: section.objectives.filter((o) => (labels[o.id] ?? 'standard') === 'standard'),
    };
  }
  return { ...plan, sections };
}

async function latestResponse(trx: Transaction<DB>, planId: string) {
  const row = await trx
    .selectFrom('young_person_responses')
    .select('response')
    .where('plan_id', '=', planId)
    .orderBy('recorded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? (row.response as unknown as YoungPersonResponse) : undefined;
}

async function responsesFor(trx: Transaction<DB>, planId: string) {
  const rows = await trx
    .selectFrom('young_person_responses as r')
    .innerJoin('users as u', 'u.id', 'r.recorded_by')
    .select(['r.id', 'r.plain_language_plan_id', 'r.response', 'r.recorded_at', 'u.name'])
    .where('r.plan_id', '=', planId)
    .orderBy('r.recorded_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    plainLanguagePlanId: r.plain_language_plan_id,
    response: r.response,
    recordedBy: r.name,
    recordedAt: iso(r.recorded_at),
  }));
}

async function presentDocument(trx: Transaction<DB>, planId: string, docId?: string) {
  let q = trx
    .selectFrom('plain_language_plans')
    .select(['id', 'plan_version', 'document', 'created_at', 'updated_at'])
    .where('plan_id', '=', planId);
  if (docId) q = q.where('id', '=', docId);
  const row = await q.orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  const responses = await responsesFor(trx, planId);
  if (!row) return { document: null, issues: [], responses };
  const document = row.document as unknown as PlainLanguagePlan;
  return {
    document: { ...document, id: row.id, planVersion: row.plan_version, updatedAt: iso(row.updated_at) },
    issues: plainLanguageIssues(document),
    responses,
  };
}

export async function readPlainLanguage({ db, actor, viewer }: Ctx, childId: string, planId: string) {
  return transact(db, actor, async (trx) => {
    await openChild(trx, viewer, childId);
    if (!(await loadPlanRow(trx, childId, planId))) throw notFound('plan');
    await appendAudit(trx, actor, {
      action: 'plan.plain_language_read',
      recordType: 'plan',
      recordId: planId,
      childId,
    });
    return presentDocument(trx, planId);
  });
}

/** The young person's plan written by the generator from one version of the plan. */
async function generateFor(trx: Transaction<DB>, childId: string, planId: string, version: number) {
  const { plan, labels } = await loadVersion(trx, planId, version);
  const person = await trx
    .selectFrom('people')
    .select(['given_name', 'family_name', 'known_as'])
    .where('id', '=', childId)
    .executeTakeFirstOrThrow();
  const lead = (await loadProfessionals(trx, childId)).find((p) => p.kind === 'lead_worker');
  const previousResponse = await latestResponse(trx, planId);
  return generatePlainLanguagePlan(standardOnly(plan, labels), {
    childName: person.known_as[0] ?? person.given_name,
    otherNames: [`${person.given_name} ${person.family_name}`, person.given_name, ...person.known_as],
    ...(lead ? { leadWorker: `${lead.user_name}, your worker` } : {}),
    generatedAt: new Date().toISOString(),
    ...(previousResponse ? { previousResponse } : {}),
  });
}

export async function generatePlainLanguage(ctx: PlanCtx, childId: string, planId: string) {
  return transact(ctx.db, ctx.actor, async (trx) => {
    const access = await openChild(trx, ctx.viewer, childId, 'plan.manage');
    assertNotMerged(access);
    const row = await loadPlanRow(trx, childId, planId);
    if (!row) throw notFound('plan');
    const document = await generateFor(trx, childId, planId, row.version);
    const { id } = await trx
      .insertInto('plain_language_plans')
      .values({
        plan_id: planId,
        plan_version: row.version,
        document: JSON.stringify(document),
        created_by: ctx.user.id,
        updated_by: ctx.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.actor, {
      action: 'plan.plain_language_generated',
      recordType: 'plain_language_plan',
      recordId: id,
      childId,
      details: { planId, planVersion: row.version },
    });
    return presentDocument(trx, planId, id);
  });
}

/**
 * After the plan's wording was amended by an accepted challenge (in the caller's transaction): where the
 * young person already has a plan of their own, it is written again from the amended plan, so what they
 * read carries the amended words. A section the worker edited keeps the edit when the generator writes it
 * as before; a section with the amended words is the generator's again (the edit stays in the earlier
 * document). Returns the new document's id, or null when there was none to refresh.
 */
export async function refreshPlainLanguage(
  trx: Transaction<DB>,
  input: { childId: string; planId: string; userId: string },
): Promise<string | null> {
  const latest = await trx
    .selectFrom('plain_language_plans')
    .select(['document'])
    .where('plan_id', '=', input.planId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) return null;
  const row = await loadPlanRow(trx, input.childId, input.planId);
  if (!row) return null;
  const before = latest.document as unknown as PlainLanguagePlan;
  const fresh = await generateFor(trx, input.childId, input.planId, row.version);
  const sections = fresh.sections.map((section) => {
    const old = before.sections.find((s) => s.key === section.key);
    return old?.edited && old.generatedText === section.generatedText
      ? { ...section, text: old.text, edited: true }
      : section;
  });
  const keptEdits = sections.some((s) => s.edited) && before.editedAt && before.editedBy;
  const document: PlainLanguagePlan = {
    ...fresh,
    sections,
    ...(keptEdits ? { editedAt: before.editedAt, editedBy: before.editedBy } : {}),
  };
  const { id } = await trx
    .insertInto('plain_language_plans')
    .values({
      plan_id: input.planId,
      plan_version: row.version,
      document: JSON.stringify(document),
      created_by: input.userId,
      updated_by: input.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function openDocument(
  trx: Transaction<DB>,
  ctx: PlanCtx,
  childId: string,
  planId: string,
  docId: string,
) {
  const access = await openChild(trx, ctx.viewer, childId, 'plan.manage');
  assertNotMerged(access);
  if (!(await loadPlanRow(trx, childId, planId))) throw notFound('plan');
  const row = await trx
    .selectFrom('plain_language_plans')
    .select(['id', 'plan_version', 'document'])
    .where('id', '=', docId)
    .where('plan_id', '=', planId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('plain-language plan');
  return { row, document: row.document as unknown as PlainLanguagePlan };
}

export async function editPlainLanguage(
  ctx: PlanCtx,
  childId: string,
  planId: string,
  docId: string,
  input: { key: string; text: string },
) {
  return transact(ctx.db, ctx.actor, async (trx) => {
    const { document } = await openDocument(trx, ctx, childId, planId, docId);
    if (
      !(PLAIN_SECTION_KEYS as readonly string[]).includes(input.key) ||
      !document.sections.some((s) => s.key === input.key)
    ) {
      throw new AppError('validation_failed', 'key: this plain-language plan has no such section', [
        { path: 'key', message: 'this plain-language plan has no such section' },
      ]);
    }
    const edited = editPlainLanguageSection(document, input.key as PlainSectionKey, input.text, {
      by: ctx.user.name,
      at: new Date().toISOString(),
    });
    const parsed = plainLanguagePlanSchema.safeParse(edited);
    if (!parsed.success) throw refusedBy(problemsFromZod(parsed.error));
    await trx
      .updateTable('plain_language_plans')
      .set({ document: JSON.stringify(parsed.data), updated_by: ctx.user.id, updated_at: new Date() })
      .where('id', '=', docId)
      .execute();
    await appendAudit(trx, ctx.actor, {
      action: 'plan.plain_language_edited',
      recordType: 'plain_language_plan',
      recordId: docId,
      childId,
      fields: [input.key],
    });
    return presentDocument(trx, planId, docId);
  });
}

export async function recordResponse(
  ctx: PlanCtx,
  childId: string,
  planId: string,
  docId: string,
  input: Record<string, unknown>,
) {
  return transact(ctx.db, ctx.actor, async (trx) => {
    const { row } = await openDocument(trx, ctx, childId, planId, docId);
    const parsed = youngPersonResponseSchema.safeParse({
      ...input,
      planId,
      planVersion: row.plan_version,
      recordedBy: { name: ctx.user.name, userId: ctx.user.id },
      recordedAt: new Date().toISOString(),
    });
    if (!parsed.success) throw refusedBy(problemsFromZod(parsed.error));
    const { id } = await trx
      .insertInto('young_person_responses')
      .values({
        plain_language_plan_id: docId,
        plan_id: planId,
        plan_version: row.plan_version,
        response: JSON.stringify(parsed.data),
        views_followed: parsed.data.viewsFollowed,
        recorded_by: ctx.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.actor, {
      action: 'plan.young_person_response_recorded',
      recordType: 'young_person_response',
      recordId: id,
      childId,
      details: { planId, viewsFollowed: parsed.data.viewsFollowed },
    });
    return presentDocument(trx, planId, docId);
  });
}
