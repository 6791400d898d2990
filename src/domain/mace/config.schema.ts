/**
 * The shape of the meetings configuration and its vocabulary: meeting types, context kinds, triage
 * rules and decisions, statutory plans. The shipped values are in config.ts (and the terms of
 * reference in terms-of-reference.ts).
 */
import { z } from 'zod';
import { AGENCY_TYPES, ROLES } from '../access/types.ts';

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, { message: 'must be a lower_snake_case identifier' })
  .max(60);
const label = z.string().trim().min(1).max(200);
const longText = z.string().trim().min(1).max(1000);
const source = z.string().trim().min(1).max(1000);

/** The four kinds of meeting Lantern runs (issue 5 item 1). The code relies on these ids. */
export const MEETING_TYPES = ['strategy', 'mace_triage', 'mace', 'review'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/**
 * The kinds of context a MACE item can be about or mention. The same ids as the contexts capability,
 * so a context from the register needs no mapping.
 */
export const CONTEXT_KINDS = [
  'person_of_concern',
  'place',
  'peer_group',
  'online_space',
  'vehicle',
  'business',
] as const;
export type ContextKind = (typeof CONTEXT_KINDS)[number];
export const CONTEXT_KIND_NAMES = {
  person_of_concern: 'Person of concern',
  place: 'Place',
  peer_group: 'Peer group',
  online_space: 'Online space',
  vehicle: 'Vehicle',
  business: 'Business',
} as const satisfies Record<ContextKind, string>;

/** What triage decides for each item (issue 5 item 2). */
export const TRIAGE_DECISIONS = [
  'discuss_at_mace',
  'single_agency_action',
  'no_further_mace_action',
] as const;
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number];
export const TRIAGE_DECISION_NAMES = {
  discuss_at_mace: 'Discuss at the MACE meeting',
  single_agency_action: 'Single-agency action',
  no_further_mace_action: 'No further MACE action',
} as const satisfies Record<TriageDecision, string>;

/** Plans a child may be subject to (PRODUCT.md glossary, "Statutory plan"). */
export const STATUTORY_PLANS = ['early_help', 'child_in_need', 'child_protection', 'looked_after'] as const;
export type StatutoryPlan = (typeof STATUTORY_PLANS)[number];

/** The triage rules. Each one is a reason a child or context is put on the triage list. */
export const TRIAGE_RULES = [
  'mace_risk_assessment',
  'level_of_concern',
  'missing_episodes',
  'new_connections',
  'overdue_actions',
  'raised_by_agency',
  'new_links',
  'linked_children_on_list',
] as const;
export type TriageRule = (typeof TRIAGE_RULES)[number];

const citedText = z.strictObject({ text: longText, source });
export type CitedText = z.infer<typeof citedText>;

const cadenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('as_needed'), note: longText, source }),
  z.strictObject({ kind: z.literal('monthly'), note: longText, source }),
  z.strictObject({ kind: z.literal('every_weeks'), weeks: z.number().int().min(1).max(52), source }),
]);
export type Cadence = z.infer<typeof cadenceSchema>;

const chairSchema = z.strictObject({
  /** The chair holds one of these roles … */
  roles: z.array(z.enum(ROLES)).min(1),
  /** … in one of these agency types. */
  agencyTypes: z.array(z.enum(AGENCY_TYPES)).min(1),
  source,
});

const termsOfReferenceSchema = z.strictObject({
  purpose: z.array(citedText).min(1),
  chair: chairSchema,
  viceChair: chairSchema.optional(),
  /** Agencies invited as of right, by agency type. Others are invited when involved with a child. */
  coreAgencies: z.array(z.enum(AGENCY_TYPES)).min(1),
  /** The meeting is quorate when each of these agency types is present or sends a deputy. */
  quorum: z.strictObject({ agencies: z.array(z.enum(AGENCY_TYPES)).min(1), source }),
  outputs: z.array(citedText).min(1),
  informationSharing: citedText,
});

const meetingTypeConfigSchema = z.strictObject({
  label,
  description: longText,
  /** A meeting about one child (strategy, review) or the partnership's meeting about many. */
  scope: z.enum(['one_child', 'partnership']),
  cadence: cadenceSchema,
  /** The young person and family take part in this meeting (seed 003 Rec 23): participation is recorded. */
  youngPersonAndFamilyTakePart: z.boolean(),
  termsOfReference: termsOfReferenceSchema,
});
export type MeetingTypeConfig = z.infer<typeof meetingTypeConfigSchema>;

const ruleBase = { enabled: z.boolean(), source };

