/**
 * Writing assessments: start a draft against a published instrument version, save it, complete it
 * (checked by the domain's `validateAssessment` against the version it pins), and sign it off where the
 * partnership asks for it. Each write and its audit entry commit together.
 */
import type { Transaction } from 'kysely';
import {
  ASSESSMENT_HARM_STATUS_NAMES,
  ASSESSMENT_RULES,
  type AssessmentHarmStatus,
  MACE_RISK_ASSESSMENT_ID,
  type Problem,
  refusal,
  signOffRequired,
  signOffSchema,
  validateAssessment,
  validateSignOff,
} from '../../domain/assessment/index.ts';
import { problemsFromZod } from '../../domain/assessment/rules.ts';
import { appendAudit } from '../audit/audit.ts';
import { assertNotMerged, type ChildAccess, openChild, transact } from '../children/access.ts';
import type { Ctx } from '../children/record.ts';
import { addChronologyEntry } from '../children/store.ts';
import type { DB } from '../db/schema.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { contextIdsIn, resolveContextRefs, visibleContexts } from './contexts.ts';
import {
  asRecord,
  assertFactorLabels,
  assertLabelsUsable,
  resolveEvidence,
  visibleEntries,
} from './evidence.ts';
import { storedInstruments } from './instruments.ts';
import { ensureImmediateReferral, type ImmediateReferral } from './mace.ts';
import { itemKey, levelLabel, stateOf } from './presenter.ts';
import type { DraftInput } from './schemas.ts';
import { loadSettings } from './settings.ts';
import { type AssessmentRow, loadAssessmentRow, loadSignOffs, recordOf } from './store.ts';

export interface AssessCtx extends Ctx {
  user: { id: string; name: string; agency: { id: string; name: string } };
}

/** Refusals from the domain's rules, as one validation error naming each rule. */
export function refusedBy(problems: readonly Problem[]): AppError {
  return new AppError(
    'validation_failed',
    problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; '),
    problems.map((p) => ({ path: p.path || 'assessment', message: p.message })),
  );
}

async function childName(trx: Transaction<DB>, childId: string) {
  const p = await trx
    .selectFrom('people')
    .select(['given_name', 'known_as'])
    .where('id', '=', childId)
    .executeTakeFirstOrThrow();
  return p.known_as[0] ?? p.given_name;
}

/** The draft a practitioner may change: their own, not yet completed. */
async function ownDraft(trx: Transaction<DB>, ctx: AssessCtx, childId: string, id: string) {
  const access = await openChild(trx, ctx.viewer, childId, 'assessment.create');
  assertNotMerged(access);
  const row = await loadAssessmentRow(trx, childId, id, true);
  if (!row) throw notFound('assessment');
  if (row.status !== 'draft') {
    throw new AppError(
      'conflict',
      'status: this assessment is completed and is kept as it was; start a new analysis instead',
      [{ path: 'status', message: 'the assessment is completed' }],
    );
  }
  if (row.created_by !== ctx.viewer.userId) {
    throw forbidden('Only the person who started this draft can change or complete it.');
  }
  return { access, row };
}

