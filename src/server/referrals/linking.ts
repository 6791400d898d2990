/**
 * Linking a referral to the child's record: an existing record (after checking the proposed matches)
 * or a new one made from the referrer's description. The screener does this, not the referrer, because
 * proposing matches would tell a referrer whether the child is already known.
 */
import type { Transaction } from 'kysely';
import type { SensitivityLabel } from '../../domain/access/types.ts';
import { HARM_KIND_NAMES, type HarmKind } from '../../domain/referrals/decisions.ts';
import { appendAudit } from '../audit/audit.ts';
import { assertNotMerged, openChild, transact } from '../children/access.ts';
import { proposeMatches, toMatchInput } from '../children/matching.ts';
import { type Ctx, createChildIn } from '../children/record.ts';
import { dateText } from '../children/record-queries.ts';
import { addChronologyEntry } from '../children/store.ts';
import type { DB } from '../db/schema.ts';
import { AppError, invalid } from '../errors.ts';
import type { ReferralSubjectInput } from './schemas.ts';
import { loadScreenableReferral } from './view.ts';

/** The referral on the child's chronology: as the referrer told it, unverified, with its source. */
export async function recordReferralOnChronology(trx: Transaction<DB>, referralId: string) {
  const r = await trx
    .selectFrom('referrals')
    .innerJoin('agencies', 'agencies.id', 'referrals.referrer_agency_id')
    .innerJoin('users', 'users.id', 'referrals.referrer_user_id')
    .selectAll('referrals')
    .select([
      'agencies.name as agency_name',
      'users.name as user_name',
      dateText('referrals.happened_on').as('happened_on_text'),
    ])
    .where('referrals.id', '=', referralId)
    .executeTakeFirstOrThrow();
  if (!r.child_id) return;
  const kinds = r.harm_kinds.map((k) => HARM_KIND_NAMES[k as HarmKind] ?? k).join(', ');
  await addChronologyEntry(trx, {
    childId: r.child_id,
    kind: 'referral',
    title: `Referral from ${r.agency_name}${r.immediate_danger ? ' (immediate danger)' : ''}: ${kinds}`,
    summary: r.narrative,
    source: `Referral by ${r.user_name} (${r.agency_name}); seen or heard by ${r.seen_or_heard_by}`,
    occurredAt: new Date(`${r.happened_on_text}T00:00:00Z`),
    authorUserId: r.referrer_user_id,
    sourceAgencyId: r.referrer_agency_id,
    verification: 'unverified',
    sensitivity: r.sensitivity as SensitivityLabel,
    recordType: 'referral',
    recordId: r.id,
  });
}

export async function matchesForReferral({ db, actor, viewer }: Ctx, referralId: string) {
  return transact(db, actor, async (trx) => {
    const r = await loadScreenableReferral(trx, viewer, referralId);
    const subject = r.subject as ReferralSubjectInput;
    const matches = await proposeMatches(trx, viewer, toMatchInput(subject));
    await appendAudit(trx, actor, {
      action: 'child.matches_viewed',
      recordType: 'referral',
      recordId: referralId,
      details: { childIds: matches.map((m) => m.child.id), context: 'referral' },
    });
    return matches;
  });
}

export async function linkReferral(
  ctx: Ctx,
  referralId: string,
  input: { childId?: string | undefined; create?: { notAMatchOf?: string[] | undefined } | undefined },
) {
  const { db, actor, viewer } = ctx;
  if (!!input.childId === !!input.create)
    throw invalid('childId', 'give either childId (an existing record) or create, not both');
  return transact(db, actor, async (trx) => {
    const r = await loadScreenableReferral(trx, viewer, referralId);
    if (r.child_id) throw alreadyLinked();
    let target = input.childId as string;
    if (input.create) {
      const s = r.subject as ReferralSubjectInput;
      target = await createChildIn(trx, ctx, {
        givenName: s.givenName,
        familyName: s.familyName,
        knownAs: s.knownAs,
        dateOfBirth: s.dateOfBirth ?? null,
        estimatedAge: s.dateOfBirth ? null : (s.estimatedAge ?? null),
        ...(s.sex ? { sex: s.sex } : {}),
        school: s.school ?? null,
        ...(s.address ? { address: { line1: s.address, postcode: s.postcode ?? null } } : {}),
        notAMatchOf: input.create.notAMatchOf,
      });
    }
    const access = await openChild(trx, viewer, target);
    assertNotMerged(access);
    await trx.updateTable('referrals').set({ child_id: target }).where('id', '=', referralId).execute();
    await trx
      .updateTable('observations')
      .set({ child_id: target })
      .where('referral_id', '=', referralId)
      .execute();
    await recordReferralOnChronology(trx, referralId);
    await appendAudit(trx, actor, {
      action: 'referral.linked',
      recordType: 'referral',
      recordId: referralId,
      childId: target,
      details: { created: !!input.create },
    });
    return target;
  });
}

const alreadyLinked = () =>
  new AppError('conflict', 'childId: this referral is already linked to a child’s record', [
    { path: 'childId', message: 'the referral is already linked' },
  ]);
