import { describe, expect, it } from 'vitest';
import { describeCondition, type EligibilityFacts, evaluate, FACTS } from './conditions.ts';
import {
  checkEligibility,
  ELIGIBILITY_RULES,
  type EligibilityResult,
  type EligibilityRule,
  rulesFor,
} from './eligibility.ts';
import { eligibilityRuleSchema } from './eligibility-rules.ts';
import { MEASURE_IDS, type MeasureId } from './measures.ts';

const ON = '2025-06-01';
const ADULT = '1990-01-01';
const AGED_15 = '2010-01-01';
const AGED_16 = '2009-01-01';
const AGED_17 = '2008-01-01';

/** A case that passes every condition of the measure, with an adult subject. */
const ELIGIBLE: Record<MeasureId, EligibilityFacts> = {
  cawn: {
    on: ON,
    applicant: 'police',
    target: { kind: 'person' },
    subject: { dateOfBirth: ADULT },
    children: [{ id: 'c1', dateOfBirth: AGED_15, lookedAfter: false }],
  },
  shpo: {
    on: ON,
    applicant: 'police',
    target: { kind: 'person' },
    subject: { dateOfBirth: ADULT, offences: [{ category: 'sexual', outcome: 'conviction' }] },
    judgements: { necessaryToProtect: true },
  },
  sro: {
    on: ON,
    applicant: 'national_crime_agency',
    target: { kind: 'person' },
    subject: { dateOfBirth: ADULT, offences: [], sexualActDone: true },
    judgements: { necessaryToProtect: true },
  },
  stpo: {
    on: ON,
    applicant: 'immigration_officer',
    target: { kind: 'person' },
    subject: {
      dateOfBirth: ADULT,
      offences: [{ category: 'slavery_or_trafficking', outcome: 'conviction' }],
    },
    judgements: { necessaryToProtect: true, futureSlaveryOffenceRisk: true },
  },
  stro: {
    on: ON,
    applicant: 'police',
    target: { kind: 'person' },
    subject: { dateOfBirth: ADULT, offences: [], actedCreatingSlaveryRisk: true },
    judgements: { necessaryToProtect: true, futureSlaveryOffenceRisk: true },
  },
  nrm_referral: {
    on: ON,
    applicant: 'local_authority',
    target: { kind: 'none' },
    children: [{ id: 'c1', dateOfBirth: AGED_16, traffickingConcern: true }],
  },
  criminal_behaviour_order: {
    on: ON,
    applicant: 'prosecution',
    target: { kind: 'person' },
    subject: {
      dateOfBirth: ADULT,
      offences: [{ category: 'other', outcome: 'conviction' }],
      harassmentAlarmDistress: true,
    },
    judgements: { orderWillHelpPrevent: true },
  },
  notification_order: {
    on: ON,
    applicant: 'police',
    target: { kind: 'person' },
    subject: { dateOfBirth: ADULT, offences: [{ category: 'sexual', outcome: 'caution', overseas: true }] },
  },
  non_molestation_order: {
    on: ON,
    target: { kind: 'person' },
    subject: { dateOfBirth: ADULT, associatedWithChild: true },
    children: [{ id: 'c1', dateOfBirth: AGED_15 }],
  },
  exclusion_order: {
    on: ON,
    applicant: 'local_authority',
    target: { kind: 'person' },
    subject: { dateOfBirth: ADULT },
    children: [{ id: 'c1', dateOfBirth: AGED_15 }],
    proceedings: { careOrEmergencyProtectionApplication: true },
    judgements: { exclusionStopsHarm: true },
    exclusionAreaDefined: true,
  },
  wardship_injunction: {
    on: ON,
    applicant: 'local_authority',
    target: { kind: 'person' },
    subject: { dateOfBirth: ADULT },
    children: [{ id: 'c1', dateOfBirth: AGED_17 }],
    judgements: { significantHarmLikely: true },
  },
  premises_closure: {
    on: ON,
    applicant: 'police',
    target: { kind: 'place', placeKind: 'takeaway' },
    judgements: { premisesUsedForExploitation: true },
  },
  hotel_information_request: {
    on: ON,
    applicant: 'police',
    issuerPoliceRank: 'inspector_or_above',
    target: { kind: 'place', placeKind: 'hotel' },
    judgements: { premisesUsedForExploitation: true },
  },
  licensing_review: { on: ON, applicant: 'local_authority', target: { kind: 'business', licensed: true } },
  increased_police_attention: { on: ON, applicant: 'police', target: { kind: 'vehicle' } },
  online_platform_referral: { on: ON, applicant: 'partnership', target: { kind: 'online_space' } },
  other_offence_investigation: {
    on: ON,
    applicant: 'police',
    target: { kind: 'person' },
    subject: { dateOfBirth: ADULT },
  },
};

