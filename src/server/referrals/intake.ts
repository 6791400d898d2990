/**
 * Referral intake: any signed-in person of any agency, narrative first, the indicator guide as optional
 * prompts. Nothing here gates a referral on how many prompts were ticked.
 */
import { decide } from '../../domain/access/policy.ts';
import { IMMEDIATE_DANGER_GUIDANCE } from '../../domain/referrals/decisions.ts';
import { INDICATOR_GUIDE, indicatorById } from '../../domain/referrals/indicator-guide.ts';
import { TIMESCALES } from '../../domain/referrals/timescales.ts';
import { addWorkingDays } from '../../domain/referrals/working-days.ts';
import { appendAudit } from '../audit/audit.ts';
import { assertNotMerged, openChild, transact } from '../children/access.ts';
import { assertNotFuture, type Ctx } from '../children/record.ts';
import { loadPerson } from '../children/record-queries.ts';
import { invalid } from '../errors.ts';
import { recordReferralOnChronology } from './linking.ts';
import type { CreateReferralInput, ReferralSubjectInput } from './schemas.ts';

function validate(input: CreateReferralInput) {
  if (!input.childId && !input.child)
    throw invalid('child', 'describe the child, or give the childId of their record');
  if (input.childId && input.child) throw invalid('child', 'give either childId or child, not both');
  assertNotFuture('happenedOn', input.happenedOn);
  assertNotFuture('child.dateOfBirth', input.child?.dateOfBirth);
  if (input.child?.dateOfBirth && input.child.estimatedAge != null) {
    throw invalid('child.estimatedAge', 'give either a date of birth or an estimated age, not both');
  }
  if ((!input.childKnows || !input.familyKnows) && !input.withoutConsentReason) {
    throw invalid(
      'withoutConsentReason',
      'is required when the child or family do not know about the referral: say why it goes ahead without them knowing',
    );
  }
  (input.observations ?? []).forEach((o, i) => {
    if (!indicatorById(o.indicatorId))
      throw invalid(
        `observations.${i}.indicatorId`,
        `is not in the indicator guide (version ${INDICATOR_GUIDE.version})`,
      );
    assertNotFuture(`observations.${i}.observedOn`, o.observedOn);
  });
}

export async function createReferral({ db, actor, viewer }: Ctx, input: CreateReferralInput) {
  validate(input);
  return transact(db, actor, async (trx) => {
    let subject: ReferralSubjectInput;
    if (input.childId) {
      // Only a record the referrer may read can be named; otherwise it is "not found", like anywhere else.
      const access = await openChild(trx, viewer, input.childId);
      assertNotMerged(access);
      const person = await loadPerson(trx, input.childId);
      if (!person) throw invalid('childId', 'there is no such child');
      subject = {
        givenName: person.given_name,
        familyName: person.family_name,
        knownAs: person.known_as,
        dateOfBirth: person.dob,
        school: person.school,
      };
    } else {
      subject = input.child as ReferralSubjectInput;
    }
    if (input.sensitivity && input.sensitivity !== 'standard' && !mayLabel(viewer, input.sensitivity)) {
      throw invalid('sensitivity', 'you may not label a referral with a label you could not read yourself');
    }
    const receivedAt = new Date();
    const referral = await trx
      .insertInto('referrals')
      .values({
        child_id: input.childId ?? null,
        referrer_user_id: viewer.userId,
        referrer_agency_id: viewer.agencyId,
        received_at: receivedAt,
        decision_due_at: addWorkingDays(TIMESCALES, receivedAt, TIMESCALES.screeningDecisionWorkingDays),
        timescale_version: TIMESCALES.version,
        immediate_danger: input.immediateDanger,
        narrative: input.narrative,
        seen_or_heard_by: input.seenOrHeardBy,
        happened_on: input.happenedOn,
        harm_kinds: [...new Set(input.harmKinds)],
        online_element: input.onlineElement,
        child_knows: input.childKnows,
        family_knows: input.familyKnows,
        without_consent_reason: input.withoutConsentReason ?? null,
        sensitivity: input.sensitivity ?? 'standard',
        subject: JSON.stringify(subject),
        guide_version: (input.observations ?? []).length > 0 ? INDICATOR_GUIDE.version : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const o of input.observations ?? []) {
      await trx
        .insertInto('observations')
        .values({
          child_id: input.childId ?? null,
          referral_id: referral.id,
          guide_version: INDICATOR_GUIDE.version,
          indicator_id: o.indicatorId,
          observed_on: o.observedOn,
          source: o.source ?? input.seenOrHeardBy,
          note: o.note ?? null,
          sensitivity: input.sensitivity ?? 'standard',
          recorded_by: viewer.userId,
          recorded_agency_id: viewer.agencyId,
        })
        .execute();
    }
    if (input.childId) {
      await recordReferralOnChronology(trx, referral.id);
    }
    await appendAudit(trx, actor, {
      action: 'referral.created',
      recordType: 'referral',
      recordId: referral.id,
      ...(input.childId ? { childId: input.childId } : {}),
      fields: Object.keys(input),
      details: { immediateDanger: input.immediateDanger, observations: (input.observations ?? []).length },
    });
    return {
      id: referral.id,
      whatToDoNow: input.immediateDanger ? IMMEDIATE_DANGER_GUIDANCE : null,
    };
  });
}

/**
 * A referrer may label their own referral only with a label they could themselves see on a child they
 * work with (a police officer may mark police intelligence; a school may not mark sexual health).
 */
function mayLabel(viewer: Ctx['viewer'], label: string): boolean {
  if (label === 'police_intelligence') return viewer.agencyType === 'police';
  if (label === 'health' || label === 'sexual_health') return viewer.agencyType === 'health';
  return decide(viewer, 'referral.create').allowed;
}
