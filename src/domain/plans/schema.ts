/**
 * A safety and support plan. Its sections follow the seeds: keeping safe now; disruption and
 * investigation of those causing harm; support and therapeutic help; family; education; health;
 * criminal justice support; other children affected; the young person's own goals (seed 001 §5.1 and
 * Table 4.1; seed 003 Rec 13–14; seed 004 Appendix 2). Every objective has an owner, an agency, a due
 * date and a status.
 *
 * Two rules are refused at save, each with a message that names it:
 * - when harm is suspected or known, the disruption and investigation section is never empty;
 * - no objective aims at changing the child's behaviour or "risk-taking" (see child-focused-objectives).
 */
import { z } from 'zod';
import { IsoDate, IsoDateTime, ruleText, text, Uuid } from '../assessment/common.ts';
import { type Problem, problemsFromZod, type Rule, refusal } from '../assessment/rules.ts';
import { ASSESSMENT_HARM_STATUSES, harmIsSuspectedOrKnown } from '../assessment/vocabulary.ts';
import { type ChildFocusFinding, checkObjectiveAim } from './child-focused-objectives.ts';

export const PLAN_RULES = {
  disruptionRequired: {
    id: 'disruption-required-when-harm',
    statement:
      'When exploitation is suspected or known, the disruption and investigation section has at least one objective aimed at the people, places or networks causing harm, and it does not wait for a disclosure.',
    source:
      'seed 001 §5.1 (See Me, Hear Me: "Disruption of CSE and investigation is integral to every young person’s CSE plan"); seed 000 key theme 4 ("Focus more on disrupting and understanding perpetrators rather than changing children"); PRODUCT §3 "Perpetrator focus"',
  },
  objectiveNotChildFocused: {
    id: 'objective-not-aimed-at-child',
    statement:
      'No objective aims at changing the child’s behaviour or "risk-taking": the plan puts the responsibility for the child’s safety on adults and on those causing harm.',
    source:
      'seed 000 key theme 1; seed 001 Table 4.1 (the plan must not "position the risk or responsibility within the child"); PRODUCT §3 "Never the child’s fault"',
  },
  noLongerNeededReason: {
    id: 'objective-no-longer-needed-reason',
    statement: 'An objective marked no longer needed says why.',
    source: 'PRODUCT §2 step 8 ("drift is visible")',
  },
  objectiveIdsUnique: {
    id: 'objective-ids-unique',
    statement: 'Each objective has its own id within the plan.',
    source: 'PRODUCT §2 step 8',
  },
} as const satisfies Record<string, Rule>;

export const PLAN_SECTIONS = [
  'keeping_safe_now',
  'disruption_and_investigation',
  'support_and_therapeutic_help',
  'family',
  'education',
  'health',
  'criminal_justice_support',
  'other_children_affected',
  'young_persons_goals',
] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

export interface PlanSectionInfo {
  readonly title: string;
  readonly purpose: string;
  readonly source: string;
}