const ALL_STEPS = {
  youthOffendingTeamConsulted: true,
  youthOffendingTeamViewsObtained: true,
  welfareAssessmentDone: true,
  otherOrdersConsidered: true,
  interventionsOffered: true,
};

/** A subject aged 16 with every step taken: requirements for under-18s apply and are met. */
const childSubject = (m: MeasureId, steps: EligibilityFacts['steps'] = ALL_STEPS): EligibilityFacts => ({
  ...ELIGIBLE[m],
  subject: { ...ELIGIBLE[m].subject, dateOfBirth: AGED_16 },
  steps,
});

type Case = { measure: MeasureId; pass: EligibilityFacts; fail: EligibilityFacts };

const with_ = (m: MeasureId, patch: Partial<EligibilityFacts>): EligibilityFacts => ({
  ...ELIGIBLE[m],
  ...patch,
});
const subjectWith = (m: MeasureId, patch: NonNullable<EligibilityFacts['subject']>): EligibilityFacts => ({
  ...ELIGIBLE[m],
  subject: { ...ELIGIBLE[m].subject, ...patch },
});
const judging = (m: MeasureId, patch: NonNullable<EligibilityFacts['judgements']>): EligibilityFacts => ({
  ...ELIGIBLE[m],
  judgements: { ...ELIGIBLE[m].judgements, ...patch },
});

