/**
 * Exploitation flags, set against the policy definition's elements (seed 004 Section B: power
 * imbalance, exchange, under 18, online or offline), never against a criminal offence; and the harm
 * status, suspected or known, with who decided and when.
 */
import type { SensitivityLabel } from '../../domain/access/types.ts';
import { FLAG_KIND_NAMES, HARM_STATUS_NAMES, type HarmStatus } from '../../domain/children/case-record.ts';
import { ageOn } from '../../domain/children/record.ts';
import { appendAudit } from '../audit/audit.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { assertNotMerged, openChild, transact } from './access.ts';
import { assertMayUseLabel } from './chronology.ts';
import type { Ctx } from './record.ts';
import { maybeDateText } from './record-queries.ts';
import { addChronologyEntry, todayLocal } from './store.ts';

export interface FlagInput {
  kind: 'sexual' | 'criminal' | 'other';
  otherDescription?: string | null | undefined;
  powerImbalance: string;
  exchange: { what: string; gainedBy: ('child' | 'perpetrator' | 'facilitator' | 'not_known')[] };
  ageUnder18: boolean;
  setting: 'online' | 'offline' | 'both' | 'not_known';
  harmStatus: HarmStatus;
  harmRationale: string;
  sensitivity?: SensitivityLabel | undefined;
}

export async function setFlag({ db, actor, viewer }: Ctx, childId: string, input: FlagInput) {
  if (input.kind === 'other' && !input.otherDescription)
    throw invalid('otherDescription', 'is required when the kind is other: describe the exploitation');
  if (!input.ageUnder18)
    throw invalid(
      'ageUnder18',
      'the policy definition applies to children under 18; support past 18 continues without this flag',
    );
  return transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId, 'child.update');
    assertNotMerged(access);
    const sensitivity = input.sensitivity ?? 'standard';
    assertMayUseLabel(viewer, access, sensitivity);
    const person = await trx
      .selectFrom('people')
      .select(maybeDateText('date_of_birth').as('dob'))
      .where('id', '=', childId)
      .executeTakeFirstOrThrow();
    if (person.dob && ageOn(person.dob, todayLocal()) >= 18) {
      throw invalid(
        'ageUnder18',
        'the child’s recorded date of birth makes them 18 or over; check the date of birth',
      );
    }
    const { id } = await trx
      .insertInto('exploitation_flags')
      .values({
        child_id: childId,
        kind: input.kind,
        other_description: input.otherDescription ?? null,
        power_imbalance: input.powerImbalance,
        exchange_what: input.exchange.what,
        exchange_gained_by: [...new Set(input.exchange.gainedBy)],
        age_under_18: true,
        setting: input.setting,
        harm_status: input.harmStatus,
        harm_rationale: input.harmRationale,
        harm_decided_by: viewer.userId,
        sensitivity,
        set_by: viewer.userId,
        set_agency_id: viewer.agencyId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('harm_status_history')
      .values({
        flag_id: id,
        harm_status: input.harmStatus,
        rationale: input.harmRationale,
        decided_by: viewer.userId,
      })
      .execute();
    await addChronologyEntry(trx, {
      childId,
      kind: 'flag',
      title: `${FLAG_KIND_NAMES[input.kind]} flag: ${HARM_STATUS_NAMES[input.harmStatus]}`,
      summary: `Power imbalance: ${input.powerImbalance}\nExchange: ${input.exchange.what} (gained by ${input.exchange.gainedBy.join(', ')})\nSetting: ${input.setting}\nRationale: ${input.harmRationale}`,
      source: 'Flag set in Lantern against the policy definition',
      occurredAt: new Date(),
      authorUserId: viewer.userId,
      sourceAgencyId: viewer.agencyId,
      verification: 'verified',
      sensitivity,
      recordType: 'flag',
      recordId: id,
    });
    await appendAudit(trx, actor, {
      action: 'flag.set',
      recordType: 'flag',
      recordId: id,
      childId,
      fields: Object.keys(input),
      details: { kind: input.kind, harmStatus: input.harmStatus },
    });
    return id;
  });
}

