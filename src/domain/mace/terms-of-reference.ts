/**
 * The default terms of reference for each kind of meeting (seed 003 Rec 16: "standard terms of
 * reference" that set the chair and vice-chair), with their sources. A partnership copies and edits
 * them in its configuration.
 */
import type { z } from 'zod';
import type { CitedText, meetingsConfigSchema } from './config.schema.ts';
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
  WORKING_TOGETHER,
} from './sources.ts';

type MeetingTypesInput = z.input<typeof meetingsConfigSchema>['meetingTypes'];
type ChairInput = MeetingTypesInput['mace']['termsOfReference']['chair'];

const INFORMATION_SHARING: CitedText = {
  text:
    'Information is shared with consent wherever possible. Where a child is suffering, or is likely to ' +
    'suffer, significant harm, it is shared without consent when the public interest in protecting the child ' +
    'outweighs the duty of confidentiality. Each piece of information shared records who shared it, their ' +
    'agency and its lawful basis; police intelligence, health and third-party information stay in the ' +
    'restricted minutes.',
  source: `${SEED_004_RESPOND}; PRODUCT.md §3 ("Need to know")`,
};

const MACE_CHAIR = {
  roles: ['mace_chair'],
  agencyTypes: ['childrens_social_care', 'police'],
  source:
    `${SEED_003_REC16}: MACE is chaired by children's services in some areas and the police in others; the ` +
    'terms of reference set the chair and vice-chair',
} satisfies ChairInput;

const CASE_CHAIR = {
  roles: ['manager'],
  agencyTypes: ['childrens_social_care'],
  source: `${WORKING_TOGETHER}; the local authority convenes`,
} satisfies ChairInput;