export const PLAN_SECTION_INFO = {
  keeping_safe_now: {
    title: 'Keeping safe now',
    purpose: 'What adults do now to keep the child safe: places, times, people to call, basic needs first.',
    source:
      'seed 001 Table 4.1 Q2 ("a clear plan to keep the young person safe and stop the abuse happening"); seed 001 §3.6 (stabilisation)',
  },
  disruption_and_investigation: {
    title: 'Disruption and investigation of those causing harm',
    purpose:
      'Action against the people, places and networks causing harm: orders, notices, investigation, licensing.',
    source: 'seed 001 §5.1; seed 004 Appendix 2; seed 003 Rec 14; seed 000 key theme 4',
  },
  support_and_therapeutic_help: {
    title: 'Support and therapeutic help',
    purpose: 'Relationship-based, trauma-informed support and therapy, at the young person’s pace.',
    source: 'seed 001 §3.8; seed 000 key theme 2',
  },
  family: {
    title: 'Family',
    purpose:
      'Support for parents and carers, separately from the child’s, so they can help keep their child safe.',
    source:
      'seed 004 "Working with families"; seed 001 §5.1 (See Me, Hear Me: "Support is provided to parents and carers separately")',
  },
  education: {
    title: 'Education',
    purpose: 'School, college, training or work, and what the setting does to keep the child safe there.',
    source: 'seed 004 (developmental needs); seed 001 §5.3',
  },
  health: {
    title: 'Health',
    purpose:
      'Physical, sexual and mental health, with the young person’s consent and confidentiality respected.',
    source: 'seed 004 ("How does child sexual exploitation affect children?"); seed 003 §4.21',
  },
  criminal_justice_support: {
    title: 'Criminal justice support',
    purpose:
      'Support before, during and after any investigation or court case; the young person’s own choices about giving evidence.',
    source: 'seed 001 Table 4.1 Q4; seed 000 key theme 3',
  },
  other_children_affected: {
    title: 'Other children affected',
    purpose:
      'Other children who may be at risk or protective; their safety is the adults’ job, never the child’s.',
    source: 'seed 001 Table 4.1 Q3',
  },
  young_persons_goals: {
    title: 'The young person’s own goals',
    purpose: 'What the young person wants for their future, in their own words, and who will help.',
    source:
      'seed 001 Table 4.1 Q5 ("an idea of their future self, which is not defined by their exploitation"); seed 001 §2.1 (1.2)',
  },
} as const satisfies Record<PlanSection, PlanSectionInfo>;

export const OBJECTIVE_STATUSES = ['not_started', 'in_progress', 'done', 'no_longer_needed'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];
export const OBJECTIVE_STATUS_NAMES = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  no_longer_needed: 'No longer needed',
} as const satisfies Record<ObjectiveStatus, string>;

export const objectiveStatusSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('not_started') }),
  z.strictObject({ status: z.literal('in_progress') }),
  z.strictObject({ status: z.literal('done'), doneOn: IsoDate }),
  z.strictObject({
    status: z.literal('no_longer_needed'),
    reason: ruleText(PLAN_RULES.noLongerNeededReason, 2000, 'The reason is', { placeholders: true }),
  }),
]);

/** The message for an aim that a child-focus rule matched. */
export function childFocusMessage(finding: ChildFocusFinding): string {
  return refusal(
    PLAN_RULES.objectiveNotChildFocused,
    `"${finding.matched}" (${finding.ruleId}): ${finding.why} Try: ${finding.reframing}`,
  );
}

function addChildFocusIssues(aim: string, ctx: z.RefinementCtx, path: PropertyKey[]) {
  for (const finding of checkObjectiveAim(aim)) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: childFocusMessage(finding),
      params: {
        rule: PLAN_RULES.objectiveNotChildFocused.id,
        childFocusRule: finding.ruleId,
        matched: finding.matched,
        reframing: finding.reframing,
      },
    });
  }
}

const objectiveFields = {
  id: text(100),
  /** What will be done: the aim, with the adults as the ones who act. */
  aim: text(2000),
  owner: z.strictObject({ name: text(200), userId: Uuid.optional(), role: text(200).optional() }),
  agency: z.strictObject({ name: text(200), id: Uuid.optional() }),
  dueDate: IsoDate,
  status: objectiveStatusSchema,
  /**
   * Whether this objective appears in the young person's plain-language plan. When absent: yes, except
   * in the disruption and investigation section, where details could put the child or an investigation
   * at risk (seed 003 Rec 22: the lead worker decides what is safe to share).
   */
  shareWithYoungPerson: z.boolean().optional(),
  /** Factors from the assessment this objective answers, by factor id. */
  linkedFactorIds: z.array(text(100)).max(50).optional(),
};

export const objectiveSchema = z.strictObject(objectiveFields).superRefine((o, ctx) => {
  addChildFocusIssues(o.aim, ctx, ['aim']);
});
export type Objective = z.infer<typeof objectiveSchema>;

/**
 * A goal of the young person's own. When it is recorded in their own words it is kept exactly as they
 * said it — the child-focus rule does not refuse a child's own words, it returns an advisory — and the
 * adults' part is in the owner, agency and date.
 */
