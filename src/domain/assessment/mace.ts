/**
 * The rules of the MACE risk assessment (seed 004, "Multi agency management oversight through the MACE
 * meeting and MACE risk assessment"):
 *
 * - it "should run parallel to any statutory plan" — it complements the child's plan and the RAF and
 *   never replaces them;
 * - "all children and young people on the MACE agenda should have already been referred through to
 *   Children's Services and be subject to a Child in Need, Child Protection plan or be Looked After";
 * - a child who is not (for example one found through connections discussed at MACE) gets "an
 *   immediate referral to Children's Services".
 *
 * The plans that satisfy the rule are data. Seed 004 names Child in Need, Child Protection and Looked
 * After; an Early Help plan on its own is not a referral to Children's Services, so by default it still
 * prompts the referral. A partnership that counts Early Help adds it to `qualifyingPlans`.
 */
import { STATUTORY_STATUS_NAMES, type StatutoryStatus } from '../referrals/decisions.ts';

export interface MaceRules {
  readonly version: string;
  /** Plans a child on the MACE agenda must be subject to. */
  readonly qualifyingPlans: readonly StatutoryStatus[];
  readonly source: string;
}

export const MACE_RULES: MaceRules = {
  version: '2025.1',
  qualifyingPlans: ['child_in_need', 'child_protection', 'looked_after'],
  source: 'seed 004, "Multi agency management oversight through the MACE meeting and MACE risk assessment"',
};

/** What the check needs to know about the child: the statutory plans open now. */
export interface ChildPlans {
  readonly childId: string;
  /** How the child is named in the task, e.g. their first name. */
  readonly name: string;
  readonly openStatutoryPlans: readonly StatutoryStatus[];
}

export const IMMEDIATE_REFERRAL_KIND = 'immediate_referral_to_childrens_services' as const;

/** The task to create when a child on the MACE agenda has no qualifying statutory plan. */
export interface ImmediateReferralTask {
  readonly kind: typeof IMMEDIATE_REFERRAL_KIND;
  readonly childId: string;
  readonly priority: 'immediate';
  /** Due the same working day: "an immediate referral" (seed 004). */
  readonly dueInWorkingDays: 0;
  /** Who the task goes to: whoever coordinates MACE for the partnership. */
  readonly assignTo: 'mace_coordinator';
  readonly title: string;
  readonly description: string;
  readonly source: string;
}

export interface StatutoryPlanCheck {
  /** The qualifying plans the MACE risk assessment runs alongside; empty when there are none. */
  readonly runsAlongside: readonly StatutoryStatus[];
  readonly onQualifyingPlan: boolean;
  /** The task to create, or null when the child is on a qualifying plan. */
  readonly task: ImmediateReferralTask | null;
}

const planNames = (plans: readonly StatutoryStatus[]) => plans.map((p) => STATUTORY_STATUS_NAMES[p]);

function list(words: readonly string[], conjunction: 'and' | 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/**
 * Checks that a child on the MACE agenda is on a statutory plan the MACE risk assessment can run
 * alongside, and returns the immediate referral task, with its wording, when they are not.
 */
export function statutoryPlanCheck(child: ChildPlans, rules: MaceRules = MACE_RULES): StatutoryPlanCheck {
  const runsAlongside = rules.qualifyingPlans.filter((p) => child.openStatutoryPlans.includes(p));
  if (runsAlongside.length > 0) return { runsAlongside, onQualifyingPlan: true, task: null };

  const otherPlans = child.openStatutoryPlans.filter((p) => !rules.qualifyingPlans.includes(p));
  const required = list(planNames(rules.qualifyingPlans), 'or');
  const current =
    otherPlans.length > 0
      ? `${child.name} has ${list(planNames(otherPlans), 'and')} support, which is not one of the plans MACE runs alongside: ${required}.`
      : `${child.name} is not on a statutory plan: ${required}.`;
  return {
    runsAlongside: [],
    onQualifyingPlan: false,
    task: {
      kind: IMMEDIATE_REFERRAL_KIND,
      childId: child.childId,
      priority: 'immediate',
      dueInWorkingDays: 0,
      assignTo: 'mace_coordinator',
      title: `Refer ${child.name} to Children’s Services today`,
      description: `${child.name} is being discussed at MACE because of concerns about exploitation. ${current} Every child on the MACE agenda must be referred to Children’s Services, so make the referral now. The MACE risk assessment runs alongside the child’s statutory plan; it does not replace it. Do not wait for the next MACE meeting or for a disclosure.`,
      source: rules.source,
    },
  };
}
