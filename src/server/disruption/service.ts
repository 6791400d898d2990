/**
 * Recording disruption: a measure against a person or place protecting named children, its status,
 * dates, conditions and breaches. The domain checks the record as a whole on every change (dates in
 * order, an order that expires after it was issued, the status lifecycle) and the measure's
 * eligibility rules; each refusal names its rule, and nothing is written.
 *
 * Eligibility blocks a measure that fails a rule (a CAWN for a 17-year-old subject). A proposal may be
 * recorded while facts are still unknown; requesting or issuing it needs every rule to pass.
 */
import type { Transaction } from 'kysely';
import { canSeeLabel } from '../../domain/access/policy.ts';
import type { Viewer } from '../../domain/access/types.ts';
import type { ContextRecord } from '../../domain/contexts/index.ts';
import {
  checkEligibility,
  type DisruptionRecord,
  disruptionRecordSchema,
  type EligibilityResult,
} from '../../domain/disruption/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { AuditedRefusal, openChild, transact } from '../children/access.ts';
import type { Ctx } from '../children/record.ts';
import { todayLocal } from '../children/store.ts';
import { mayManageDisruption } from '../contexts/authority.ts';
import { type Db, loadContext } from '../contexts/queries.ts';
import { parseWithRules, refusal, refuse } from '../contexts/refusals.ts';
import { labelsOnContexts } from '../contexts/visibility.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { eligibilityFacts, targetKindOf } from './facts.ts';
import { presentDisruption } from './presenter.ts';
import type { DisruptionInput, FactsInput } from './schemas.ts';

/** Refuses when a rule fails, or — beyond a proposal — when a rule cannot be checked yet. */
export function assertEligible(result: EligibilityResult, strict: boolean) {
  const blocking = result.failures.filter((f) => f.status === 'failed' || strict);
  if (blocking.length) throw refusal(blocking.map((f) => ({ path: 'eligibility', message: f.message })));
}

/** A protected child the viewer may read; otherwise refused naming the rule (and audited as a denial). */
async function visibleChild(trx: Db, viewer: Viewer, childId: string, path: string) {
  try {
    return await openChild(trx, viewer, childId);
  } catch (error) {
    const refused = refuse(
      'disruption.child-visible',
      path,
      'There is no child record with this id that you can see',
      'not_found',
    );
    if (error instanceof AuditedRefusal) throw new AuditedRefusal(refused, error.event);
    throw refused;
  }
}

async function targetOf(trx: Db, viewer: Viewer, targetId: string | undefined) {
  if (!targetId) return null;
  const row = await loadContext(trx, viewer, targetId);
  if (!row || row.merged_into)
    throw refuse(
      'disruption.target-visible',
      'targetId',
      'There is no context record with this id that you can see',
      'not_found',
    );
  if (!targetKindOf(row.kind))
    throw refuse(
      'disruption.target-kind',
      'targetId',
      `No disruption measure is taken against a ${row.kind.replaceAll('_', ' ')}`,
    );
  return row;
}

async function assertPeople(trx: Transaction<DB>, input: { leadAgencyId: string; ownerUserId: string }) {
  const agency = await trx
    .selectFrom('agencies')
    .select('id')
    .where('id', '=', input.leadAgencyId)
    .executeTakeFirst();
  if (!agency)
    throw refuse(
      'disruption.lead-agency',
      'leadAgencyId',
      'There is no agency with this id in the partnership',
    );
  const owner = await trx
    .selectFrom('users')
    .select('id')
    .where('id', '=', input.ownerUserId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!owner) throw refuse('disruption.owner', 'ownerUserId', 'There is no active user with this id');
}

/** Checks the whole record with the domain, eligibility with the facts, for a new record or a change. */
export async function checked(
  trx: Db,
  record: unknown,
  facts: {
    applicant: DisruptionInput['applicant'];
    target: ContextRecord | null;
    childIds: string[];
    facts: FactsInput;
  },
) {
  const parsed: DisruptionRecord = parseWithRules(disruptionRecordSchema, record);
  const today = todayLocal();
  const eligibility = checkEligibility(parsed.measure, await eligibilityFacts(trx, facts, today));
  assertEligible(eligibility, parsed.status !== 'proposed');
  return { parsed, eligibility: { ...eligibility, checkedOn: today } };
}

