/**
 * The eligibility rules for disruption measures, as data. Each rule cites its source: seed 004
 * Appendix 2, or — where Appendix 2 is silent — the legislation named in the citation, marked as not in
 * Appendix 2. A `condition` must hold for the measure to be available; a `requirement` is a step to
 * take before applying when its `when` holds. The tests exercise every rule with a passing and a
 * failing case; docs/disruption.md lists them.
 */
import { z } from 'zod';
import { type Condition, conditionSchema } from './conditions.ts';
import {
  APP2_CIVIL,
  APP2_MEASURES,
  APP2_UNDER_18,
  type Applicant,
  MEASURE_IDS,
  type MeasureId,
  measure,
  type TargetKind,
} from './measures.ts';

export interface EligibilityRule {
  readonly id: string;
  readonly measures: readonly MeasureId[];
  readonly kind: 'condition' | 'requirement';
  /** The rule applies only when this holds (e.g. the subject is under 18). */
  readonly when?: Condition;
  readonly test: Condition;
  /** Shown when the test fails; `{subject.age}` and other fact names in braces are filled in. */
  readonly message: string;
  readonly source: string;
}

export const eligibilityRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/),
    measures: z.array(z.enum(MEASURE_IDS)).min(1),
    kind: z.enum(['condition', 'requirement']),
    when: conditionSchema.optional(),
    test: conditionSchema,
    message: z.string().min(20),
    source: z.string().min(10),
  })
  .strict();

const PERSON_MEASURES = MEASURE_IDS.filter((id) => measure(id).against.includes('person'));

const isTarget = (...kinds: TargetKind[]): Condition => ({ fact: 'target.kind', in: kinds });
const applicantIs = (...who: Applicant[]): Condition => ({ fact: 'applicant', in: who });
const subjectUnder18: Condition = { fact: 'subject.age', below: 18 };
const hasNamedChild: Condition = { fact: 'children.count', atLeast: 1 };

export const ELIGIBILITY_RULES_VERSION = '2025.1';