export const goalSchema = z
  .strictObject({ ...objectiveFields, inTheirOwnWords: z.boolean().default(false) })
  .superRefine((g, ctx) => {
    if (!g.inTheirOwnWords) addChildFocusIssues(g.aim, ctx, ['aim']);
  });
export type Goal = z.infer<typeof goalSchema>;

const section = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    objectives: z.array(item).max(100).default([]),
    notes: z.string().trim().max(4000).optional(),
  });

export const planSectionsSchema = z.strictObject({
  keeping_safe_now: section(objectiveSchema),
  disruption_and_investigation: section(objectiveSchema),
  support_and_therapeutic_help: section(objectiveSchema),
  family: section(objectiveSchema),
  education: section(objectiveSchema),
  health: section(objectiveSchema),
  criminal_justice_support: section(objectiveSchema),
  other_children_affected: section(objectiveSchema),
  young_persons_goals: section(goalSchema),
} satisfies Record<PlanSection, z.ZodType>);

export const planSchema = z
  .strictObject({
    id: Uuid,
    childId: Uuid,
    version: z.number().int().min(1),
    /** What is known about harm, from the latest analysis: it decides whether disruption is required. */
    harmStatus: z.enum(ASSESSMENT_HARM_STATUSES),
    /** The analysis this plan answers. */
    assessmentId: Uuid.optional(),
    reviewDate: IsoDate,
    /** "How will I know risks are reducing?" (seed 001 §4.2, question 4). */
    howWeWillKnow: z.string().trim().max(4000).optional(),
    updatedAt: IsoDateTime,
    sections: planSectionsSchema,
  })
  .superRefine((plan, ctx) => {
    if (harmIsSuspectedOrKnown(plan.harmStatus)) {
      const live = plan.sections.disruption_and_investigation.objectives.filter(
        (o) => o.status.status !== 'no_longer_needed',
      );
      if (live.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['sections', 'disruption_and_investigation', 'objectives'],
          message: refusal(
            PLAN_RULES.disruptionRequired,
            `Exploitation is recorded as ${plan.harmStatus}, and the disruption and investigation section has no objective in progress, to do, or done.`,
          ),
          params: { rule: PLAN_RULES.disruptionRequired.id },
        });
      }
    }
    const seen = new Set<string>();
    for (const key of PLAN_SECTIONS) {
      plan.sections[key].objectives.forEach((o, i) => {
        if (seen.has(o.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['sections', key, 'objectives', i, 'id'],
            message: refusal(PLAN_RULES.objectiveIdsUnique, `Objective id ${o.id} is used twice.`),
            params: { rule: PLAN_RULES.objectiveIdsUnique.id },
          });
        }
        seen.add(o.id);
      });
    }
  });

export type Plan = z.infer<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;

export interface PlanAdvisory {
  readonly path: string;
  readonly message: string;
}

export type PlanValidation =
  | { readonly ok: true; readonly plan: Plan; readonly advisories: PlanAdvisory[] }
  | { readonly ok: false; readonly problems: Problem[] };

/** Every objective of the plan with its section, in section order. */
export function objectivesOf(plan: Plan): { section: PlanSection; objective: Objective | Goal }[] {
  return PLAN_SECTIONS.flatMap((section) =>
    (plan.sections[section].objectives as (Objective | Goal)[]).map((objective) => ({ section, objective })),
  );
}

/**
 * Checks a plan for saving. Advisories never block: they point at a young person's own goal that a
 * child-focus rule matched (kept as they said it), so the adults' objectives can carry that concern.
 */
export function validatePlan(input: unknown): PlanValidation {
  const parsed = planSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) };
  const plan = parsed.data;
  const advisories: PlanAdvisory[] = [];
  plan.sections.young_persons_goals.objectives.forEach((goal, i) => {
    if (!goal.inTheirOwnWords) return;
    for (const finding of checkObjectiveAim(goal.aim)) {
      advisories.push({
        path: `sections.young_persons_goals.objectives.${i}.aim`,
        message: `This is the young person’s own goal, kept in their words. "${finding.matched}" puts the work on them; make sure the adults’ objectives carry it. For example: ${finding.reframing}`,
      });
    }
  });
  return { ok: true, plan, advisories };
}