export const DEFAULT_MEETING_TYPES = {
  strategy: {
    label: 'Strategy discussion or meeting',
    description:
      'A multi-agency discussion or meeting about one child, when there are indications that the child is ' +
      'at risk of or experiencing sexual or criminal exploitation.',
    scope: 'one_child',
    cadence: {
      kind: 'as_needed',
      note: 'Held whenever there are indications of significant harm; never waits for the next MACE.',
      source: SEED_004_SIGNIFICANT_HARM,
    },
    youngPersonAndFamilyTakePart: true,
    termsOfReference: {
      purpose: [
        {
          text:
            'Determine the next course of action for a child at risk of or experiencing child sexual and/or ' +
            'criminal exploitation, in accordance with the local procedures and Working Together.',
          source: SEED_004_SIGNIFICANT_HARM,
        },
        {
          text:
            'Agree the safety plan, the disruption and investigation actions aimed at the people and places ' +
            'causing harm, and who tells the child and family what.',
          source: 'PRODUCT.md §2 step 5; seed 004 Appendix 2 (disruption)',
        },
        {
          text:
            'Give the young person and their family the chance to take part: invited, where appropriate, to ' +
            'the part of the meeting where the plan of support and protection is discussed and decided, or ' +
            'represented by a person they choose, and told the outcome afterwards.',
          source: SEED_003_REC23,
        },
      ],
      chair: CASE_CHAIR,
      coreAgencies: ['childrens_social_care', 'police', 'health'],
      quorum: { agencies: ['childrens_social_care', 'police', 'health'], source: WORKING_TOGETHER },
      outputs: [
        { text: 'A safety plan and a plan of support and protection.', source: SEED_003_REC23 },
        {
          text: 'Actions with an owner, an agency and a due date, including disruption and investigation.',
          source: 'Issue 5 item 3; seed 003 research note §9 item 17',
        },
      ],
      informationSharing: INFORMATION_SHARING,
    },
  },
  mace_triage: {
    label: 'MACE triage',
    description: 'The monthly meeting that decides which children and contexts go to the MACE meeting.',
    scope: 'partnership',
    cadence: { kind: 'monthly', note: 'Held each month, before the MACE meeting.', source: SEED_004_MACE },
    youngPersonAndFamilyTakePart: false,
    termsOfReference: {
      purpose: [
        {
          text:
            "Determine which children's cases will be discussed at the monthly MACE meeting, based on the " +
            'level of risk and on where further multi-agency discussion is required to formulate additional ' +
            "actions to complement the child's statutory plan.",
          source: SEED_004_MACE,
        },
        {
          text:
            "Consider each child's MACE risk assessment, which complements the Risk Analysis Framework and " +
            "runs parallel to the child's statutory plan.",
          source: SEED_004_OVERSIGHT,
        },
      ],
      chair: MACE_CHAIR,
      viceChair: MACE_CHAIR,
      coreAgencies: ['childrens_social_care', 'police', 'health', 'education'],
      quorum: { agencies: ['childrens_social_care', 'police'], source: LANTERN_DEFAULT },
      outputs: [
        {
          text:
            'A decision for every child and context on the triage list (discuss at MACE, single-agency ' +
            'action, or no further MACE action), with its reasons.',
          source: 'Issue 5 item 2',
        },
      ],
      informationSharing: INFORMATION_SHARING,
    },
  },
  mace: {
    label: 'MACE meeting',
    description:
      'The monthly Multi-Agency Child Exploitation meeting: management oversight of the children and ' +
      'contexts triage sends to it.',
    scope: 'partnership',
    cadence: { kind: 'monthly', note: 'Held each month, after the MACE triage.', source: SEED_004_MACE },
    youngPersonAndFamilyTakePart: false,
    termsOfReference: {
      purpose: [
        {
          text:
            'A specific focus on the risk factors in relation to child sexual and criminal exploitation at a ' +
            'management level, allowing for added value.',
          source: SEED_004_MACE,
        },
        {
          text:
            'Cross-reference intelligence on connections between children and young people, persons of ' +
            'concern, places and premises; view groups of children’s risk assessments collectively; identify ' +
            'emerging themes and hot spots.',
          source: SEED_004_OVERSIGHT,
        },
        {
          text: 'Look at the cross-cutting issues around repeat offenders, locations and victims.',
          source: SEED_003_REC16,
        },
        {
          text:
            "Agree actions that complement each child's statutory plan. Every child on the MACE agenda is on a " +
            "statutory plan, or is referred to Children's Services immediately.",
          source: SEED_004_OVERSIGHT,
        },
      ],
      chair: MACE_CHAIR,
      viceChair: MACE_CHAIR,
      coreAgencies: [
        'childrens_social_care',
        'police',
        'health',
        'education',
        'youth_justice',
        'voluntary_sector',
        'housing',
      ],
      quorum: {
        agencies: ['childrens_social_care', 'police', 'health', 'education'],
        source: `${SEED_004_SECTION_B}: an effective response is collaborative and multi-agency; ${LANTERN_DEFAULT}`,
      },
      outputs: [
        {
          text: 'Actions agreed for each child and context, with an owner, an agency and a due date.',
          source: 'Issue 5 item 3',
        },
        {
          text: 'The persons of concern and places that appear in more than one item, shown to the meeting.',
          source: SEED_004_OVERSIGHT,
        },
      ],
      informationSharing: INFORMATION_SHARING,
    },
  },
  review: {
    label: 'Review meeting',
    description: "A multi-agency meeting that reviews one child's plan and the actions agreed for them.",
    scope: 'one_child',
    cadence: { kind: 'every_weeks', weeks: 6, source: LANTERN_DEFAULT },
    youngPersonAndFamilyTakePart: true,
    termsOfReference: {
      purpose: [
        {
          text:
            "Review the child's plan and the actions agreed for them. The risk analysis is repeated at " +
            "milestones such as reviews of the child's plan, and when significant change occurs.",
          source: SEED_004_RAF,
        },
        {
          text:
            'Give the young person and their family the chance to take part, or to be represented by a person ' +
            'they choose, and tell them the outcome.',
          source: SEED_003_REC23,
        },
      ],
      chair: CASE_CHAIR,
      coreAgencies: ['childrens_social_care', 'police', 'health'],
      quorum: { agencies: ['childrens_social_care'], source: LANTERN_DEFAULT },
      outputs: [
        {
          text: 'The reviewed plan, and actions carried over or closed with evidence.',
          source: 'Issue 5 item 7',
        },
      ],
      informationSharing: INFORMATION_SHARING,
    },
  },
} satisfies MeetingTypesInput;