export async function createDisruption({ db, actor, viewer }: Ctx, input: DisruptionInput) {
  return transact(db, actor, async (trx) => {
    const target = await targetOf(trx, viewer, input.targetId);
    const children = [];
    for (const [i, childId] of input.protectedChildIds.entries())
      children.push(await visibleChild(trx, viewer, childId, `protectedChildIds.${i}`));
    if (!(await mayManageDisruption(trx, viewer, input.protectedChildIds)))
      throw new AppError('forbidden', 'You do not have permission to record disruption.');
    const labelOk = target
      ? labelsOnContexts(viewer).includes(input.sensitivity)
      : children.length > 0 && children.every((c) => canSeeLabel(viewer, input.sensitivity, c.rel));
    if (!labelOk)
      throw refuse(
        'disruption.sensitivity-visible',
        'sensitivity',
        'You can only give a record a label you could see yourself',
      );
    const leadAgencyId = input.leadAgencyId ?? viewer.agencyId;
    const ownerUserId = input.ownerUserId ?? viewer.userId;
    await assertPeople(trx, { leadAgencyId, ownerUserId });
    const targetKind = target ? targetKindOf(target.kind) : null;
    const { parsed, eligibility } = await checked(
      trx,
      {
        measure: input.measure,
        ...(target && targetKind ? { target: { kind: targetKind, contextId: target.id } } : {}),
        protectedChildIds: input.protectedChildIds,
        status: input.status,
        leadAgencyId,
        ownerUserId,
        requestedOn: input.requestedOn,
        issuedOn: input.issuedOn,
        servedOn: input.servedOn,
        expiresOn: input.expiresOn,
        untilFurtherOrder: input.untilFurtherOrder ?? false,
        conditions: input.conditions ?? [],
        breaches: [],
        outcome: input.outcome,
      },
      {
        applicant: input.applicant,
        target: target?.details ?? null,
        childIds: input.protectedChildIds,
        facts: input.facts ?? {},
      },
    );
    const row = await trx
      .insertInto('disruptions')
      .values({
        measure: parsed.measure,
        target_kind: parsed.target?.kind ?? null,
        target_context_id: parsed.target?.contextId ?? null,
        status: parsed.status,
        applicant: input.applicant,
        lead_agency_id: leadAgencyId,
        owner_user_id: ownerUserId,
        requested_on: parsed.requestedOn ?? null,
        issued_on: parsed.issuedOn ?? null,
        served_on: parsed.servedOn ?? null,
        expires_on: parsed.expiresOn ?? null,
        until_further_order: parsed.untilFurtherOrder,
        conditions: JSON.stringify(parsed.conditions),
        outcome: parsed.outcome ?? null,
        sensitivity: input.sensitivity,
        facts: JSON.stringify(input.facts ?? {}),
        eligibility: JSON.stringify(eligibility),
        created_by: viewer.userId,
        created_agency_id: viewer.agencyId,
        updated_by: viewer.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (parsed.protectedChildIds.length)
      await trx
        .insertInto('disruption_children')
        .values(
          [...new Set(parsed.protectedChildIds)].map((child_id) => ({ disruption_id: row.id, child_id })),
        )
        .execute();
    await appendAudit(trx, actor, {
      action: 'disruption.created',
      recordType: 'disruption',
      recordId: row.id,
      ...(parsed.protectedChildIds[0] ? { childId: parsed.protectedChildIds[0] } : {}),
      fields: Object.keys(input),
      details: {
        measure: parsed.measure,
        status: parsed.status,
        targetId: parsed.target?.contextId ?? null,
        childIds: parsed.protectedChildIds,
        eligible: eligibility.eligible,
      },
    });
    return { disruption: await presentDisruption(trx, viewer, row.id) };
  });
}

/** Eligibility for a measure as it would be recorded: nothing is saved. */
export async function checkOnly({ db, actor, viewer }: Ctx, input: DisruptionInput) {
  return transact(db, actor, async (trx) => {
    const target = await targetOf(trx, viewer, input.targetId);
    for (const [i, childId] of input.protectedChildIds.entries())
      await visibleChild(trx, viewer, childId, `protectedChildIds.${i}`);
    const today = todayLocal();
    const facts = await eligibilityFacts(
      trx,
      {
        applicant: input.applicant,
        target: target?.details ?? null,
        childIds: input.protectedChildIds,
        facts: input.facts ?? {},
      },
      today,
    );
    return { eligibility: { ...checkEligibility(input.measure, facts), checkedOn: today } };
  });
}