/** For every rule: a case where it holds (or the requirement is met) and one where it fails. */
const CASES: Record<string, Case> = {
  'cawn.issued-by-police': {
    measure: 'cawn',
    pass: ELIGIBLE.cawn,
    fail: with_('cawn', { applicant: 'local_authority' }),
  },
  'cawn.against-person': {
    measure: 'cawn',
    pass: ELIGIBLE.cawn,
    fail: with_('cawn', { target: { kind: 'place' } }),
  },
  'cawn.subject-18-or-over': {
    measure: 'cawn',
    pass: subjectWith('cawn', { dateOfBirth: '2007-06-01' }),
    fail: subjectWith('cawn', { dateOfBirth: AGED_17 }),
  },
  'cawn.named-child': { measure: 'cawn', pass: ELIGIBLE.cawn, fail: with_('cawn', { children: [] }) },
  'cawn.child-age': {
    measure: 'cawn',
    pass: with_('cawn', { children: [{ id: 'c1', dateOfBirth: AGED_17, lookedAfter: true }] }),
    fail: with_('cawn', { children: [{ id: 'c1', dateOfBirth: AGED_16, lookedAfter: false }] }),
  },
  'shpo.applicant': {
    measure: 'shpo',
    pass: ELIGIBLE.shpo,
    fail: with_('shpo', { applicant: 'local_authority' }),
  },
  'shpo.against-person': {
    measure: 'shpo',
    pass: ELIGIBLE.shpo,
    fail: with_('shpo', { target: { kind: 'business' } }),
  },
  'shpo.conviction-or-caution': {
    measure: 'shpo',
    pass: subjectWith('shpo', { offences: [{ category: 'violent', outcome: 'caution' }] }),
    fail: subjectWith('shpo', { offences: [{ category: 'other', outcome: 'conviction' }] }),
  },
  'shpo.necessary-to-protect': {
    measure: 'shpo',
    pass: ELIGIBLE.shpo,
    fail: judging('shpo', { necessaryToProtect: false }),
  },
  'sro.applicant': { measure: 'sro', pass: ELIGIBLE.sro, fail: with_('sro', { applicant: 'prosecution' }) },
  'sro.against-person': {
    measure: 'sro',
    pass: ELIGIBLE.sro,
    fail: with_('sro', { target: { kind: 'vehicle' } }),
  },
  'sro.sexual-act': {
    measure: 'sro',
    pass: ELIGIBLE.sro,
    fail: subjectWith('sro', { sexualActDone: false }),
  },
  'sro.necessary-to-protect': {
    measure: 'sro',
    pass: ELIGIBLE.sro,
    fail: judging('sro', { necessaryToProtect: false }),
  },
  'sexual-orders.under-18.yot-early': {
    measure: 'shpo',
    pass: childSubject('shpo'),
    fail: childSubject('shpo', { ...ALL_STEPS, youthOffendingTeamConsulted: false }),
  },
  'sexual-orders.under-18.welfare-first': {
    measure: 'sro',
    pass: childSubject('sro'),
    fail: childSubject('sro', { ...ALL_STEPS, welfareAssessmentDone: false }),
  },
  'sexual-orders.under-18.interventions': {
    measure: 'sro',
    pass: childSubject('sro'),
    fail: childSubject('sro', { ...ALL_STEPS, interventionsOffered: false }),
  },
  'sexual-orders.under-18.other-orders': {
    measure: 'shpo',
    pass: childSubject('shpo'),
    fail: childSubject('shpo', { ...ALL_STEPS, otherOrdersConsidered: false }),
  },
  'slavery-orders.applicant': {
    measure: 'stpo',
    pass: ELIGIBLE.stpo,
    fail: with_('stpo', { applicant: 'local_authority' }),
  },
  'slavery-orders.against-person': {
    measure: 'stro',
    pass: ELIGIBLE.stro,
    fail: with_('stro', { target: { kind: 'place' } }),
  },
  'stpo.conviction': {
    measure: 'stpo',
    pass: ELIGIBLE.stpo,
    fail: subjectWith('stpo', { offences: [{ category: 'slavery_or_trafficking', outcome: 'caution' }] }),
  },
  'stro.acted-creating-risk': {
    measure: 'stro',
    pass: ELIGIBLE.stro,
    fail: subjectWith('stro', { actedCreatingSlaveryRisk: false }),
  },
  'slavery-orders.future-offence': {
    measure: 'stpo',
    pass: ELIGIBLE.stpo,
    fail: judging('stpo', { futureSlaveryOffenceRisk: false }),
  },
  'slavery-orders.necessary-to-protect': {
    measure: 'stro',
    pass: ELIGIBLE.stro,
    fail: judging('stro', { necessaryToProtect: false }),
  },
  'nrm.named-child': {
    measure: 'nrm_referral',
    pass: ELIGIBLE.nrm_referral,
    fail: with_('nrm_referral', { children: [] }),
  },
  'nrm.trafficking-concern': {
    measure: 'nrm_referral',
    pass: ELIGIBLE.nrm_referral,
    fail: with_('nrm_referral', {
      children: [{ id: 'c1', dateOfBirth: AGED_16, traffickingConcern: false }],
    }),
  },
  'cbo.applicant': {
    measure: 'criminal_behaviour_order',
    pass: ELIGIBLE.criminal_behaviour_order,
    fail: with_('criminal_behaviour_order', { applicant: 'police' }),
  },
  'cbo.against-person': {
    measure: 'criminal_behaviour_order',
    pass: ELIGIBLE.criminal_behaviour_order,
    fail: with_('criminal_behaviour_order', { target: { kind: 'online_space' } }),
  },
  'cbo.conviction': {
    measure: 'criminal_behaviour_order',
    pass: ELIGIBLE.criminal_behaviour_order,
    fail: subjectWith('criminal_behaviour_order', { offences: [{ category: 'other', outcome: 'caution' }] }),
  },
  'cbo.harassment-alarm-distress': {
    measure: 'criminal_behaviour_order',
    pass: ELIGIBLE.criminal_behaviour_order,
    fail: subjectWith('criminal_behaviour_order', { harassmentAlarmDistress: false }),
  },
  'cbo.helps-prevent': {
    measure: 'criminal_behaviour_order',
    pass: ELIGIBLE.criminal_behaviour_order,
    fail: judging('criminal_behaviour_order', { orderWillHelpPrevent: false }),
  },
  'cbo.under-18.yot-views': {
    measure: 'criminal_behaviour_order',
    pass: childSubject('criminal_behaviour_order'),
    fail: childSubject('criminal_behaviour_order', { ...ALL_STEPS, youthOffendingTeamViewsObtained: false }),
  },
  'notification.against-person': {
    measure: 'notification_order',
    pass: ELIGIBLE.notification_order,
    fail: with_('notification_order', { target: { kind: 'place' } }),
  },
  'notification.overseas-sexual-offence': {
    measure: 'notification_order',
    pass: ELIGIBLE.notification_order,
    fail: subjectWith('notification_order', {
      offences: [{ category: 'sexual', outcome: 'conviction', overseas: false }],
    }),
  },
  'non-molestation.against-person': {
    measure: 'non_molestation_order',
    pass: ELIGIBLE.non_molestation_order,
    fail: with_('non_molestation_order', { target: { kind: 'business' } }),
  },
  'non-molestation.named-child': {
    measure: 'non_molestation_order',
    pass: ELIGIBLE.non_molestation_order,
    fail: with_('non_molestation_order', { children: [] }),
  },
  'non-molestation.associated': {
    measure: 'non_molestation_order',
    pass: ELIGIBLE.non_molestation_order,
    fail: subjectWith('non_molestation_order', { associatedWithChild: false }),
  },
  'exclusion.against-person': {
    measure: 'exclusion_order',
    pass: ELIGIBLE.exclusion_order,
    fail: with_('exclusion_order', { target: { kind: 'place' } }),
  },
  'exclusion.named-child': {
    measure: 'exclusion_order',
    pass: ELIGIBLE.exclusion_order,
    fail: with_('exclusion_order', { children: [] }),
  },
  'exclusion.care-proceedings': {
    measure: 'exclusion_order',
    pass: ELIGIBLE.exclusion_order,
    fail: with_('exclusion_order', { proceedings: { careOrEmergencyProtectionApplication: false } }),
  },
  'exclusion.stops-harm': {
    measure: 'exclusion_order',
    pass: ELIGIBLE.exclusion_order,
    fail: judging('exclusion_order', { exclusionStopsHarm: false }),
  },
  'exclusion.defined-area': {
    measure: 'exclusion_order',
    pass: ELIGIBLE.exclusion_order,
    fail: with_('exclusion_order', { exclusionAreaDefined: false }),
  },
  'wardship.local-authority': {
    measure: 'wardship_injunction',
    pass: ELIGIBLE.wardship_injunction,
    fail: with_('wardship_injunction', { applicant: 'police' }),
  },
  'wardship.against-person': {
    measure: 'wardship_injunction',
    pass: ELIGIBLE.wardship_injunction,
    fail: with_('wardship_injunction', { target: { kind: 'place' } }),
  },
  'wardship.named-child': {
    measure: 'wardship_injunction',
    pass: ELIGIBLE.wardship_injunction,
    fail: with_('wardship_injunction', { children: [] }),
  },
  'wardship.child-under-18': {
    measure: 'wardship_injunction',
    pass: ELIGIBLE.wardship_injunction,
    fail: with_('wardship_injunction', { children: [{ id: 'c1', dateOfBirth: '2007-01-01' }] }),
  },
  'wardship.significant-harm': {
    measure: 'wardship_injunction',
    pass: ELIGIBLE.wardship_injunction,
    fail: judging('wardship_injunction', { significantHarmLikely: false }),
  },
  'closure.against-premises': {
    measure: 'premises_closure',
    pass: with_('premises_closure', { target: { kind: 'business' } }),
    fail: with_('premises_closure', { target: { kind: 'person' } }),
  },
  'closure.premises-associated': {
    measure: 'premises_closure',
    pass: ELIGIBLE.premises_closure,
    fail: judging('premises_closure', { premisesUsedForExploitation: false }),
  },
  'hotel.against-hotel': {
    measure: 'hotel_information_request',
    pass: with_('hotel_information_request', { target: { kind: 'business', overnightAccommodation: true } }),
    fail: with_('hotel_information_request', { target: { kind: 'place', placeKind: 'takeaway' } }),
  },
  'hotel.issued-by-inspector': {
    measure: 'hotel_information_request',
    pass: ELIGIBLE.hotel_information_request,
    fail: with_('hotel_information_request', { issuerPoliceRank: 'sergeant' }),
  },
  'hotel.reasonable-belief': {
    measure: 'hotel_information_request',
    pass: ELIGIBLE.hotel_information_request,
    fail: judging('hotel_information_request', { premisesUsedForExploitation: false }),
  },
  'licensing.against-licensed': {
    measure: 'licensing_review',
    pass: ELIGIBLE.licensing_review,
    fail: with_('licensing_review', { target: { kind: 'business', licensed: false } }),
  },
  'police-attention.by-police': {
    measure: 'increased_police_attention',
    pass: ELIGIBLE.increased_police_attention,
    fail: with_('increased_police_attention', { applicant: 'local_authority' }),
  },
  'investigation.against-person': {
    measure: 'other_offence_investigation',
    pass: ELIGIBLE.other_offence_investigation,
    fail: with_('other_offence_investigation', { target: { kind: 'online_space' } }),
  },
  'online-referral.against-online-space': {
    measure: 'online_platform_referral',
    pass: ELIGIBLE.online_platform_referral,
    fail: with_('online_platform_referral', { target: { kind: 'person' } }),
  },
  'child-subject.welfare-first': {
    measure: 'stro',
    pass: childSubject('stro', { youthOffendingTeamConsulted: true, welfareAssessmentDone: true }),
    fail: childSubject('stro', { youthOffendingTeamConsulted: true, welfareAssessmentDone: false }),
  },
};