async function openFlag(
  trx: Parameters<Parameters<typeof transact>[2]>[0],
  access: Awaited<ReturnType<typeof openChild>>,
  flagId: string,
) {
  const flag = await trx
    .selectFrom('exploitation_flags')
    .selectAll()
    .where('id', '=', flagId)
    .where('child_id', '=', access.childId)
    .where('sensitivity', 'in', access.labels.length > 0 ? access.labels : ['__none__'])
    .forUpdate()
    .executeTakeFirst();
  if (!flag) throw notFound('flag');
  if (flag.removed_at)
    throw new AppError('conflict', 'flagId: this flag has been removed', [
      { path: 'flagId', message: 'removed' },
    ]);
  return flag;
}

export async function changeHarmStatus(
  { db, actor, viewer }: Ctx,
  childId: string,
  flagId: string,
  input: { harmStatus: HarmStatus; rationale: string },
) {
  await transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId, 'child.update');
    assertNotMerged(access);
    const flag = await openFlag(trx, access, flagId);
    if (flag.harm_status === input.harmStatus) throw invalid('harmStatus', `is already ${input.harmStatus}`);
    const now = new Date();
    await trx
      .updateTable('exploitation_flags')
      .set({
        harm_status: input.harmStatus,
        harm_rationale: input.rationale,
        harm_decided_by: viewer.userId,
        harm_decided_at: now,
      })
      .where('id', '=', flagId)
      .execute();
    await trx
      .insertInto('harm_status_history')
      .values({
        flag_id: flagId,
        harm_status: input.harmStatus,
        rationale: input.rationale,
        decided_by: viewer.userId,
      })
      .execute();
    await addChronologyEntry(trx, {
      childId,
      kind: 'harm_status',
      title: `${FLAG_KIND_NAMES[flag.kind as keyof typeof FLAG_KIND_NAMES]}: ${HARM_STATUS_NAMES[input.harmStatus]}`,
      summary: input.rationale,
      source: 'Harm status decided in Lantern',
      occurredAt: now,
      authorUserId: viewer.userId,
      sourceAgencyId: viewer.agencyId,
      verification: 'verified',
      sensitivity: flag.sensitivity as SensitivityLabel,
      recordType: 'flag',
      recordId: flagId,
    });
    await appendAudit(trx, actor, {
      action: 'flag.harm_status_changed',
      recordType: 'flag',
      recordId: flagId,
      childId,
      details: { from: flag.harm_status, to: input.harmStatus },
    });
  });
}

export async function removeFlag(
  { db, actor, viewer }: Ctx,
  childId: string,
  flagId: string,
  input: { reason: string },
) {
  await transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId, 'child.update');
    assertNotMerged(access);
    const flag = await openFlag(trx, access, flagId);
    await trx
      .updateTable('exploitation_flags')
      .set({ removed_at: new Date(), removed_by: viewer.userId, removed_reason: input.reason })
      .where('id', '=', flagId)
      .execute();
    await addChronologyEntry(trx, {
      childId,
      kind: 'flag',
      title: `${FLAG_KIND_NAMES[flag.kind as keyof typeof FLAG_KIND_NAMES]} flag removed`,
      summary: input.reason,
      source: 'Flag removed in Lantern',
      occurredAt: new Date(),
      authorUserId: viewer.userId,
      sourceAgencyId: viewer.agencyId,
      verification: 'verified',
      sensitivity: flag.sensitivity as SensitivityLabel,
      recordType: 'flag',
      recordId: flagId,
    });
    await appendAudit(trx, actor, {
      action: 'flag.removed',
      recordType: 'flag',
      recordId: flagId,
      childId,
      reason: input.reason,
    });
  });
}
