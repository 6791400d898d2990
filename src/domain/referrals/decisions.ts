/**
 * Screening decisions (seed 004 "Referral"; PRODUCT §2 step 3) and what each one sets: the statutory
 * status where the decision itself confers one, and the follow-on tasks with their timescales.
 * Data, versioned: a partnership changes the tasks and timescales here without touching the service.
 */

export const SCREENING_DECISIONS = [
  'no_further_action',
  'early_help_assessment',
  'childrens_services_assessment',
  'strategy_discussion',
  'immediate_police_action',
] as const;
export type ScreeningDecision = (typeof SCREENING_DECISIONS)[number];

export const STATUTORY_STATUSES = [
  'early_help',
  'child_in_need',
  'child_protection',
  'looked_after',
] as const;
export type StatutoryStatus = (typeof STATUTORY_STATUSES)[number];

export const STATUTORY_STATUS_NAMES = {
  early_help: 'Early Help',
  child_in_need: 'Child in Need (section 17)',
  child_protection: 'Child Protection',
  looked_after: 'Looked After',
} as const satisfies Record<StatutoryStatus, string>;

/**
 * Which open statuses a new status replaces. Looked After runs alongside any plan; Child Protection
 * replaces Child in Need and Early Help; Child in Need replaces Early Help.
 */
export const STATUS_SUPERSEDES = {
  early_help: [],
  child_in_need: ['early_help'],
  child_protection: ['early_help', 'child_in_need'],
  looked_after: [],
} as const satisfies Record<StatutoryStatus, readonly StatutoryStatus[]>;

export interface FollowOnTask {
  readonly kind: string;
  readonly title: string;
  readonly dueInWorkingDays: number;
}

export interface DecisionRule {
  readonly name: string;
  /** What the decision means, for the screener choosing it. */
  readonly description: string;
  /** What the referrer is told this decision means (shown with the screener's own feedback). */
  readonly outcomeForReferrer: string;
  /** The statutory status the decision confers, or null when a later step confers it. */
  readonly setsStatus: StatutoryStatus | null;
  readonly tasks: readonly FollowOnTask[];
  /** Advice to the referrer and family is required (no further action must still help). */
  readonly requiresAdvice: boolean;
}

export const DECISION_RULES_VERSION = '2025.1';

export const DECISION_RULES = {
  no_further_action: {
    name: 'No further action, with advice',
    description:
      'No statutory service is needed now. Record the advice given to the referrer and, where they know of the referral, the child and family.',
    outcomeForReferrer: 'Children’s services will not take further action now. Advice has been given.',
    setsStatus: null,
    requiresAdvice: true,
    tasks: [
      {
        kind: 'share_advice',
        title:
          'Share the advice with the referrer and, where they know of the referral, the child and family',
        dueInWorkingDays: 1,
      },
    ],
  },
  early_help_assessment: {
    name: 'Early Help Assessment',
    description: 'Support through an Early Help Assessment and plan, with the family’s agreement.',
    outcomeForReferrer: 'The child and family will be offered an Early Help Assessment.',
    setsStatus: 'early_help',
    requiresAdvice: false,
    tasks: [
      { kind: 'allocate_early_help', title: 'Allocate an Early Help lead practitioner', dueInWorkingDays: 2 },
      {
        kind: 'early_help_assessment',
        title: 'Start the Early Help Assessment with the child and family',
        dueInWorkingDays: 10,
      },
    ],
  },
  childrens_services_assessment: {
    name: 'Children’s Services Assessment (child in need, section 17)',
    description: 'A social work assessment of the child’s needs under section 17 of the Children Act 1989.',
    outcomeForReferrer: 'A social worker will assess the child’s needs.',
    setsStatus: 'child_in_need',
    requiresAdvice: false,
    tasks: [
      {
        kind: 'allocate_social_worker',
        title: 'Allocate a social worker as lead worker',
        dueInWorkingDays: 1,
      },
      { kind: 'see_child', title: 'See the child and hear their wishes and feelings', dueInWorkingDays: 5 },
      {
        kind: 'complete_assessment',
        title: 'Complete the Children’s Services Assessment',
        dueInWorkingDays: 45,
      },
    ],
  },
  strategy_discussion: {
    name: 'Strategy discussion (significant harm, section 47)',
    description:
      'Reasonable cause to suspect significant harm: convene a multi-agency strategy discussion. A child protection plan, if needed, follows a conference, not this decision.',
    outcomeForReferrer:
      'Agencies will meet to plan how to keep the child safe. You may be asked to take part.',
    setsStatus: null,
    requiresAdvice: false,
    tasks: [
      {
        kind: 'strategy_discussion',
        title: 'Hold the strategy discussion with police, health and the referrer’s agency',
        dueInWorkingDays: 1,
      },
      {
        kind: 'allocate_social_worker',
        title: 'Allocate a social worker as lead worker',
        dueInWorkingDays: 1,
      },
    ],
  },
  immediate_police_action: {
    name: 'Immediate police action',
    description: 'The child needs police protection now. Police act first; a strategy discussion follows.',
    outcomeForReferrer: 'The police are acting now to keep the child safe.',
    setsStatus: null,
    requiresAdvice: false,
    tasks: [
      {
        kind: 'confirm_police_action',
        title: 'Confirm with the police what action was taken and that the child is safe',
        dueInWorkingDays: 0,
      },
      {
        kind: 'strategy_discussion',
        title: 'Hold the strategy discussion after police action',
        dueInWorkingDays: 1,
      },
    ],
  },
} as const satisfies Record<ScreeningDecision, DecisionRule>;

export const REFERRAL_STATUS_NAMES = {
  awaiting_decision: 'Received, waiting for a screening decision',
  decided: 'Decision made',
} as const;

export const HARM_KINDS = ['sexual', 'criminal', 'other'] as const;
export type HarmKind = (typeof HARM_KINDS)[number];
export const HARM_KIND_NAMES = {
  sexual: 'Sexual exploitation',
  criminal: 'Criminal exploitation',
  other: 'Other exploitation or harm',
} as const satisfies Record<HarmKind, string>;

/** What to do now when the referrer says the child is in immediate danger (seed 004: police now). */
export const IMMEDIATE_DANGER_GUIDANCE = {
  title: 'If the child is in immediate danger, call the police on 999 now',
  steps: [
    'Call 999 and tell the police the child is in immediate danger.',
    'Stay with the child if it is safe to do so.',
    'Do not wait for a manager, and do not wait for the child to tell you more.',
    'Then finish this referral: it is marked as urgent for the front door.',
  ],
} as const;