const ruleById = new Map(ELIGIBILITY_RULES.map((r) => [r.id, r]));

describe('eligibility rules as data', () => {
  it.each(ELIGIBILITY_RULES.map((r) => [r.id, r] as const))('%s is valid and cited', (_id, rule) => {
    expect(eligibilityRuleSchema.safeParse(rule).success).toBe(true);
    expect(rule.source).toMatch(/Seed 004 Appendix 2|Act 20\d\d/);
    expect(describeCondition(rule.test).length).toBeGreaterThan(5);
  });

  it('has unique ids, and a rule for every measure', () => {
    expect(new Set(ELIGIBILITY_RULES.map((r) => r.id)).size).toBe(ELIGIBILITY_RULES.length);
    for (const id of MEASURE_IDS) expect(rulesFor(id).length).toBeGreaterThan(0);
  });

  it('has a passing and a failing case for every rule, and no case without a rule', () => {
    expect(Object.keys(CASES).sort()).toEqual(ELIGIBILITY_RULES.map((r) => r.id).sort());
  });

  it('refuses a malformed rule', () => {
    const bad = {
      ...(ruleById.get('cawn.subject-18-or-over') as EligibilityRule),
      test: { fact: 'subject.shoeSize', atLeast: 1 },
    };
    expect(eligibilityRuleSchema.safeParse(bad).success).toBe(false);
    const noSource = { ...(ruleById.get('cawn.subject-18-or-over') as EligibilityRule), source: '' };
    expect(eligibilityRuleSchema.safeParse(noSource).success).toBe(false);
    const noTest = {
      ...(ruleById.get('cawn.subject-18-or-over') as EligibilityRule),
      test: { fact: 'subject.age' },
    };
    expect(eligibilityRuleSchema.safeParse(noTest).success).toBe(false);
  });
});

