/**
 * Meetings (issue 5): the partnership's terms of reference, triage rules and lists, as versioned data.
 *
 * Local arrangements differ in names, chairs, membership and timescales (seed 003 research note §10:
 * "Terminology varies by area"; "Timescales are absent"), so everything a partnership may reasonably
 * change lives here, each entry with its source, rather than in code. Seed 003 Rec 16 asks for MACE
 * meetings with standard terms of reference that set the chair and vice-chair: `termsOfReference` is
 * that standard, and a partnership copies it, changes what its protocol says and bumps the version.
 * Records keep the version they were made under.
 *
 * Where a value is Lantern's own default rather than something a seed says, its source says so.
 */
import type { z } from 'zod';
import { type MeetingsConfig, meetingsConfigSchema } from './config.schema.ts';
import {
  LANTERN_DEFAULT,
  SEED_003_REC16,
  SEED_003_REC23,
  SEED_004_MACE,
  SEED_004_OVERSIGHT,
  SEED_004_RAF,
  SEED_004_RESPOND,
  SEED_004_SECTION_B,
  SEED_004_SIGNIFICANT_HARM,
} from './sources.ts';
import { DEFAULT_MEETING_TYPES } from './terms-of-reference.ts';

export * from './config.schema.ts';

/**
 * The shipped configuration, validated when this module loads so that a broken edit fails at start-up
 * rather than in the middle of a meeting.
 */