const triageSchema = z.strictObject({
  source,
  /** The levels of concern, least serious first. A practitioner's judgement; used only to order the list. */
  levelsOfConcern: z.array(z.strictObject({ id, label })).min(2),
  rules: z.strictObject({
    mace_risk_assessment: z.strictObject(ruleBase),
    level_of_concern: z.strictObject(ruleBase),
    missing_episodes: z.strictObject({
      ...ruleBase,
      /** This many episodes … */
      episodes: z.number().int().min(1).max(50),
      /** … within this many London calendar days up to the triage … */
      withinDays: z.number().int().min(1).max(366),
      /** … at least one of them since the last triage (otherwise nothing has changed). */
      requireEpisodeSinceLastTriage: z.boolean(),
    }),
    new_connections: z.strictObject({ ...ruleBase, minimum: z.number().int().min(1).max(50) }),
    overdue_actions: z.strictObject({ ...ruleBase, minimum: z.number().int().min(1).max(50) }),
    raised_by_agency: z.strictObject(ruleBase),
    new_links: z.strictObject({ ...ruleBase, minimum: z.number().int().min(1).max(50) }),
    linked_children_on_list: z.strictObject({ ...ruleBase, minimum: z.number().int().min(2).max(50) }),
  }),
});

const lawfulBasisSchema = z.strictObject({
  id,
  label,
  description: longText,
  /** Sharing on this basis records who gave consent. */
  isConsent: z.boolean(),
  source,
});
export type LawfulBasis = z.infer<typeof lawfulBasisSchema>;

function uniqueIds(items: readonly { id: string }[]): boolean {
  return new Set(items.map((i) => i.id)).size === items.length;
}

export const meetingsConfigSchema = z
  .strictObject({
    version: z.string().trim().min(1).max(40),
    source,
    meetingTypes: z.strictObject({
      strategy: meetingTypeConfigSchema,
      mace_triage: meetingTypeConfigSchema,
      mace: meetingTypeConfigSchema,
      review: meetingTypeConfigSchema,
    }),
    triage: triageSchema,
    lawfulBases: z.array(lawfulBasisSchema).min(1),
    participation: z.strictObject({
      /** Offer the young person the option of taking part from this age (seed 003 Rec 23, §4.55). */
      offerFromAge: z.number().int().min(8).max(18),
      notInvitedReasons: z.array(z.strictObject({ id, label, source })).min(1),
      toldOutcomeHow: z.array(z.strictObject({ id, label })).min(1),
      /** A reminder is due when nobody has recorded telling them the outcome within this many days. */
      tellOutcomeWithinDays: z.number().int().min(0).max(60),
      source,
    }),
    statutoryPlans: z.strictObject({
      names: z.strictObject({
        early_help: label,
        child_in_need: label,
        child_protection: label,
        looked_after: label,
      }),
      /** A child on the MACE agenda must be on one of these, or is referred immediately. */
      qualifying: z.array(z.enum(STATUTORY_PLANS)).min(1),
      source,
    }),
    actions: z.strictObject({
      /** Escalate when an action is this many days past its due date (1: the day after it was due). */
      escalateWhenOverdueByDays: z.number().int().min(1).max(90),
      notify: z.array(z.enum(['meeting_chair', 'owner_manager'])).min(1),
      source,
    }),
  })
  .superRefine((config, ctx) => {
    for (const type of MEETING_TYPES) {
      const tor = config.meetingTypes[type].termsOfReference;
      for (const agency of tor.quorum.agencies) {
        if (!tor.coreAgencies.includes(agency)) {
          ctx.addIssue({
            code: 'custom',
            path: ['meetingTypes', type, 'termsOfReference', 'quorum', 'agencies'],
            message: `${agency} is needed for quorum but is not a core agency of the ${type} meeting`,
          });
        }
      }
    }
    const lists = {
      'triage.levelsOfConcern': config.triage.levelsOfConcern,
      lawfulBases: config.lawfulBases,
      'participation.notInvitedReasons': config.participation.notInvitedReasons,
      'participation.toldOutcomeHow': config.participation.toldOutcomeHow,
    };
    for (const [name, items] of Object.entries(lists)) {
      if (!uniqueIds(items))
        ctx.addIssue({ code: 'custom', path: name.split('.'), message: `${name} has a repeated id` });
    }
    if (new Set(config.statutoryPlans.qualifying).size !== config.statutoryPlans.qualifying.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['statutoryPlans', 'qualifying'],
        message: 'statutoryPlans.qualifying has a repeated plan',
      });
    }
    if (!config.lawfulBases.some((b) => b.isConsent)) {
      ctx.addIssue({
        code: 'custom',
        path: ['lawfulBases'],
        message:
          'lawfulBases must include consent: information is shared with consent wherever possible (seed 004)',
      });
    }
  });

export type MeetingsConfig = z.infer<typeof meetingsConfigSchema>;

/** Looks up a label by id; falls back to the id so an old record never breaks a view. */
export function labelOf(options: readonly { id: string; label: string }[], value: string): string {
  return options.find((o) => o.id === value)?.label ?? value;
}