describe('every measure', () => {
  it.each(MEASURE_IDS.map((id) => [id] as const))(
    '%s: the eligible case passes every condition and is ready',
    (id) => {
      const r = checkEligibility(id, ELIGIBLE[id]);
      expect(r.failures).toEqual([]);
      expect(r).toMatchObject({ eligible: true, readyToApply: true });
    },
  );
});

function outcome(result: EligibilityResult, rule: string) {
  return {
    failure: result.failures.find((f) => f.rule === rule),
    requirement: result.requirements.find((q) => q.rule === rule),
    passed: result.passed.includes(rule),
  };
}

describe('every eligibility rule', () => {
  describe.each(Object.entries(CASES))('%s', (ruleId, c) => {
    const rule = ruleById.get(ruleId) as EligibilityRule;

    it('passes its passing case', () => {
      const result = checkEligibility(c.measure, c.pass);
      const o = outcome(result, ruleId);
      if (rule.kind === 'condition') {
        expect(o.passed).toBe(true);
        expect(o.failure).toBeUndefined();
      } else {
        expect(o.requirement).toMatchObject({ applies: true, met: true });
        expect(result.readyToApply).toBe(result.eligible);
      }
    });

    it('fails its failing case, naming the rule and its source', () => {
      const result = checkEligibility(c.measure, c.fail);
      const o = outcome(result, ruleId);
      if (rule.kind === 'condition') {
        expect(o.failure).toMatchObject({ status: 'failed', source: rule.source });
        expect(o.failure?.message.startsWith(`[${ruleId}] `)).toBe(true);
        expect(result.eligible).toBe(false);
      } else {
        expect(o.requirement).toMatchObject({ applies: true, met: false, source: rule.source });
        expect(o.requirement?.message.startsWith(`[${ruleId}] `)).toBe(true);
        expect(result.readyToApply).toBe(false);
      }
    });
  });
});