/** A completed assessment's visible answers, to carry into a new analysis (factors keep their ids). */
async function carriedForward(
  trx: Transaction<DB>,
  viewer: AssessCtx['viewer'],
  access: ChildAccess,
  source: AssessmentRow,
  prompts: ReadonlyMap<string, { answer: { type: string } }>,
) {
  const record = recordOf(source);
  const answers: Record<string, unknown> = {};
  const labels: Record<string, string> = {};
  const may = (key: string) => (access.labels as string[]).includes(source.item_labels[key] ?? 'standard');
  const entries = await visibleEntries(
    trx,
    access,
    Object.values(record.answers).flatMap((a) =>
      a.type === 'factor_list' ? a.factors.flatMap((f) => f.evidence.map((e) => e.chronologyEntryId)) : [],
    ),
  );
  // Only the connections the new author may see are carried (a merged record by its successor).
  const contexts = await visibleContexts(trx, viewer, contextIdsIn(record.answers));
  for (const [promptId, answer] of Object.entries(record.answers)) {
    if (prompts.get(promptId)?.answer.type !== answer.type) continue;
    if (answer.type === 'context_refs') {
      const seen = new Set<string>();
      const refs = answer.refs.flatMap((ref) => {
        const context = contexts.get(ref.contextId);
        if (!context || seen.has(context.id)) return [];
        seen.add(context.id);
        return [{ ...ref, contextId: context.id, kind: context.kind }];
      });
      answers[promptId] = { type: 'context_refs', refs };
      continue;
    }
    if (answer.type === 'factor_list') {
      const factors = answer.factors
        .filter((f) => may(itemKey.factor(f.id)))
        .map((f) => ({ ...f, evidence: f.evidence.filter((e) => entries.has(e.chronologyEntryId)) }));
      for (const f of factors) {
        const label = source.item_labels[itemKey.factor(f.id)];
        if (label) labels[itemKey.factor(f.id)] = label;
      }
      answers[promptId] = { type: 'factor_list', factors };
    } else if (answer.type !== 'evidence_links' && answer.type !== 'voice') {
      answers[promptId] = answer;
    }
  }
  return { answers, labels };
}

