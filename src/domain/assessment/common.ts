/**
 * Small schema pieces shared by assessments and plans: ids, dates, and text that a rule requires.
 */
import { z } from 'zod';
import { type Rule, refusal } from './rules.ts';

export const Uuid = z.uuid({ message: 'must be a valid id' });
export const IsoDate = z.iso.date({ message: 'must be a date like 2026-03-31' });
export const IsoDateTime = z.iso.datetime({
  offset: true,
  message: 'must be a date and time like 2026-03-31T14:30:00Z',
});

/** Trimmed text of at least one character. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * Placeholders that look like an answer but say nothing. Refused where a rule asks for reasons, because
 * "see above" as the rationale for a level is a level without a rationale.
 */
const PLACEHOLDERS = new Set([
  'n/a',
  'na',
  'none',
  'nil',
  '-',
  '--',
  '.',
  '...',
  'tbc',
  'tba',
  'see above',
  'as above',
  'x',
]);

export function isMeaningful(value: string): boolean {
  const t = value.trim().toLowerCase();
  return t.length > 0 && !PLACEHOLDERS.has(t);
}

/**
 * Text a rule requires: refused with the rule's message when empty (or, with `placeholders`, when it
 * only holds a placeholder). Implemented as a refinement so the issue carries the rule id.
 */
export function ruleText(rule: Rule, max: number, what: string, options: { placeholders?: boolean } = {}) {
  const ok = options.placeholders ? isMeaningful : (v: string) => v.trim().length > 0;
  const message = refusal(rule, `${what} missing.`);
  return z
    .string({ error: message })
    .max(max, `must be at most ${max} characters`)
    .refine(ok, { error: message, params: { rule: rule.id } });
}
