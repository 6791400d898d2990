/**
 * Disruption measures as data: the orders, notices, referrals and police and licensing actions a
 * partnership uses against the people and places that harm children (PRODUCT.md §3 "perpetrator
 * focus"; capability C6).
 *
 * The facts come from seed 004, Appendix 2 "Guide to disruption orders and legislation", which says
 * itself that it is "not an exhaustive list". Where a field needs a fact Appendix 2 does not give (most
 * durations, some legal bases and applicants), the field says so and names where the fact comes from
 * instead, so a partnership's legal adviser can check each one. Eligibility rules are in
 * eligibility.ts.
 */
export const MEASURE_IDS = [
  'cawn',
  'shpo',
  'sro',
  'stpo',
  'stro',
  'nrm_referral',
  'criminal_behaviour_order',
  'notification_order',
  'non_molestation_order',
  'exclusion_order',
  'wardship_injunction',
  'premises_closure',
  'hotel_information_request',
  'licensing_review',
  'increased_police_attention',
  'online_platform_referral',
  'other_offence_investigation',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

export const APPLICANTS = [
  'police',
  'national_crime_agency',
  'immigration_officer',
  'local_authority',
  'prosecution',
  'first_responder',
  'partnership',
  'not_stated',
] as const;
export type Applicant = (typeof APPLICANTS)[number];

export const APPLICANT_NAMES = {
  police: 'Police',
  national_crime_agency: 'National Crime Agency',
  immigration_officer: 'Immigration officer',
  local_authority: 'Local authority',
  prosecution: 'Prosecution (on conviction)',
  first_responder: 'Another first responder organisation',
  partnership: 'Any partner agency',
  not_stated: 'Not stated in Appendix 2',
} as const satisfies Record<Applicant, string>;

/** What a measure is taken against. `none`: a referral about the child (the NRM). */
export const TARGET_KINDS = ['person', 'place', 'business', 'vehicle', 'online_space', 'none'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
/** The kinds a disruption record can point at: each is a context record. */
export const TARGETABLE_KINDS = ['person', 'place', 'business', 'vehicle', 'online_space'] as const;

export const MEASURE_CATEGORIES = [
  'civil_order',
  'notice',
  'referral',
  'police_action',
  'licensing',
] as const;
export type MeasureCategory = (typeof MEASURE_CATEGORIES)[number];

export interface SourcedFact {
  readonly text: string;
  readonly source: string;
}

export interface DurationLimits {
  readonly minMonths?: number;
  readonly maxMonths?: number;
  /** `refuse`: a record outside the limit is refused; `warn`: it is accepted with a warning to check. */
  readonly enforcement: 'refuse' | 'warn';
  readonly source: string;
}

export interface DisruptionMeasure {
  readonly id: MeasureId;
  readonly name: string;
  readonly shortName: string;
  readonly category: MeasureCategory;
  /** Plain English: what it does. */
  readonly purpose: string;
  readonly applicants: readonly Applicant[];
  readonly applicantsSource: string;
  readonly against: readonly TargetKind[];
  readonly legalBasis: SourcedFact;
  readonly typicalDuration: SourcedFact;
  readonly durationLimits?: DurationLimits;
  /** Whether the measure carries conditions, restrictions or prohibitions recorded with it. */
  readonly hasConditions: boolean;
  /** true / false, or null where Appendix 2 and the named source do not settle it. */
  readonly breachIsOffence: boolean | null;
  readonly breachSource: string;
  /** Whether breaches (contact, a prohibited act) are recorded against the measure. */
  readonly recordsBreaches: boolean;
  /** Whether the measure names the children it protects. */
  readonly namedChildren: 'required' | 'optional';
  /** Where in seed 004 the measure is described. */
  readonly source: string;
}

const APP2 = 'Seed 004 Appendix 2';
export const APP2_MEASURES = `${APP2}, "Disruption measures"`;
export const APP2_CIVIL = `${APP2}, "Civil Orders and other means of controlling individual behaviour"`;
export const APP2_UNDER_18 = `${APP2}, "Civil Orders…": Home Office principles for SHPOs and SROs with children under 18 (Home Office 2015)`;
const RESEARCH_DISRUPTION =
  'Research notes anchor-systems §4.5 (Home Office Child Exploitation Disruption Toolkit)';
const NOT_IN_APP2 = 'Not stated in seed 004 Appendix 2';
const NO_DURATION: SourcedFact = {
  text: 'No fixed duration: an action or referral, reviewed at MACE.',
  source: APP2_MEASURES,
};

export const MEASURES = [
  {
    id: 'cawn',
    name: 'Child Abduction Warning Notice',
    shortName: 'CAWN',
    category: 'notice',
    purpose:
      'Tells an adult, and records that they were told, that they must not associate with or contact a named child. It has no legal force of its own, but it is evidence for prosecuting other offences — for example that the person knew the child was 15, which removes the defence of believing the child was older.',
    applicants: ['police'],
    applicantsSource: APP2_CIVIL,
    against: ['person'],
    legalBasis: {
      text: 'No statutory basis of its own (formerly "harbourers\' warnings"); supports prosecutions such as under s.2 Child Abduction Act 1984 and s.49 Children Act 1989.',
      source: `${APP2_CIVIL}; ${RESEARCH_DISRUPTION}`,
    },
    typicalDuration: {
      text: 'No fixed period: relevant while the named child is under 16, or under 18 if looked after.',
      source: APP2_CIVIL,
    },
    hasConditions: false,
    breachIsOffence: false,
    breachSource: `${APP2_CIVIL}: no statutory basis; contact after a notice is evidence for other offences`,
    recordsBreaches: true,
    namedChildren: 'required',
    source: APP2_CIVIL,
  },
  {
    id: 'shpo',
    name: 'Sexual Harm Prevention Order',
    shortName: 'SHPO',
    category: 'civil_order',
    purpose:
      'Restricts a person convicted or cautioned for a sexual or violent offence, where it is necessary to protect a person or the public from harm: for example limiting internet use, stopping them approaching or being alone with a named child, or prohibiting foreign travel.',
    applicants: ['police', 'national_crime_agency'],
    applicantsSource: APP2_CIVIL,
    against: ['person'],
    legalBasis: { text: 'Sexual Offences Act 2003, Part 2', source: APP2_UNDER_18 },
    typicalDuration: {
      text: 'At least 5 years, or until further order (a foreign travel prohibition at most 5 years at a time).',
      source: `${NOT_IN_APP2}; Sexual Offences Act 2003, Part 2, as amended by the Anti-social Behaviour, Crime and Policing Act 2014`,
    },
    durationLimits: {
      minMonths: 60,
      enforcement: 'warn',
      source: 'Sexual Offences Act 2003, Part 2 (not stated in Appendix 2)',
    },
    hasConditions: true,
    breachIsOffence: true,
    breachSource: `${APP2_CIVIL}: breach without reasonable excuse is punishable by a fine and/or imprisonment`,
    recordsBreaches: true,
    namedChildren: 'optional',
    source: APP2_CIVIL,
  },
  {
    id: 'sro',
    name: 'Sexual Risk Order',
    shortName: 'SRO',
    category: 'civil_order',
    purpose:
      'Like an SHPO, with similar restrictions, but needs no conviction or caution: it can be made when a person has done an act of a sexual nature and an order is necessary to protect a person or the public from harm.',
    applicants: ['police', 'national_crime_agency'],
    applicantsSource: APP2_CIVIL,
    against: ['person'],
    legalBasis: { text: 'Sexual Offences Act 2003, Part 2', source: APP2_UNDER_18 },
    typicalDuration: {
      text: 'At least 2 years, or until further order.',
      source: `${NOT_IN_APP2}; Sexual Offences Act 2003, Part 2, as amended by the Anti-social Behaviour, Crime and Policing Act 2014`,
    },
    durationLimits: {
      minMonths: 24,
      enforcement: 'warn',
      source: 'Sexual Offences Act 2003, Part 2 (not stated in Appendix 2)',
    },
    hasConditions: true,
    breachIsOffence: true,
    breachSource: `${APP2_CIVIL}: "As with SHPOs, breach of the order is an offence punishable by a fine and/or imprisonment"`,
    recordsBreaches: true,
    namedChildren: 'optional',
    source: APP2_CIVIL,
  },
  {
    id: 'stpo',
    name: 'Slavery and Trafficking Prevention Order',
    shortName: 'STPO',
    category: 'civil_order',
    purpose:
      'Restricts the movements and actions of a person convicted of a slavery or human trafficking offence, where they may commit such an offence again and the order is necessary to protect a person or the public. For children trafficked for exploitation, including moved from one area to another within England.',
    applicants: ['police', 'national_crime_agency', 'immigration_officer'],
    applicantsSource: APP2_CIVIL,
    against: ['person'],
    legalBasis: { text: 'Modern Slavery Act 2015', source: APP2_CIVIL },
    typicalDuration: {
      text: 'At least 5 years, or until further order.',
      source: `${NOT_IN_APP2}; Modern Slavery Act 2015, s.17`,
    },
    durationLimits: {
      minMonths: 60,
      enforcement: 'warn',
      source: 'Modern Slavery Act 2015, s.17 (not stated in Appendix 2)',
    },
    hasConditions: true,
    breachIsOffence: true,
    breachSource: `${NOT_IN_APP2}; Modern Slavery Act 2015, s.30`,
    recordsBreaches: true,
    namedChildren: 'optional',
    source: APP2_CIVIL,
  },
  {
    id: 'stro',
    name: 'Slavery and Trafficking Risk Order',
    shortName: 'STRO',
    category: 'civil_order',
    purpose:
      'Restricts a person who has acted in a way that means there is a risk they will commit a slavery or human trafficking offence; no conviction is needed. The order must be necessary to protect a person or the public.',
    applicants: ['police', 'national_crime_agency', 'immigration_officer'],
    applicantsSource: APP2_CIVIL,
    against: ['person'],
    legalBasis: { text: 'Modern Slavery Act 2015', source: APP2_CIVIL },
    typicalDuration: {
      text: 'At least 2 years, or until further order.',
      source: `${NOT_IN_APP2}; Modern Slavery Act 2015, s.24`,
    },
    durationLimits: {
      minMonths: 24,
      enforcement: 'warn',
      source: 'Modern Slavery Act 2015, s.24 (not stated in Appendix 2)',
    },
    hasConditions: true,
    breachIsOffence: true,
    breachSource: `${NOT_IN_APP2}; Modern Slavery Act 2015, s.30`,
    recordsBreaches: true,
    namedChildren: 'optional',
    source: APP2_CIVIL,
  },
  {
    id: 'nrm_referral',
    name: 'National Referral Mechanism referral',
    shortName: 'NRM referral',
    category: 'referral',
    purpose:
      'Refers a child who may be a victim of human trafficking or modern slavery (domestic or international) to the national framework, so they get safe accommodation, protection, support and advice. Referrals also build the evidence about traffickers.',
    applicants: ['police', 'local_authority', 'first_responder'],
    applicantsSource: `${NOT_IN_APP2}; NRM first responder organisations include the police and local authorities`,
    against: ['none'],
    legalBasis: { text: 'National Referral Mechanism (a framework, not an order)', source: APP2_CIVIL },
    typicalDuration: {
      text: 'A referral: it ends with the decision on the child\u2019s case.',
      source: APP2_CIVIL,
    },
    hasConditions: false,
    breachIsOffence: false,
    breachSource: 'A referral has nothing to breach',
    recordsBreaches: false,
    namedChildren: 'required',
    source: APP2_CIVIL,
  },
  {
    id: 'criminal_behaviour_order',
    name: 'Criminal Behaviour Order',
    shortName: 'CBO',
    category: 'civil_order',
    purpose:
      'Made on conviction for any criminal offence (Crown Court, magistrates\u2019 court or youth court) to restrict an offender whose behaviour caused, or was likely to cause, harassment, alarm or distress, if the order will help prevent that behaviour.',
    applicants: ['prosecution'],
    applicantsSource: APP2_CIVIL,
    against: ['person'],
    legalBasis: {
      text: 'Anti-social Behaviour, Crime and Policing Act 2014, Part 2',
      source: `${NOT_IN_APP2}; the Act named`,
    },
    typicalDuration: {
      text: 'Adults: at least 2 years or until further order. Under 18: between 1 and 3 years.',
      source: `${NOT_IN_APP2}; Anti-social Behaviour, Crime and Policing Act 2014, s.25`,
    },
    hasConditions: true,
    breachIsOffence: true,
    breachSource: `${NOT_IN_APP2}; Anti-social Behaviour, Crime and Policing Act 2014, s.30`,
    recordsBreaches: true,
    namedChildren: 'optional',
    source: APP2_CIVIL,
  },
  {
    id: 'notification_order',
    name: 'Notification order',
    shortName: 'Notification order',
    category: 'civil_order',
    purpose:
      'Makes a person convicted or cautioned for sexual offences committed overseas subject to the same notification requirements as if they had been convicted in the UK.',
    applicants: ['police'],
    applicantsSource: `${NOT_IN_APP2}; Sexual Offences Act 2003, Part 2 (application by the police)`,
    against: ['person'],
    legalBasis: { text: 'Sexual Offences Act 2003, Part 2', source: `${NOT_IN_APP2}; the Act named` },
    typicalDuration: {
      text: 'The notification period that would apply to the equivalent conviction or caution in the UK.',
      source: APP2_CIVIL,
    },
    hasConditions: true,
    breachIsOffence: true,
    breachSource: `${NOT_IN_APP2}; Sexual Offences Act 2003, Part 2 (failure to comply with notification requirements)`,
    recordsBreaches: true,
    namedChildren: 'optional',
    source: APP2_CIVIL,
  },
  {
    id: 'non_molestation_order',
    name: 'Non-molestation order',
    shortName: 'Non-molestation order',
    category: 'civil_order',
    purpose:
      'A civil injunction protecting named children from abuse by a person, and by anyone acting on that person\u2019s behalf. It applies only to people "associated" with the child.',
    applicants: ['not_stated'],
    applicantsSource: NOT_IN_APP2,
    against: ['person'],
    legalBasis: { text: 'Family Law Act 1996, Part 4', source: `${NOT_IN_APP2}; the Act named` },
    typicalDuration: {
      text: 'For the period the court specifies, or until further order.',
      source: `${NOT_IN_APP2}; Family Law Act 1996`,
    },
    hasConditions: true,
    breachIsOffence: true,
    breachSource: `${APP2_CIVIL}: "It is an offence if the order is breached"`,
    recordsBreaches: true,
    namedChildren: 'required',
    source: APP2_CIVIL,
  },
  {
    id: 'exclusion_order',
    name: 'Exclusion order',
    shortName: 'Exclusion order',
    category: 'civil_order',
    purpose:
      'Sought with an application for an Interim Care Order or Emergency Protection Order: excludes a person from the dwelling, house or defined area where the child lives, where that will stop the child suffering, or being likely to suffer, significant harm. It cannot cover an unlimited area.',
    applicants: ['local_authority'],
    applicantsSource: `${APP2_CIVIL} (made with the local authority\u2019s application for an Interim Care Order or Emergency Protection Order)`,
    against: ['person'],
    legalBasis: {
      text: 'Children Act 1989 (exclusion requirement in an Interim Care Order or Emergency Protection Order)',
      source: `${NOT_IN_APP2}; the Act named`,
    },
    typicalDuration: {
      text: 'No longer than the Interim Care Order or Emergency Protection Order it goes with.',
      source: `${NOT_IN_APP2}; Children Act 1989`,
    },
    hasConditions: true,
    breachIsOffence: null,
    breachSource: NOT_IN_APP2,
    recordsBreaches: true,
    namedChildren: 'required',
    source: APP2_CIVIL,
  },
  {
    id: 'wardship_injunction',
    name: 'Wardship and injunction',
    shortName: 'Wardship',
    category: 'civil_order',
    purpose:
      'The local authority asks the High Court to make a named child a ward of court and to grant an injunction stopping named people from any contact with the child, where the child is likely to suffer significant harm without the court\u2019s intervention (for example BCC v Riaz [2014] EWHC 4247 (Fam)).',
    applicants: ['local_authority'],
    applicantsSource: APP2_CIVIL,
    against: ['person'],
    legalBasis: { text: 'Inherent jurisdiction of the High Court (wardship)', source: APP2_CIVIL },
    typicalDuration: {
      text: 'Until the court ends the wardship or the child turns 18.',
      source: `${NOT_IN_APP2}; wardship ends at 18`,
    },
    hasConditions: true,
    breachIsOffence: null,
    breachSource: `${NOT_IN_APP2} (breach of an injunction is dealt with by the court)`,
    recordsBreaches: true,
    namedChildren: 'required',
    source: APP2_CIVIL,
  },
  {
    id: 'premises_closure',
    name: 'Premises closure notice or order',
    shortName: 'Closure',
    category: 'civil_order',
    purpose: 'Closes premises associated with child sexual exploitation.',
    applicants: ['police', 'local_authority'],
    applicantsSource: `${APP2_MEASURES}; ${RESEARCH_DISRUPTION}`,
    against: ['place', 'business'],
    legalBasis: {
      text: 'Closure of premises used for child sex offences: Sexual Offences Act 2003, Part 2A, as extended by the Anti-social Behaviour, Crime and Policing Act 2014',
      source: `${APP2_MEASURES} ("powers to … close down premises associated with child sexual exploitation"); ${RESEARCH_DISRUPTION}`,
    },
    typicalDuration: {
      text: 'A closure notice lasts up to 48 hours; a closure order up to 3 months, extendable to 6 months in all.',
      source: `${NOT_IN_APP2}; Sexual Offences Act 2003, Part 2A`,
    },
    durationLimits: {
      maxMonths: 6,
      enforcement: 'warn',
      source: 'Sexual Offences Act 2003, Part 2A (not stated in Appendix 2)',
    },
    hasConditions: true,
    breachIsOffence: null,
    breachSource: NOT_IN_APP2,
    recordsBreaches: true,
    namedChildren: 'optional',
    source: APP2_MEASURES,
  },
  {
    id: 'hotel_information_request',
    name: 'Hotel and B&B guest information notice',
    shortName: 'Hotel information notice',
    category: 'notice',
    purpose:
      'Requires a hotel, guest house or B&B that the police reasonably believe has been or will be used for child sexual exploitation to give the police information about its guests (names and addresses).',
    applicants: ['police'],
    applicantsSource: `${RESEARCH_DISRUPTION}; Anti-social Behaviour, Crime and Policing Act 2014, s.116 (an officer of at least the rank of inspector)`,
    against: ['place', 'business'],
    legalBasis: {
      text: 'Anti-social Behaviour, Crime and Policing Act 2014, s.116',
      source: `${APP2_MEASURES} ("licensing laws and powers to obtain guest information"); ${RESEARCH_DISRUPTION}`,
    },
    typicalDuration: {
      text: 'The notice states when it comes into effect and when it expires: at most 6 months later.',
      source: 'Anti-social Behaviour, Crime and Policing Act 2014, s.116(3)',
    },
    durationLimits: {
      maxMonths: 6,
      enforcement: 'refuse',
      source: 'Anti-social Behaviour, Crime and Policing Act 2014, s.116(3)',
    },
    hasConditions: false,
    breachIsOffence: null,
    breachSource: NOT_IN_APP2,
    recordsBreaches: true,
    namedChildren: 'optional',
    source: APP2_MEASURES,
  },
  {
    id: 'licensing_review',
    name: 'Licensing review',
    shortName: 'Licensing review',
    category: 'licensing',
    purpose:
      'Uses licensing powers against licensed premises, or licensed taxi and private hire drivers and vehicles, associated with child sexual exploitation: a review can add conditions, suspend or revoke a licence.',
    applicants: ['local_authority', 'police'],
    applicantsSource: `${APP2_MEASURES}; ${RESEARCH_DISRUPTION}`,
    against: ['place', 'business', 'person', 'vehicle'],
    legalBasis: {
      text: 'Licensing Act 2003 (premises licences); local taxi and private hire licensing',
      source: `${APP2_MEASURES} ("use of licensing laws and powers"); ${RESEARCH_DISRUPTION}`,
    },
    typicalDuration: { text: 'Decided by the licensing authority.', source: NOT_IN_APP2 },
    hasConditions: true,
    breachIsOffence: null,
    breachSource: NOT_IN_APP2,
    recordsBreaches: true,
    namedChildren: 'optional',
    source: APP2_MEASURES,
  },
  {
    id: 'increased_police_attention',
    name: 'Increased police attention',
    shortName: 'Police attention',
    category: 'police_action',
    purpose:
      'More police attention on a person (checking car tax, the roadworthiness of their car and so on) or more police presence at places of concern, online or offline.',
    applicants: ['police'],
    applicantsSource: APP2_MEASURES,
    against: ['person', 'place', 'business', 'vehicle', 'online_space'],
    legalBasis: { text: 'Ordinary police powers; no order is needed.', source: APP2_MEASURES },
    typicalDuration: NO_DURATION,
    hasConditions: false,
    breachIsOffence: false,
    breachSource: 'An action has nothing to breach',
    recordsBreaches: false,
    namedChildren: 'optional',
    source: APP2_MEASURES,
  },
  {
    id: 'online_platform_referral',
    name: 'Referral to an online platform',
    shortName: 'Platform referral',
    category: 'referral',
    purpose:
      'Works with internet and platform providers to address online risks: reporting an account, group or content so the platform can remove it or act.',
    applicants: ['partnership'],
    applicantsSource: APP2_MEASURES,
    against: ['online_space'],
    legalBasis: {
      text: 'The platform\u2019s own terms and reporting routes; no order is needed.',
      source: APP2_MEASURES,
    },
    typicalDuration: NO_DURATION,
    hasConditions: false,
    breachIsOffence: false,
    breachSource: 'A referral has nothing to breach',
    recordsBreaches: false,
    namedChildren: 'optional',
    source: APP2_MEASURES,
  },
  {
    id: 'other_offence_investigation',
    name: 'Investigation of other offences',
    shortName: 'Other offences',
    category: 'police_action',
    purpose: 'Investigating other crimes a person may be involved in, such as drugs or theft.',
    applicants: ['police'],
    applicantsSource: APP2_MEASURES,
    against: ['person'],
    legalBasis: { text: 'The offences investigated.', source: APP2_MEASURES },
    typicalDuration: NO_DURATION,
    hasConditions: false,
    breachIsOffence: false,
    breachSource: 'An investigation has nothing to breach',
    recordsBreaches: false,
    namedChildren: 'optional',
    source: APP2_MEASURES,
  },
] as const satisfies readonly DisruptionMeasure[];

export const MEASURE_BY_ID: ReadonlyMap<MeasureId, DisruptionMeasure> = new Map(
  (MEASURES as readonly DisruptionMeasure[]).map((m) => [m.id, m]),
);

export function measure(id: MeasureId): DisruptionMeasure {
  const m = MEASURE_BY_ID.get(id);
  if (!m) throw new RangeError(`unknown disruption measure: ${id}`);
  return m;
}

/** The summary the issue asks for: police, the local authority, both, or others. */
export function whoCanApply(m: DisruptionMeasure): 'police' | 'local_authority' | 'both' | 'other' {
  const police = m.applicants.includes('police');
  const la = m.applicants.includes('local_authority');
  if (police && la) return 'both';
  if (police) return 'police';
  if (la) return 'local_authority';
  return 'other';
}
