/**
 * The pattern language a lexicon is written in. It is deliberately small, so that a practitioner
 * can read and write rules without knowing regular expressions:
 *
 *   putting herself at risk          words, matched whole and case-insensitively
 *   put|puts|putting                 any one of these words
 *   @reflexive                       any word from the lexicon's named set "reflexive"
 *   prostitut*                       any word starting with "prostitut" (stems of three letters or more)
 *   a|an?                            "?" after a step makes it optional
 *   ...2                             up to two words of any kind in between (1–9)
 *
 * A pattern starts and ends with a required word, so every match begins and ends on a flagged word.
 * Hyphenated spellings are written as separate words ("risk taking" also matches "risk-taking").
 */
import { normalise, type Token } from './tokenize.ts';

export interface WordTest {
  readonly exact: ReadonlySet<string>;
  readonly prefixes: readonly string[];
}

export type Step =
  | { readonly kind: 'word'; readonly test: WordTest; readonly optional: boolean }
  | { readonly kind: 'gap'; readonly max: number };

export interface CompiledPattern {
  readonly source: string;
  readonly steps: readonly Step[];
}

export type WordSets = Readonly<Record<string, readonly string[]>>;

export class PatternError extends Error {
  constructor(pattern: string, problem: string) {
    super(`pattern "${pattern}": ${problem}`);
    this.name = 'PatternError';
  }
}

const GAP = /^\.\.\.([1-9])$/;
const WORD = /^[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*$/u;
const MIN_STEM = 3;

export function parsePattern(pattern: string, sets: WordSets): CompiledPattern {
  const parts = pattern.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) throw new PatternError(pattern, 'is empty');
  const steps: Step[] = [];
  for (const part of parts) {
    const gap = GAP.exec(part);
    if (gap) {
      if (steps.length === 0 || steps[steps.length - 1]?.kind === 'gap') {
        throw new PatternError(pattern, 'a gap must follow a word');
      }
      steps.push({ kind: 'gap', max: Number(gap[1]) });
      continue;
    }
    const optional = part.endsWith('?');
    const body = optional ? part.slice(0, -1) : part;
    steps.push({ kind: 'word', test: parseAlternatives(pattern, body, sets), optional });
  }
  const first = steps[0];
  const last = steps[steps.length - 1];
  if (first?.kind !== 'word' || first.optional || last?.kind !== 'word' || last.optional) {
    throw new PatternError(pattern, 'must start and end with a required word');
  }
  return { source: pattern, steps };
}

function parseAlternatives(pattern: string, body: string, sets: WordSets): WordTest {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const add = (alternative: string): void => {
    const isPrefix = alternative.endsWith('*');
    const word = normalise(isPrefix ? alternative.slice(0, -1) : alternative);
    if (!WORD.test(word)) {
      throw new PatternError(
        pattern,
        `"${alternative}" is not a single word (write hyphenated words as two words: "risk taking")`,
      );
    }
    if (isPrefix) {
      if (word.length < MIN_STEM) throw new PatternError(pattern, `stem "${word}*" is too short`);
      prefixes.push(word);
    } else {
      exact.add(word);
    }
  };
  for (const alternative of body.split('|')) {
    if (alternative === '') throw new PatternError(pattern, 'has an empty alternative');
    if (alternative.startsWith('@')) {
      const members = sets[alternative.slice(1)];
      if (!members) throw new PatternError(pattern, `uses unknown word set ${alternative}`);
      for (const member of members) add(member);
    } else {
      add(alternative);
    }
  }
  return { exact, prefixes };
}

export function wordMatches(test: WordTest, norm: string): boolean {
  if (test.exact.has(norm)) return true;
  for (const prefix of test.prefixes) if (norm.startsWith(prefix)) return true;
  return false;
}

/**
 * Which tokens a match may use: those of one sentence and, for flagged text, none inside quotation
 * marks. Context phrases may read quoted words ("her 'boyfriend', who is 24").
 */
export interface Scope {
  readonly sentence: number;
  readonly allowQuoted: boolean;
}

const usable = (token: Token | undefined, scope: Scope): token is Token =>
  token !== undefined && token.sentence === scope.sentence && (scope.allowQuoted || !token.quoted);

/**
 * Matches `pattern` starting at token `from`. Every token consumed — words and gaps alike — must be
 * in `scope`. Optional words are tried before skipping them and gaps are tried shortest first, so a
 * match is as tight as it can be. Returns the index after the last matched token, or -1.
 */
export function matchAt(
  pattern: CompiledPattern,
  tokens: readonly Token[],
  from: number,
  scope: Scope,
): number {
  return matchSteps(pattern.steps, 0, tokens, from, scope);
}

function matchSteps(
  steps: readonly Step[],
  s: number,
  tokens: readonly Token[],
  t: number,
  scope: Scope,
): number {
  const step = steps[s];
  if (!step) return t;
  if (step.kind === 'gap') {
    for (let skip = 0; skip <= step.max; skip++) {
      if (skip > 0 && !usable(tokens[t + skip - 1], scope)) return -1;
      const end = matchSteps(steps, s + 1, tokens, t + skip, scope);
      if (end >= 0) return end;
    }
    return -1;
  }
  const token = tokens[t];
  if (usable(token, scope) && wordMatches(step.test, token.norm)) {
    const end = matchSteps(steps, s + 1, tokens, t + 1, scope);
    if (end >= 0) return end;
  }
  return step.optional ? matchSteps(steps, s + 1, tokens, t, scope) : -1;
}