describe('the cases the issue names', () => {
  it('refuses a CAWN for a 17-year-old subject, with the rule named', () => {
    const r = checkEligibility('cawn', subjectWith('cawn', { dateOfBirth: AGED_17 }));
    expect(r.eligible).toBe(false);
    expect(r.failures.map((f) => f.message)).toEqual([
      '[cawn.subject-18-or-over] A Child Abduction Warning Notice is used with individuals aged 18 or over (this subject: 17).',
    ]);
  });

  it('allows a CAWN for a child under 16, or a looked-after child under 18', () => {
    expect(
      checkEligibility('cawn', with_('cawn', { children: [{ id: 'c', dateOfBirth: AGED_15 }] })).eligible,
    ).toBe(true);
    expect(
      checkEligibility(
        'cawn',
        with_('cawn', { children: [{ id: 'c', dateOfBirth: AGED_17, lookedAfter: true }] }),
      ).eligible,
    ).toBe(true);
    expect(
      checkEligibility(
        'cawn',
        with_('cawn', { children: [{ id: 'c', dateOfBirth: AGED_17, lookedAfter: false }] }),
      ).eligible,
    ).toBe(false);
    // Every named child must qualify.
    expect(
      checkEligibility(
        'cawn',
        with_('cawn', {
          children: [
            { id: 'a', dateOfBirth: AGED_15 },
            { id: 'b', dateOfBirth: '2006-01-01', lookedAfter: true },
          ],
        }),
      ).failures.map((f) => f.rule),
    ).toEqual(['cawn.child-age']);
  });

  it('needs a conviction or caution for an SHPO but not for an SRO', () => {
    const noRecord = { offences: [] as const, sexualActDone: true };
    expect(checkEligibility('shpo', subjectWith('shpo', noRecord)).failures.map((f) => f.rule)).toEqual([
      'shpo.conviction-or-caution',
    ]);
    expect(checkEligibility('sro', subjectWith('sro', noRecord)).eligible).toBe(true);
  });

  it('does not silently allow a measure against a subject under 18: YOT involvement and a welfare-first assessment are required', () => {
    const r = checkEligibility('sro', childSubject('sro', {}));
    expect(r.eligible).toBe(true);
    expect(r.readyToApply).toBe(false);
    expect(r.requirements.map((q) => [q.rule, q.met])).toEqual([
      ['sexual-orders.under-18.yot-early', null],
      ['sexual-orders.under-18.welfare-first', null],
      ['sexual-orders.under-18.interventions', null],
      ['sexual-orders.under-18.other-orders', null],
    ]);
    expect(r.requirements[0]?.message).toBe(
      '[sexual-orders.under-18.yot-early] Subject under 18 (age 16): consult the youth offending team early and involve them in the application.',
    );
    // Under 14 the interventions principle (14 to 17 year olds) does not apply.
    const younger = checkEligibility('sro', {
      ...childSubject('sro'),
      subject: { ...ELIGIBLE.sro.subject, dateOfBirth: '2012-01-01' },
    });
    expect(younger.requirements.map((q) => q.rule)).not.toContain('sexual-orders.under-18.interventions');
    // Adults: no under-18 requirements.
    expect(checkEligibility('sro', ELIGIBLE.sro).requirements).toEqual([]);
  });

  it('applies the child-first requirement to other measures against a child', () => {
    const r = checkEligibility('increased_police_attention', {
      ...ELIGIBLE.increased_police_attention,
      target: { kind: 'person' },
      subject: { dateOfBirth: AGED_16 },
    });
    expect(r.requirements.map((q) => q.rule)).toEqual(['child-subject.welfare-first']);
    expect(r.readyToApply).toBe(false);
  });
});