export const ELIGIBILITY_RULES: readonly EligibilityRule[] = [
  // Child Abduction Warning Notices
  {
    id: 'cawn.issued-by-police',
    measures: ['cawn'],
    kind: 'condition',
    test: applicantIs('police'),
    message: 'A Child Abduction Warning Notice is issued by the police.',
    source: APP2_CIVIL,
  },
  {
    id: 'cawn.against-person',
    measures: ['cawn'],
    kind: 'condition',
    test: isTarget('person'),
    message: 'A Child Abduction Warning Notice is given to a person.',
    source: APP2_CIVIL,
  },
  {
    id: 'cawn.subject-18-or-over',
    measures: ['cawn'],
    kind: 'condition',
    test: { fact: 'subject.age', atLeast: 18 },
    message:
      'A Child Abduction Warning Notice is used with individuals aged 18 or over (this subject: {subject.age}).',
    source: APP2_CIVIL,
  },
  {
    id: 'cawn.named-child',
    measures: ['cawn'],
    kind: 'condition',
    test: hasNamedChild,
    message:
      'A Child Abduction Warning Notice names the child the person must not associate with or contact.',
    source: APP2_CIVIL,
  },
  {
    id: 'cawn.child-age',
    measures: ['cawn'],
    kind: 'condition',
    test: {
      eachChild: {
        any: [
          { childFact: 'age', below: 16 },
          {
            all: [
              { childFact: 'age', below: 18 },
              { childFact: 'lookedAfter', is: true },
            ],
          },
        ],
      },
    },
    message: 'Each child named in a Child Abduction Warning Notice must be under 16, or under 18 if in care.',
    source: APP2_CIVIL,
  },

  // Sexual Harm Prevention Orders and Sexual Risk Orders
  {
    id: 'shpo.applicant',
    measures: ['shpo'],
    kind: 'condition',
    test: applicantIs('police', 'national_crime_agency'),
    message: 'A Sexual Harm Prevention Order is applied for by the police or the National Crime Agency.',
    source: APP2_CIVIL,
  },
  {
    id: 'shpo.against-person',
    measures: ['shpo'],
    kind: 'condition',
    test: isTarget('person'),
    message: 'A Sexual Harm Prevention Order restricts a person.',
    source: APP2_CIVIL,
  },
  {
    id: 'shpo.conviction-or-caution',
    measures: ['shpo'],
    kind: 'condition',
    test: { fact: 'subject.sexualOrViolentConvictionOrCaution', is: true },
    message:
      'A Sexual Harm Prevention Order needs a conviction or caution for a sexual or violent offence. Without one, consider a Sexual Risk Order.',
    source: APP2_CIVIL,
  },
  {
    id: 'shpo.necessary-to-protect',
    measures: ['shpo'],
    kind: 'condition',
    test: { fact: 'judgement.necessaryToProtect', is: true },
    message:
      'A Sexual Harm Prevention Order needs reasonable cause to believe it is necessary to protect a person or the public from harm.',
    source: APP2_CIVIL,
  },
  {
    id: 'sro.applicant',
    measures: ['sro'],
    kind: 'condition',
    test: applicantIs('police', 'national_crime_agency'),
    message: 'A Sexual Risk Order is applied for by the police or the National Crime Agency.',
    source: APP2_CIVIL,
  },
  {
    id: 'sro.against-person',
    measures: ['sro'],
    kind: 'condition',
    test: isTarget('person'),
    message: 'A Sexual Risk Order restricts a person.',
    source: APP2_CIVIL,
  },
  {
    id: 'sro.sexual-act',
    measures: ['sro'],
    kind: 'condition',
    test: { fact: 'subject.sexualActDone', is: true },
    message:
      'A Sexual Risk Order needs no conviction or caution, but the person must have done an act of a sexual nature.',
    source: APP2_CIVIL,
  },
  {
    id: 'sro.necessary-to-protect',
    measures: ['sro'],
    kind: 'condition',
    test: { fact: 'judgement.necessaryToProtect', is: true },
    message:
      'A Sexual Risk Order needs reasonable cause to believe it is necessary to protect a person or the public from harm.',
    source: APP2_CIVIL,
  },
  {
    id: 'sexual-orders.under-18.yot-early',
    measures: ['shpo', 'sro'],
    kind: 'requirement',
    when: subjectUnder18,
    test: { fact: 'steps.youthOffendingTeamConsulted', is: true },
    message:
      'Subject under 18 (age {subject.age}): consult the youth offending team early and involve them in the application.',
    source: APP2_UNDER_18,
  },
  {
    id: 'sexual-orders.under-18.welfare-first',
    measures: ['shpo', 'sro'],
    kind: 'requirement',
    when: subjectUnder18,
    test: { fact: 'steps.welfareAssessmentDone', is: true },
    message:
      "Subject under 18 (age {subject.age}): the child's welfare is the paramount consideration; base support on a structured assessment of their needs and the imminent risk.",
    source: APP2_UNDER_18,
  },
  {
    id: 'sexual-orders.under-18.interventions',
    measures: ['shpo', 'sro'],
    kind: 'requirement',
    when: { fact: 'subject.age', atLeast: 14, below: 18 },
    test: { fact: 'steps.interventionsOffered', is: true },
    message:
      'Subject aged 14 to 17 (age {subject.age}): offer appropriate interventions to reduce harmful behaviour.',
    source: APP2_UNDER_18,
  },
  {
    id: 'sexual-orders.under-18.other-orders',
    measures: ['shpo', 'sro'],
    kind: 'requirement',
    when: subjectUnder18,
    test: { fact: 'steps.otherOrdersConsidered', is: true },
    message:
      'Subject under 18 (age {subject.age}): take account of other orders and sentences already in place, and whether the combined requirements are ones they can comply with.',
    source: APP2_UNDER_18,
  },

  // Slavery and Trafficking Prevention and Risk Orders
  {
    id: 'slavery-orders.applicant',
    measures: ['stpo', 'stro'],
    kind: 'condition',
    test: applicantIs('police', 'national_crime_agency', 'immigration_officer'),
    message:
      'Slavery and Trafficking Prevention and Risk Orders are applied for by the police, the National Crime Agency or an immigration officer.',
    source: APP2_CIVIL,
  },
  {
    id: 'slavery-orders.against-person',
    measures: ['stpo', 'stro'],
    kind: 'condition',
    test: isTarget('person'),
    message: 'Slavery and Trafficking Prevention and Risk Orders restrict a person.',
    source: APP2_CIVIL,
  },
  {
    id: 'stpo.conviction',
    measures: ['stpo'],
    kind: 'condition',
    test: { fact: 'subject.slaveryOrTraffickingConviction', is: true },
    message:
      'A Slavery and Trafficking Prevention Order can only be made against someone convicted of a slavery or human trafficking offence. Without a conviction, consider a Slavery and Trafficking Risk Order.',
    source: APP2_CIVIL,
  },
  {
    id: 'stro.acted-creating-risk',
    measures: ['stro'],
    kind: 'condition',
    test: { fact: 'subject.actedCreatingSlaveryRisk', is: true },
    message:
      'A Slavery and Trafficking Risk Order needs the person to have acted in a way that means there is a risk they will commit a slavery or human trafficking offence.',
    source: APP2_CIVIL,
  },
  {
    id: 'slavery-orders.future-offence',
    measures: ['stpo', 'stro'],
    kind: 'condition',
    test: { fact: 'judgement.futureSlaveryOffenceRisk', is: true },
    message:
      'Both slavery orders need reasonable belief that the person may commit a modern slavery offence in the future.',
    source: APP2_CIVIL,
  },
  {
    id: 'slavery-orders.necessary-to-protect',
    measures: ['stpo', 'stro'],
    kind: 'condition',
    test: { fact: 'judgement.necessaryToProtect', is: true },
    message:
      'Both slavery orders need the order to be necessary to protect a person or the public from harm.',
    source: APP2_CIVIL,
  },

  // National Referral Mechanism
  {
    id: 'nrm.named-child',
    measures: ['nrm_referral'],
    kind: 'condition',
    test: hasNamedChild,
    message: 'A National Referral Mechanism referral is about a named child who may be a victim.',
    source: APP2_CIVIL,
  },
  {
    id: 'nrm.trafficking-concern',
    measures: ['nrm_referral'],
    kind: 'condition',
    test: { eachChild: { childFact: 'traffickingConcern', is: true } },
    message:
      'A National Referral Mechanism referral is for a child who may be a victim of human trafficking or modern slavery, domestic or international.',
    source: APP2_CIVIL,
  },

  // Criminal Behaviour Orders
  {
    id: 'cbo.applicant',
    measures: ['criminal_behaviour_order'],
    kind: 'condition',
    test: applicantIs('prosecution'),
    message: 'A Criminal Behaviour Order is applied for by the prosecution when the offender is convicted.',
    source: APP2_CIVIL,
  },
  {
    id: 'cbo.against-person',
    measures: ['criminal_behaviour_order'],
    kind: 'condition',
    test: isTarget('person'),
    message: 'A Criminal Behaviour Order restricts a person.',
    source: APP2_CIVIL,
  },
  {
    id: 'cbo.conviction',
    measures: ['criminal_behaviour_order'],
    kind: 'condition',
    test: { fact: 'subject.anyConviction', is: true },
    message:
      'A Criminal Behaviour Order is available following a conviction for a criminal offence (a caution is not enough).',
    source: APP2_CIVIL,
  },
  {
    id: 'cbo.harassment-alarm-distress',
    measures: ['criminal_behaviour_order'],
    kind: 'condition',
    test: { fact: 'subject.harassmentAlarmDistress', is: true },
    message:
      'A Criminal Behaviour Order needs behaviour that caused, or was likely to cause, harassment, alarm or distress to any person.',
    source: APP2_CIVIL,
  },
  {
    id: 'cbo.helps-prevent',
    measures: ['criminal_behaviour_order'],
    kind: 'condition',
    test: { fact: 'judgement.orderWillHelpPrevent', is: true },
    message:
      'A Criminal Behaviour Order is made only if it will help prevent the offender engaging in such behaviour.',
    source: APP2_CIVIL,
  },
  {
    id: 'cbo.under-18.yot-views',
    measures: ['criminal_behaviour_order'],
    kind: 'requirement',
    when: subjectUnder18,
    test: { fact: 'steps.youthOffendingTeamViewsObtained', is: true },
    message:
      'Offender under 18 (age {subject.age}): the prosecution must find out the views of the local youth offending team before applying.',
    source: APP2_CIVIL,
  },

  // Notification orders
  {
    id: 'notification.against-person',
    measures: ['notification_order'],
    kind: 'condition',
    test: isTarget('person'),
    message: 'A notification order applies to a person.',
    source: APP2_CIVIL,
  },
  {
    id: 'notification.overseas-sexual-offence',
    measures: ['notification_order'],
    kind: 'condition',
    test: { fact: 'subject.overseasSexualConvictionOrCaution', is: true },
    message:
      'A notification order is for someone convicted or cautioned for a sexual offence committed overseas.',
    source: APP2_CIVIL,
  },

  // Non-molestation orders
  {
    id: 'non-molestation.against-person',
    measures: ['non_molestation_order'],
    kind: 'condition',
    test: isTarget('person'),
    message: 'A non-molestation order is made against a person.',
    source: APP2_CIVIL,
  },
  {
    id: 'non-molestation.named-child',
    measures: ['non_molestation_order'],
    kind: 'condition',
    test: hasNamedChild,
    message: 'A non-molestation order protects named children.',
    source: APP2_CIVIL,
  },
  {
    id: 'non-molestation.associated',
    measures: ['non_molestation_order'],
    kind: 'condition',
    test: { fact: 'subject.associatedWithChild', is: true },
    message: "A non-molestation order applies only to people 'associated' with the child.",
    source: APP2_CIVIL,
  },

  // Exclusion orders
  {
    id: 'exclusion.against-person',
    measures: ['exclusion_order'],
    kind: 'condition',
    test: isTarget('person'),
    message: 'An exclusion order excludes a person.',
    source: APP2_CIVIL,
  },
  {
    id: 'exclusion.named-child',
    measures: ['exclusion_order'],
    kind: 'condition',
    test: hasNamedChild,
    message: 'An exclusion order protects a named child.',
    source: APP2_CIVIL,
  },
  {
    id: 'exclusion.care-proceedings',
    measures: ['exclusion_order'],
    kind: 'condition',
    test: { fact: 'proceedings.careOrEmergencyProtectionApplication', is: true },
    message:
      'An exclusion order is sought with an application for an Interim Care Order or an Emergency Protection Order.',
    source: APP2_CIVIL,
  },
  {
    id: 'exclusion.stops-harm',
    measures: ['exclusion_order'],
    kind: 'condition',
    test: { fact: 'judgement.exclusionStopsHarm', is: true },
    message:
      'An exclusion order needs reasonable cause to believe that excluding the person will stop the child suffering, or being likely to suffer, significant harm.',
    source: APP2_CIVIL,
  },
  {
    id: 'exclusion.defined-area',
    measures: ['exclusion_order'],
    kind: 'condition',
    test: { fact: 'exclusion.areaDefined', is: true },
    message:
      'An exclusion order covers a dwelling, house or defined area; it cannot cover an unlimited area.',
    source: APP2_CIVIL,
  },

  // Wardship
  {
    id: 'wardship.local-authority',
    measures: ['wardship_injunction'],
    kind: 'condition',
    test: applicantIs('local_authority'),
    message: 'Appendix 2 describes a wardship application by the local authority to the High Court.',
    source: APP2_CIVIL,
  },
  {
    id: 'wardship.against-person',
    measures: ['wardship_injunction'],
    kind: 'condition',
    test: isTarget('person'),
    message: 'A wardship injunction is sought against named people.',
    source: APP2_CIVIL,
  },
  {
    id: 'wardship.named-child',
    measures: ['wardship_injunction'],
    kind: 'condition',
    test: hasNamedChild,
    message: 'Wardship makes a named child a ward of court.',
    source: APP2_CIVIL,
  },
  {
    id: 'wardship.child-under-18',
    measures: ['wardship_injunction'],
    kind: 'condition',
    test: { eachChild: { childFact: 'age', below: 18 } },
    message: 'Wardship protects children under 18.',
    source: APP2_CIVIL,
  },
  {
    id: 'wardship.significant-harm',
    measures: ['wardship_injunction'],
    kind: 'condition',
    test: { fact: 'judgement.significantHarmLikely', is: true },
    message:
      "A wardship injunction needs reasonable cause to believe the child is likely to suffer significant harm without the court's intervention.",
    source: APP2_CIVIL,
  },

  // Premises, hotels and licensing
  {
    id: 'closure.against-premises',
    measures: ['premises_closure'],
    kind: 'condition',
    test: isTarget('place', 'business'),
    message: 'A closure notice or order is against premises.',
    source: APP2_MEASURES,
  },
  {
    id: 'closure.premises-associated',
    measures: ['premises_closure'],
    kind: 'condition',
    test: { fact: 'judgement.premisesUsedForExploitation', is: true },
    message: 'Closure powers are for premises associated with child sexual exploitation.',
    source: APP2_MEASURES,
  },
  {
    id: 'hotel.against-hotel',
    measures: ['hotel_information_request'],
    kind: 'condition',
    test: { all: [isTarget('place', 'business'), { fact: 'target.overnightAccommodation', is: true }] },
    message: 'A guest information notice is for a hotel, guest house or B&B.',
    source: `${APP2_MEASURES}; Anti-social Behaviour, Crime and Policing Act 2014, s.116`,
  },
  {
    id: 'hotel.issued-by-inspector',
    measures: ['hotel_information_request'],
    kind: 'condition',
    test: { all: [applicantIs('police'), { fact: 'issuer.policeRank', in: ['inspector_or_above'] }] },
    message: 'A guest information notice is issued by a police officer of at least the rank of inspector.',
    source:
      'Anti-social Behaviour, Crime and Policing Act 2014, s.116(1) (not stated in seed 004 Appendix 2)',
  },
  {
    id: 'hotel.reasonable-belief',
    measures: ['hotel_information_request'],
    kind: 'condition',
    test: { fact: 'judgement.premisesUsedForExploitation', is: true },
    message:
      'A guest information notice needs the officer to reasonably believe the hotel has been or will be used for child sexual exploitation.',
    source: `${APP2_MEASURES}; Anti-social Behaviour, Crime and Policing Act 2014, s.116(1)`,
  },
  {
    id: 'licensing.against-licensed',
    measures: ['licensing_review'],
    kind: 'condition',
    test: { fact: 'target.licensed', is: true },
    message:
      'A licensing review needs a licence to review: licensed premises, or a licensed taxi or private hire driver or vehicle.',
    source: APP2_MEASURES,
  },

  // Police and online actions
  {
    id: 'police-attention.by-police',
    measures: ['increased_police_attention', 'other_offence_investigation'],
    kind: 'condition',
    test: applicantIs('police'),
    message: 'Increased police attention and investigations of other offences are police actions.',
    source: APP2_MEASURES,
  },
  {
    id: 'investigation.against-person',
    measures: ['other_offence_investigation'],
    kind: 'condition',
    test: isTarget('person'),
    message: 'An investigation of other offences concerns a person.',
    source: APP2_MEASURES,
  },
  {
    id: 'online-referral.against-online-space',
    measures: ['online_platform_referral'],
    kind: 'condition',
    test: isTarget('online_space'),
    message:
      'A referral to an online platform concerns an online space: an account, group, channel or server.',
    source: APP2_MEASURES,
  },

  // A child who is the subject of any measure against a person is a child first.
  {
    id: 'child-subject.welfare-first',
    measures: PERSON_MEASURES.filter(
      (id) => !['cawn', 'shpo', 'sro', 'criminal_behaviour_order'].includes(id),
    ) as MeasureId[],
    kind: 'requirement',
    when: { all: [isTarget('person'), subjectUnder18] },
    test: {
      all: [
        { fact: 'steps.youthOffendingTeamConsulted', is: true },
        { fact: 'steps.welfareAssessmentDone', is: true },
      ],
    },
    message:
      'Subject under 18 (age {subject.age}), a child first: involve the youth offending team early and make a welfare-first assessment before any measure against them.',
    source: `${APP2_UNDER_18}, applied by the partnership to every measure against a child`,
  },
];