export async function startAssessment(
  ctx: AssessCtx,
  childId: string,
  input: { instrumentId: string; instrumentVersion: string; copyFrom?: string | undefined },
): Promise<{ id: string; immediateReferral: ImmediateReferral | null }> {
  return transact(ctx.db, ctx.actor, async (trx) => {
    const access = await openChild(trx, ctx.viewer, childId, 'assessment.create');
    assertNotMerged(access);
    const instrument = (await storedInstruments(trx)).get(input.instrumentId, input.instrumentVersion);
    if (!instrument) {
      throw refusedBy([
        {
          rule: ASSESSMENT_RULES.instrumentVersionExists.id,
          path: 'instrumentVersion',
          message: refusal(
            ASSESSMENT_RULES.instrumentVersionExists,
            `There is no instrument "${input.instrumentId}" version "${input.instrumentVersion}".`,
          ),
        },
      ]);
    }
    let content: Record<string, unknown> = {};
    let labels: Record<string, string> = {};
    if (input.copyFrom) {
      const source = await loadAssessmentRow(trx, childId, input.copyFrom);
      if (source?.status !== 'completed') {
        throw new AppError('validation_failed', 'copyFrom: must be a completed assessment of this child', [
          { path: 'copyFrom', message: 'must be a completed assessment of this child' },
        ]);
      }
      const prompts = new Map(instrument.sections.flatMap((s) => s.prompts.map((p) => [p.id, p] as const)));
      const carried = await carriedForward(trx, ctx.viewer, access, source, prompts);
      content = { answers: carried.answers };
      labels = carried.labels;
    }
    await resolveEvidence(trx, access, content);
    const { id } = await trx
      .insertInto('assessments')
      .values({
        child_id: childId,
        instrument_id: instrument.id,
        instrument_version: instrument.version,
        content: JSON.stringify(content),
        item_labels: JSON.stringify(labels),
        copied_from: input.copyFrom ?? null,
        created_by: ctx.viewer.userId,
        created_agency_id: ctx.viewer.agencyId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.actor, {
      action: 'assessment.started',
      recordType: 'assessment',
      recordId: id,
      childId,
      details: { instrument: `${instrument.id}@${instrument.version}`, copiedFrom: input.copyFrom ?? null },
    });
    const immediateReferral =
      instrument.id === MACE_RISK_ASSESSMENT_ID
        ? await ensureImmediateReferral(
            trx,
            ctx.actor,
            { id: childId, name: await childName(trx, childId) },
            ctx.user,
          )
        : null;
    return { id, immediateReferral };
  });
}

/**
 * An assessment read from the API can be saved back as it is: the presenter's own fields (each item's
 * `label` and `evidenceSummary`) are taken off the items, and a label there counts as the item's label.
 */
function withoutPresentedFields(input: DraftInput) {
  const { labels: given = {}, ...content } = structuredClone(input);
  const labels: Record<string, string> = { ...given };
  const take = (item: unknown, key: string) => {
    if (!item || typeof item !== 'object') return;
    const record = item as Record<string, unknown>;
    if (typeof record.label === 'string' && record.label !== 'standard') labels[key] ??= record.label;
    delete record.label;
    delete record.evidenceSummary;
  };
  for (const answer of Object.values(content.answers ?? {})) {
    const factors = (answer as { factors?: unknown }).factors;
    if (Array.isArray(factors)) for (const f of factors) take(f, itemKey.factor((f as { id?: unknown })?.id));
  }
  take(content.voices?.child, itemKey.child());
  content.voices?.parentsCarers?.forEach((v, i) => {
    take(v, itemKey.parent(i));
  });
  content.voices?.agencies?.forEach((v, i) => {
    take(v, itemKey.agency(i));
  });
  return { labels, content };
}

export async function saveDraft(ctx: AssessCtx, childId: string, id: string, input: DraftInput) {
  await transact(ctx.db, ctx.actor, async (trx) => {
    const { access, row } = await ownDraft(trx, ctx, childId, id);
    const { labels, content } = withoutPresentedFields(input);
    assertLabelsUsable(ctx.viewer, access, labels);
    const entries = await resolveEvidence(trx, access, content);
    assertFactorLabels(content.answers, labels, entries);
    const instrument = (await storedInstruments(trx)).get(row.instrument_id, row.instrument_version);
    const contextIds = await resolveContextRefs(
      trx,
      ctx.viewer,
      content as Record<string, unknown>,
      instrument,
    );
    await trx
      .updateTable('assessments')
      .set({ content: JSON.stringify(content), item_labels: JSON.stringify(labels), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.actor, {
      action: 'assessment.draft_saved',
      recordType: 'assessment',
      recordId: id,
      childId,
      fields: Object.keys(content),
      ...(contextIds.length ? { details: { contextIds } } : {}),
    });
  });
}

export async function completeAssessment(
  ctx: AssessCtx,
  childId: string,
  id: string,
): Promise<{ warnings: string[]; signOffRequired: boolean; immediateReferral: ImmediateReferral | null }> {
  return transact(ctx.db, ctx.actor, async (trx) => {
    const { access, row } = await ownDraft(trx, ctx, childId, id);
    const content = asRecord(row.content);
    const entries = await resolveEvidence(trx, access, content);
    assertFactorLabels(content.answers, row.item_labels, entries);
    const registry = await storedInstruments(trx);
    // Checked again at completion: what the author may see can change after the draft was saved.
    const contextIds = await resolveContextRefs(
      trx,
      ctx.viewer,
      content,
      registry.get(row.instrument_id, row.instrument_version),
    );
    const completedAt = new Date().toISOString();
    const result = validateAssessment(
      {
        id,
        childId,
        instrumentId: row.instrument_id,
        instrumentVersion: row.instrument_version,
        completedAt,
        completedBy: { userId: ctx.user.id, name: ctx.user.name, agency: ctx.user.agency.name },
        answers: content.answers ?? {},
        analysis: content.analysis,
        balance: content.balance,
        judgement: content.judgement ?? {},
        harm: content.harm,
        needsToChange: content.needsToChange,
        planLinks: content.planLinks ?? [],
        voices: content.voices,
      },
      registry.get,
    );
    if (!result.ok) throw refusedBy(result.problems);
    const { assessment, instrument } = result;
    const settings = await loadSettings(trx);
    const required = signOffRequired(assessment, settings.signOff);
    await trx
      .updateTable('assessments')
      .set({
        status: 'completed',
        content: JSON.stringify(assessment),
        level: assessment.judgement.level,
        harm_status: assessment.harm.status,
        sign_off_required: required,
        completed_at: completedAt,
        completed_by: ctx.user.id,
        completed_agency_id: ctx.user.agency.id,
        updated_at: completedAt,
      })
      .where('id', '=', id)
      .execute();
    const harmName = ASSESSMENT_HARM_STATUS_NAMES[assessment.harm.status as AssessmentHarmStatus];
    await addChronologyEntry(trx, {
      childId,
      kind: 'event',
      title: `${instrument.title} completed`,
      summary: `Level of concern, the practitioner’s judgement (not a score): ${levelLabel(instrument, assessment.judgement.level)}. ${harmName}.${required ? ' Awaiting a manager’s sign-off.' : ''}`,
      source: `${ctx.user.name}, ${ctx.user.agency.name}`,
      occurredAt: new Date(completedAt),
      authorUserId: ctx.user.id,
      sourceAgencyId: ctx.user.agency.id,
      verification: 'verified',
      sensitivity: 'standard',
      recordType: 'assessment',
      recordId: id,
    });
    await appendAudit(trx, ctx.actor, {
      action: 'assessment.completed',
      recordType: 'assessment',
      recordId: id,
      childId,
      details: {
        instrument: `${instrument.id}@${instrument.version}`,
        signOffRequired: required,
        ...(contextIds.length ? { contextIds } : {}),
      },
    });
    const immediateReferral =
      instrument.id === MACE_RISK_ASSESSMENT_ID
        ? await ensureImmediateReferral(
            trx,
            ctx.actor,
            { id: childId, name: await childName(trx, childId) },
            ctx.user,
          )
        : null;
    return { warnings: result.warnings, signOffRequired: required, immediateReferral };
  });
}

export async function signOffAssessment(
  ctx: AssessCtx,
  childId: string,
  id: string,
  input: { decision: 'approved' | 'returned'; comment?: string | undefined },
) {
  await transact(ctx.db, ctx.actor, async (trx) => {
    await openChild(trx, ctx.viewer, childId);
    const row = await loadAssessmentRow(trx, childId, id, true);
    if (!row) throw notFound('assessment');
    const access = await openChild(trx, ctx.viewer, childId, 'assessment.sign_off', {
      ...(row.completed_agency_id ? { targetAgencyId: row.completed_agency_id } : {}),
    });
    assertNotMerged(access);
    if (row.status !== 'completed' || !row.sign_off_required) {
      throw new AppError(
        'conflict',
        'decision: this assessment does not need a manager’s sign-off (it is a draft, or the partnership’s configuration did not ask for one when it was completed)',
        [{ path: 'decision', message: 'no sign-off is needed' }],
      );
    }
    const state = stateOf(row, await loadSignOffs(trx, [id]));
    if (state !== 'awaiting_sign_off') {
      throw new AppError('conflict', `decision: this assessment is already ${state.replaceAll('_', ' ')}`, [
        { path: 'decision', message: `already ${state.replaceAll('_', ' ')}` },
      ]);
    }
    const parsed = signOffSchema.safeParse({
      assessmentId: id,
      decision: input.decision,
      by: { userId: ctx.user.id, name: ctx.user.name },
      at: new Date().toISOString(),
      ...(input.comment !== undefined ? { comment: input.comment } : {}),
    });
    if (!parsed.success) throw refusedBy(problemsFromZod(parsed.error));
    const problems = validateSignOff(recordOf(row), parsed.data);
    if (problems.length > 0) throw refusedBy(problems);
    await trx
      .insertInto('assessment_sign_offs')
      .values({
        assessment_id: id,
        decision: parsed.data.decision,
        comment: parsed.data.comment ?? null,
        decided_by: ctx.user.id,
        decided_agency_id: ctx.user.agency.id,
        decided_at: parsed.data.at,
      })
      .execute();
    await appendAudit(trx, ctx.actor, {
      action: parsed.data.decision === 'approved' ? 'assessment.signed_off' : 'assessment.returned',
      recordType: 'assessment',
      recordId: id,
      childId,
    });
  });
}