describe('missing facts', () => {
  it('makes a rule unknown, not true, and says what to record', () => {
    const r = checkEligibility('cawn', {
      on: ON,
      applicant: 'police',
      target: { kind: 'person' },
      subject: {},
      children: [{ id: 'c1' }],
    });
    expect(r.eligible).toBe(false);
    expect(r.failures.map((f) => [f.rule, f.status])).toEqual([
      ['cawn.subject-18-or-over', 'unknown'],
      ['cawn.child-age', 'unknown'],
    ]);
    expect(r.failures[0]?.missing).toEqual(["the subject's age"]);
    expect(r.failures[0]?.message).toMatch(
      /^\[cawn\.subject-18-or-over\] Cannot check until recorded: the subject's age\./,
    );
    expect(r.failures[1]?.missing).toEqual([
      "the child's age (c1)",
      'whether the child is looked after (c1)',
    ]);
  });

  it('shows requirements that may apply when the subject\u2019s age is unknown', () => {
    const r = checkEligibility('shpo', subjectWith('shpo', { dateOfBirth: undefined }));
    expect(r.eligible).toBe(true);
    expect(r.readyToApply).toBe(false);
    expect(r.requirements.every((q) => q.applies === null)).toBe(true);
    expect(r.requirements[0]?.message).toMatch(/May apply — Subject under 18 \(age not recorded\)/);
  });

  it('uses an estimated age when there is no date of birth', () => {
    expect(
      checkEligibility('cawn', subjectWith('cawn', { dateOfBirth: undefined, ageYears: 25 })).eligible,
    ).toBe(true);
    expect(
      checkEligibility('cawn', subjectWith('cawn', { dateOfBirth: undefined, ageYears: 17 })).eligible,
    ).toBe(false);
  });
});

describe('the interpreter', () => {
  const facts: EligibilityFacts = { on: ON, applicant: 'police', subject: { dateOfBirth: ADULT } };
  it('combines conditions with three-valued logic', () => {
    const known = { fact: 'applicant', in: ['police'] } as const;
    const unknown = { fact: 'judgement.necessaryToProtect', is: true } as const;
    const no = { fact: 'applicant', in: ['prosecution'] } as const;
    expect(evaluate({ all: [known, unknown] }, facts)).toBeNull();
    expect(evaluate({ all: [no, unknown] }, facts)).toBe(false);
    expect(evaluate({ any: [known, unknown] }, facts)).toBe(true);
    expect(evaluate({ any: [no, unknown] }, facts)).toBeNull();
    expect(evaluate({ not: known }, facts)).toBe(false);
    expect(evaluate({ not: unknown }, facts)).toBeNull();
    expect(evaluate({ fact: 'subject.age', atLeast: 18, below: 99 }, facts)).toBe(true);
    expect(evaluate({ fact: 'applicant', atLeast: 1 }, facts)).toBe(false);
    expect(evaluate({ eachChild: { childFact: 'age', below: 18 } }, facts)).toBe(true);
  });

  it('knows what every fact is called', () => {
    for (const def of Object.values(FACTS)) expect(def.label.length).toBeGreaterThan(5);
    expect(describeCondition({ not: { fact: 'subject.age', atLeast: 18 } })).toBe(
      "not (the subject's age at least 18)",
    );
  });
});
