/**
 * Victim-blaming language: finds blaming, minimising and adultifying words in free text and explains
 * each finding with a reason, a source and alternatives that keep the concern explicit.
 */
export { buildLexicon, contentHash, LexiconError, type LocalRules } from './build.ts';
export { type CheckOptions, type CheckResult, checkText } from './check.ts';
export { renderRuleTable } from './docs.ts';
export {
  FAMILIES,
  FAMILY_TITLES,
  type Family,
  type Lexicon,
  lexiconSchema,
  type Negation,
  type Rule,
  ruleSchema,
  type Severity,
} from './lexicon.schema.ts';
export { baseLexicon, LEXICON_VERSION } from './lexicon.ts';
export type { Finding } from './match.ts';
export { PatternError } from './pattern.ts';