export const MEETINGS_CONFIG: MeetingsConfig = meetingsConfigSchema.parse({
  version: '2026.1',
  source: 'Issue 5 (meetings); seed 004; seed 003 Rec 16 and Rec 23; sources per entry',
  meetingTypes: DEFAULT_MEETING_TYPES,
  triage: {
    source: 'Issue 5 item 2; seed 004 "Multi Agency Child Exploitation risk assessment and meeting"',
    levelsOfConcern: [
      { id: 'no_significant_risk', label: 'No significant risk' },
      { id: 'mild', label: 'Mild' },
      { id: 'moderate', label: 'Moderate' },
      { id: 'significant', label: 'Significant' },
      { id: 'severe', label: 'Severe' },
    ],
    rules: {
      mace_risk_assessment: {
        enabled: true,
        source: `${SEED_004_MACE}: the MACE risk assessment is presented for discussion at the monthly triage`,
      },
      level_of_concern: {
        enabled: true,
        source: `Issue 5 item 2; ${SEED_004_RAF} (the continuum from no significant risk to severe)`,
      },
      missing_episodes: {
        enabled: true,
        episodes: 3,
        withinDays: 90,
        requireEpisodeSinceLastTriage: true,
        source:
          'Issue 5 item 2 and issue 7 (3 episodes in 90 days, the same rule as the missing episodes ' +
          'configuration); seed 004 RAF names going missing as a significant change',
      },
      new_connections: {
        enabled: true,
        minimum: 1,
        source: `Issue 5 item 2; ${SEED_004_OVERSIGHT} (connections between children, persons of concern, places)`,
      },
      overdue_actions: {
        enabled: true,
        minimum: 1,
        source: 'Issue 5 items 2 and 7 (actions that do not drift)',
      },
      raised_by_agency: {
        enabled: true,
        source:
          'Issue 5 item 2 (contexts raised by any agency); seed 003 research note §9 item 13 (a professional ' +
          'can always ask for a multi-agency discussion)',
      },
      new_links: {
        enabled: true,
        minimum: 1,
        source: `${SEED_004_OVERSIGHT}: connections between children and persons of concern, places and premises`,
      },
      linked_children_on_list: {
        enabled: true,
        minimum: 2,
        source: `${SEED_003_REC16} (repeat offenders, locations, victims); ${SEED_004_OVERSIGHT}`,
      },
    },
  },
  lawfulBases: [
    {
      id: 'consent',
      label: 'Consent',
      description:
        'The young person, or where appropriate their parent or carer, agreed to the information being shared.',
      isConsent: true,
      source: `${SEED_004_RESPOND}: "Wherever possible practitioners should share confidential personal information with consent"`,
    },
    {
      id: 'public_interest_significant_harm',
      label: 'Without consent: protecting the child from significant harm',
      description:
        'The child is suffering, or is likely to suffer, significant harm, and the public interest in protecting ' +
        'them outweighs the duty of confidentiality.',
      isConsent: false,
      source: SEED_004_RESPOND,
    },
    {
      id: 'children_act_1989_s47',
      label: 'Children Act 1989, section 47',
      description:
        'Enquiries where there is reasonable cause to suspect that a child is suffering, or is likely to suffer, significant harm.',
      isConsent: false,
      source: SEED_004_SECTION_B,
    },
    {
      id: 'children_act_1989_s17',
      label: 'Children Act 1989, section 17',
      description: 'Services to safeguard and promote the welfare of a child in need.',
      isConsent: false,
      source: `${SEED_004_SECTION_B}; seed 001 §3.1`,
    },
    {
      id: 'children_act_2004_s10_s11',
      label: 'Children Act 2004, sections 10 and 11',
      description:
        'The duty of partner agencies to co-operate to improve the wellbeing of children, and to safeguard and ' +
        'promote their welfare when carrying out their functions.',
      isConsent: false,
      source: SEED_004_SECTION_B,
    },
    {
      id: 'crime_and_disorder_act_1998_s115',
      label: 'Crime and Disorder Act 1998, section 115',
      description:
        'Disclosure to the police, the local authority, health bodies and other relevant authorities where ' +
        'necessary or expedient for the purposes of the Act, such as preventing crime.',
      isConsent: false,
      source: 'Issue 5 (named by the partnership); not in the seeds',
    },
    {
      id: 'uk_gdpr_public_task_safeguarding',
      label: 'UK GDPR Art 6(1)(e) and Art 9(2)(g), with DPA 2018 Schedule 1',
      description:
        'A task carried out in the public interest or in the exercise of official authority; for special ' +
        'category data, substantial public interest under the safeguarding of children and of individuals at ' +
        'risk condition (Data Protection Act 2018, Schedule 1, Part 2, paragraph 18).',
      isConsent: false,
      source: 'Issue 5; research note anchor-systems, capability table (UK GDPR Art 6/9)',
    },
    {
      id: 'dpa_2018_part3_sch8_safeguarding',
      label: 'DPA 2018 Part 3, Schedule 8 (law enforcement: safeguarding of children)',
      description:
        'Police sharing for a law enforcement purpose, under the safeguarding of children and of individuals ' +
        'at risk condition.',
      isConsent: false,
      source: 'Research note anchor-systems, capability table (DPA 2018 Sch. 8 safeguarding)',
    },
  ],
  participation: {
    offerFromAge: 14,
    notInvitedReasons: [
      {
        id: 'information_could_reach_person_of_concern',
        label: 'What is discussed could reach the people exploiting the child and put them at greater risk',
        source: `${SEED_003_REC23}: professionals' concern that the young person may "tell the person"`,
      },
      {
        id: 'urgent_discussion',
        label: 'The discussion was urgent and there was no time to invite them safely',
        source: `${SEED_004_SIGNIFICANT_HARM}; ${LANTERN_DEFAULT}`,
      },
      {
        id: 'age_or_understanding',
        label: 'Their age or understanding: their views were gathered another way',
        source: `${SEED_003_REC23}: young people suggest the option from around 14 or 15`,
      },
      {
        id: 'asked_not_to_be_invited',
        label: 'They asked not to be invited: their views were gathered another way',
        source: SEED_003_REC23,
      },
      {
        id: 'family_member_not_safe_to_attend',
        label: 'A family member was not invited because their attending would not be safe for the child',
        source: 'Seed 004, "Working with families" (where assessment shows it is safe and appropriate)',
      },
      { id: 'other', label: 'Another reason (explained below)', source: LANTERN_DEFAULT },
    ],
    toldOutcomeHow: [
      { id: 'in_person', label: 'In person' },
      { id: 'phone_or_video', label: 'By phone or video call' },
      { id: 'letter', label: 'By letter' },
      { id: 'message', label: 'By text or other message' },
      { id: 'through_their_representative', label: 'Through the person they chose to represent them' },
    ],
    tellOutcomeWithinDays: 5,
    source:
      `${SEED_003_REC23}; PRODUCT.md §3 ("told the outcome"). The age: young people suggest the option ` +
      `from around 14 or 15 (seed 003 §4.55). The reminder after 5 days: ${LANTERN_DEFAULT}`,
  },
  statutoryPlans: {
    names: {
      early_help: 'Early Help plan',
      child_in_need: 'Child in Need plan (Children Act 1989, section 17)',
      child_protection: 'Child Protection plan',
      looked_after: 'Looked After',
    },
    qualifying: ['child_in_need', 'child_protection', 'looked_after'],
    source:
      `${SEED_004_OVERSIGHT}: "all children and young people on the MACE agenda should have already been ` +
      "referred through to Children's Services and be subject to a Child in Need, Child Protection plan or be " +
      'Looked After … In these circumstances an immediate referral to Children\'s Services should be made." ' +
      'An Early Help plan on its own is not a referral to Children’s Services, so by default it still prompts ' +
      'the referral; a partnership that counts it adds early_help to the qualifying plans',
  },
  actions: {
    escalateWhenOverdueByDays: 1,
    notify: ['meeting_chair', 'owner_manager'],
    source: 'Issue 5 item 7: overdue actions go to the chair and the owner’s manager',
  },
} satisfies z.input<typeof meetingsConfigSchema>);
