/**
 * Request and response shapes of the language API. A partnership's own rule is the library's rule
 * schema itself, so the API accepts exactly what the matcher can run.
 */
import { z } from 'zod';
import { FAMILIES, ruleSchema } from '../../domain/language/index.ts';

/** The longest text the assistant checks in one call: a long assessment, well within the body limit. */
export const MAX_CHECK_LENGTH = 100_000;

const ruleId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a rule id, like putting-self-at-risk')
  .max(100);
const Family = z.enum(FAMILIES);
const Severity = z.enum(['high', 'medium', 'low']);

export const RuleParams = z.strictObject({ id: ruleId });

export const CheckBody = z.strictObject({
  text: z.string().max(MAX_CHECK_LENGTH),
  /** Which field is being written (`referral.narrative`, `note.body`); not stored. */
  field: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/, 'must be a field name, like note.body')
    .max(100)
    .optional(),
  /** The child's age from the record, so an age gap is seen when the text gives only the other age. */
  childAge: z.number().int().min(0).max(25).optional(),
  /**
   * Keys of findings this field has already reported (from earlier answers): they are not counted
   * again, so a phrase is counted once however many times the text is checked while it is written.
   */
  seen: z.array(z.string().max(120)).max(5000).optional(),
});

export const Finding = z.object({
  /** Stable while the text is edited: the rule and which of its findings this is (`consent#2`). */
  key: z.string(),
  ruleId: z.string(),
  family: Family,
  severity: Severity,
  start: z.number(),
  end: z.number(),
  line: z.number(),
  column: z.number(),
  endLine: z.number(),
  endColumn: z.number(),
  text: z.string(),
  message: z.string(),
  source: z.string(),
  suggestions: z.array(z.string()),
});

export const CheckResponse = z.object({ lexiconVersion: z.string(), findings: z.array(Finding) });

export const AcceptedBody = z.strictObject({ ruleId });

export const LexiconRule = z.object({
  id: z.string(),
  family: Family,
  familyTitle: z.string(),
  severity: Severity,
  message: z.string(),
  suggestions: z.array(z.string()),
  source: z.string(),
  patterns: z.array(z.string()),
  negation: z.enum(['clause', 'adjacent', 'none']),
  examples: z.object({ flagged: z.array(z.string()), clean: z.array(z.string()) }),
  /** `base`: shipped with Lantern; `local`: added by this partnership. */
  origin: z.enum(['base', 'local']),
  enabled: z.boolean(),
  /** The partnership's last change to the rule (who made it is in the audit log). */
  change: z
    .object({ disabled: z.boolean(), reason: z.string().nullable(), changedAt: z.string() })
    .nullable(),
});

export const LexiconResponse = z.object({
  /** The version every check reports while these rules are in force. */
  version: z.string(),
  baseVersion: z.string(),
  rules: z.array(LexiconRule),
});

export const RuleChangeResponse = z.object({ version: z.string(), rule: LexiconRule });

export const DisabledBody = z.strictObject({
  disabled: z.boolean(),
  reason: z.string().trim().min(1).max(1000),
});

/** A partnership's own rule, in the shape of the base rules (see docs/language.md). */
export const AddRuleBody = ruleSchema.extend({
  id: z
    .string()
    .min(1)
    .max(100)
    .regex(
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
      'must be lower-case words joined by hyphens, like pocket-money-framing',
    ),
});

const IsoDate = z.iso.date({ message: 'must be a date, like 2025-01-31' });

export const StatsQuery = z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional() });

export const StatsResponse = z.object({
  /** Mondays of the first and last ISO weeks covered. */
  from: z.string(),
  to: z.string(),
  /** Every week in the range, oldest first, whether or not anything was counted in it. */
  weeks: z.array(z.object({ week: z.string(), weekStart: z.string() })),
  rows: z.array(
    z.object({
      agency: z.object({ id: z.string(), name: z.string() }),
      /** Null for people who belong to no team: they are counted under their agency. */
      team: z.object({ id: z.string(), name: z.string() }).nullable(),
      week: z.string(),
      weekStart: z.string(),
      ruleId: z.string(),
      /** Null when the rule is no longer in the lexicon. */
      family: Family.nullable(),
      flagged: z.number(),
      accepted: z.number(),
    }),
  ),
});
