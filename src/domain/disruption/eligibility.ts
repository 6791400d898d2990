/**
 * Eligibility for a disruption measure: `checkEligibility(measure, facts)` evaluates the measure's rules
 * (eligibility-rules.ts) against what is known and says, naming each rule and its source, what stops
 * the measure, what is still unknown, and which steps must be taken first.
 *
 * The professional judgements a rule needs ("necessary to protect", "likely to suffer significant
 * harm") are recorded by people with their reasons; Lantern checks they were made, it does not make
 * them.
 */
import { ruleMessage } from '../contexts/rules.ts';
import { type EligibilityFacts, evaluate, render } from './conditions.ts';
import { ELIGIBILITY_RULES, ELIGIBILITY_RULES_VERSION, type EligibilityRule } from './eligibility-rules.ts';
import { type MeasureId, measure } from './measures.ts';

export type { ChildFacts, EligibilityFacts, OffenceRecord } from './conditions.ts';
export { ELIGIBILITY_RULES, ELIGIBILITY_RULES_VERSION, type EligibilityRule } from './eligibility-rules.ts';

export interface RuleFailure {
  rule: string;
  status: 'failed' | 'unknown';
  message: string;
  source: string;
  /** The facts that were not recorded, when the status is unknown. */
  missing: string[];
}

export interface RuleRequirement {
  rule: string;
  /** true: done; false: still to do; null: not recorded. */
  met: boolean | null;
  /** Whether the requirement applies (null: cannot tell, e.g. the subject's age is not recorded). */
  applies: boolean | null;
  message: string;
  source: string;
}

export interface EligibilityResult {
  measure: MeasureId;
  rulesVersion: string;
  /** Every condition holds. */
  eligible: boolean;
  /** Eligible, and every requirement that applies (or may apply) has been met. */
  readyToApply: boolean;
  failures: RuleFailure[];
  requirements: RuleRequirement[];
  /** Ids of the conditions that hold. */
  passed: string[];
}

/** The rules for one measure. */
export function rulesFor(
  id: MeasureId,
  rules: readonly EligibilityRule[] = ELIGIBILITY_RULES,
): EligibilityRule[] {
  return rules.filter((r) => r.measures.includes(id));
}

/**
 * Checks a measure against what is known. Each failure names its rule in the message
 * ("[cawn.subject-18-or-over] …") and cites its source; missing facts make a rule unknown, which is
 * not eligible until they are recorded.
 */
export function checkEligibility(
  id: MeasureId,
  facts: EligibilityFacts,
  rules: readonly EligibilityRule[] = ELIGIBILITY_RULES,
): EligibilityResult {
  measure(id);
  const failures: RuleFailure[] = [];
  const requirements: RuleRequirement[] = [];
  const passed: string[] = [];
  for (const rule of rulesFor(id, rules)) {
    const missing = new Set<string>();
    if (rule.kind === 'condition') {
      const result = evaluate(rule.test, facts, missing);
      if (result === true) {
        passed.push(rule.id);
        continue;
      }
      const text = render(rule.message, facts);
      failures.push({
        rule: rule.id,
        status: result === false ? 'failed' : 'unknown',
        message:
          result === false
            ? ruleMessage(rule.id, text)
            : ruleMessage(rule.id, `Cannot check until recorded: ${[...missing].join('; ')}. ${text}`),
        source: rule.source,
        missing: [...missing],
      });
      continue;
    }
    const applies = rule.when ? evaluate(rule.when, facts, new Set()) : true;
    if (applies === false) continue;
    requirements.push({
      rule: rule.id,
      met: evaluate(rule.test, facts, missing),
      applies,
      message: ruleMessage(
        rule.id,
        applies === null ? `May apply — ${render(rule.message, facts)}` : render(rule.message, facts),
      ),
      source: rule.source,
    });
  }
  const eligible = failures.length === 0;
  return {
    measure: id,
    rulesVersion: ELIGIBILITY_RULES_VERSION,
    eligible,
    readyToApply: eligible && requirements.every((r) => r.met === true),
    failures,
    requirements,
    passed,
  };
}
