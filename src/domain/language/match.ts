/**
 * The matcher: tokens in, findings out. A lexicon is compiled once into an index from a pattern's
 * first word to the patterns that start with it, so checking a note costs one map lookup per word
 * plus the few patterns that could start there.
 *
 * Decisions that change what is flagged live here and are tested in match.test.ts:
 * - quoted words are never part of a match (they are someone's own words);
 * - a match never crosses a sentence;
 * - negation is handled per rule (see `negation` in lexicon.schema.ts);
 * - overlapping matches of one rule become one finding; a finding nested inside a longer one is
 *   dropped (see `resolveOverlaps`), and so is one nested inside a longer match that was negated
 *   ("not a child prostitute").
 */
import { readOtherPersonAge } from './age.ts';
import type { Family, Lexicon, Rule, Severity } from './lexicon.schema.ts';
import { type CompiledPattern, matchAt, parsePattern, type Scope } from './pattern.ts';
import { LineIndex } from './positions.ts';
import { type Token, tokenize } from './tokenize.ts';

export interface Finding {
  ruleId: string;
  family: Family;
  severity: Severity;
  /** 0-based offsets into the checked text; end is exclusive. */
  start: number;
  end: number;
  /** 1-based. endColumn is one past the last character of the span, on endLine. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The exact span as written. */
  text: string;
  message: string;
  source: string;
  suggestions: string[];
}

export interface MatchOptions {
  /**
   * The child's age, when the record knows it. Lets "her 17-year-old boyfriend" be read against a
   * child of 13 (a large age gap) even when the note does not repeat her age.
   */
  childAge?: number;
}

interface PhraseWindow {
  phrases: CompiledPattern[];
  window: number;
}

interface CompiledRule {
  rule: Rule;
  exceptBefore?: PhraseWindow;
  exceptAfter?: PhraseWindow;
  requireNearby?: PhraseWindow;
}

interface Entry {
  pattern: CompiledPattern;
  rule: CompiledRule;
}

export interface CompiledLexicon {
  readonly version: string;
  readonly byFirstWord: ReadonlyMap<string, readonly Entry[]>;
  /** Patterns starting with a stem ("prostitut*"), keyed by the stem's first three letters. */
  readonly byFirstStem: ReadonlyMap<string, readonly { stem: string; entry: Entry }[]>;
  /** Position of each rule in the lexicon: breaks ties between overlapping findings. */
  readonly ruleOrder: ReadonlyMap<string, number>;
}

const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };
const NEGATION_REACH = 8;

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const byFirstWord = new Map<string, Entry[]>();
  const byFirstStem = new Map<string, { stem: string; entry: Entry }[]>();
  const ruleOrder = new Map<string, number>();
  const phrases = (list: { phrases: string[]; window: number } | undefined): PhraseWindow | undefined =>
    list && { phrases: list.phrases.map((p) => parsePattern(p, lexicon.sets)), window: list.window };

  lexicon.rules.forEach((rule, order) => {
    ruleOrder.set(rule.id, order);
    const compiled: CompiledRule = {
      rule,
      exceptBefore: phrases(rule.context?.exceptBefore),
      exceptAfter: phrases(rule.context?.exceptAfter),
      requireNearby: phrases(rule.context?.requireNearby),
    };
    for (const source of rule.patterns) {
      const pattern = parsePattern(source, lexicon.sets);
      const entry = { pattern, rule: compiled };
      const first = pattern.steps[0];
      if (first?.kind !== 'word') continue;
      for (const word of first.test.exact) {
        const list = byFirstWord.get(word);
        if (list) list.push(entry);
        else byFirstWord.set(word, [entry]);
      }
      for (const stem of first.test.prefixes) {
        const key = stem.slice(0, 3);
        const list = byFirstStem.get(key);
        if (list) list.push({ stem, entry });
        else byFirstStem.set(key, [{ stem, entry }]);
      }
    }
  });
  return { version: lexicon.version, byFirstWord, byFirstStem, ruleOrder };
}

export function findAll(compiled: CompiledLexicon, text: string, options: MatchOptions = {}): Finding[] {
  const tokens = tokenize(text);
  const candidates: Candidate[] = [];
  // Matches that a rule declined because they were negated: the writer corrected the term, and the
  // correction covers its words, so "prostitute" inside "not a child prostitute" is not flagged
  // by a shorter rule either.
  const negated: Candidate[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.quoted) continue;
    const entries = entriesFor(compiled, token.norm);
    if (entries.length === 0) continue;
    const scope = { sentence: token.sentence, allowQuoted: false };
    for (const entry of entries) {
      const end = matchAt(entry.pattern, tokens, i, scope);
      if (end < 0) continue;
      const verdict = judge(entry.rule, tokens, text, i, end, options);
      const span = { rule: entry.rule.rule, start: token.start, end: tokens[end - 1]?.end ?? token.end };
      if (verdict === 'negated') negated.push({ ...span, severity: span.rule.severity, message: '' });
      else if (verdict !== 'excluded') candidates.push({ ...span, ...verdict });
    }
  }
  if (candidates.length === 0) return [];

  const unshadowed = candidates.filter((c) => !negated.some((n) => shadows(n, c)));
  const chosen = resolveOverlaps(mergeSameRule(unshadowed), compiled.ruleOrder);
  const lines = new LineIndex(text);
  return chosen.map(({ rule, start, end, severity, message }) => ({
    ruleId: rule.id,
    family: rule.family,
    severity,
    start,
    end,
    ...lines.span(start, end),
    text: text.slice(start, end),
    message,
    source: rule.source,
    suggestions: [...rule.suggestions],
  }));
}

interface Candidate {
  rule: Rule;
  start: number;
  end: number;
  severity: Severity;
  message: string;
}

const length = (c: Candidate): number => c.end - c.start;

function shadows(outer: Candidate, inner: Candidate): boolean {
  return (
    outer.rule.id !== inner.rule.id &&
    inner.start >= outer.start &&
    inner.end <= outer.end &&
    length(inner) < length(outer)
  );
}

/** Overlapping matches of one rule are one finding: "trading sex" and "sex for drugs" → "trading sex for drugs". */
function mergeSameRule(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.rule.id.localeCompare(b.rule.id) || a.start - b.start);
  const merged: Candidate[] = [];
  for (const c of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.rule.id === c.rule.id && c.start < last.end) {
      last.end = Math.max(last.end, c.end);
      if (SEVERITY_RANK[c.severity] > SEVERITY_RANK[last.severity]) {
        last.severity = c.severity;
        last.message = c.message;
      }
    } else {
      merged.push({ ...c });
    }
  }
  return merged;
}

const NONE: readonly Entry[] = [];

function entriesFor(compiled: CompiledLexicon, norm: string): readonly Entry[] {
  const exact = compiled.byFirstWord.get(norm) ?? NONE;
  const stemmed = compiled.byFirstStem.get(norm.slice(0, 3));
  if (!stemmed) return exact;
  const stems = stemmed.filter((s) => norm.startsWith(s.stem)).map((s) => s.entry);
  return stems.length === 0 ? exact : [...exact, ...stems];
}

/** Applies a rule's negation and context to one match. */
function judge(
  compiled: CompiledRule,
  tokens: readonly Token[],
  text: string,
  start: number,
  end: number,
  options: MatchOptions,
): { severity: Severity; message: string } | 'negated' | 'excluded' {
  const { rule } = compiled;
  if (rule.negation === 'clause' && negatedInClause(tokens, start)) return 'negated';
  if (rule.negation === 'adjacent' && negatedAdjacent(tokens, start)) return 'negated';
  if (compiled.exceptBefore && phraseBefore(compiled.exceptBefore, tokens, start)) return 'excluded';
  if (compiled.exceptAfter && phraseAfter(compiled.exceptAfter, tokens, end)) return 'excluded';
  if (compiled.requireNearby && !phraseNear(compiled.requireNearby, tokens, start, end)) return 'excluded';

  const age = rule.context?.age;
  if (!age) return { severity: rule.severity, message: rule.message };
  const reading = readOtherPersonAge(tokens, text, start, end, options.childAge);
  if (reading === 'adult' || reading === 'age-gap') return { severity: rule.severity, message: rule.message };
  if (reading === 'unknown' && age.unknown === 'flag')
    return { severity: age.severity, message: age.message };
  return 'excluded';
}

const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'nor',
  'neither',
  'cannot',
  'without',
  'none',
  'nobody',
  'nothing',
  'non',
]);
// "no longer putting herself at risk" still says she was; "not only" and "not just" add, not deny.
const NOT_NEGATING_AFTER = new Set(['longer', 'only', 'just']);
// Words that may sit between a negation and the term it denies: "not a", "no such thing as a".
const FILLERS = new Set([
  'a',
  'an',
  'the',
  'her',
  'his',
  'their',
  'be',
  'been',
  'being',
  'is',
  'was',
  'are',
  'were',
  'really',
  'actually',
  'such',
  'thing',
  'as',
  'simply',
  'merely',
  'to',
]);

function isNegator(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (!token || token.quoted) return false;
  const norm = token.norm;
  if (NEGATORS.has(norm) || norm.endsWith("n't")) return !NOT_NEGATING_AFTER.has(tokens[i + 1]?.norm ?? '');
  // "rather than", "instead of": the writer sets the term aside; "even if", "even when", "even
  // though": the writer concedes an appearance and denies it ("abuse even if it appears consensual").
  if (norm === 'than') return tokens[i - 1]?.norm === 'rather';
  if (norm === 'of') return tokens[i - 1]?.norm === 'instead';
  if (norm === 'if' || norm === 'when' || norm === 'though') return tokens[i - 1]?.norm === 'even';
  return false;
}

function negatedInClause(tokens: readonly Token[], start: number): boolean {
  const clause = tokens[start]?.clause;
  for (let i = start - 1; i >= 0 && start - i <= NEGATION_REACH; i--) {
    if (tokens[i]?.clause !== clause) return false;
    if (isNegator(tokens, i)) return true;
  }
  return false;
}

function negatedAdjacent(tokens: readonly Token[], start: number): boolean {
  const clause = tokens[start]?.clause;
  let fillers = 0;
  for (let i = start - 1; i >= 0; i--) {
    const token = tokens[i];
    if (!token || token.clause !== clause) return false;
    if (isNegator(tokens, i)) return true;
    if (!FILLERS.has(token.norm) || ++fillers > 4) return false;
  }
  return false;
}

function contextScope(tokens: readonly Token[], at: number): Scope {
  return { sentence: tokens[at]?.sentence ?? -1, allowQuoted: true };
}

function phraseBefore(list: PhraseWindow, tokens: readonly Token[], start: number): boolean {
  const scope = contextScope(tokens, start);
  for (let j = start - 1; j >= 0 && start - j <= list.window + 6; j--) {
    if (tokens[j]?.sentence !== scope.sentence) return false;
    for (const phrase of list.phrases) {
      const end = matchAt(phrase, tokens, j, scope);
      if (end >= 0 && end <= start && start - end <= list.window) return true;
    }
  }
  return false;
}

function phraseAfter(list: PhraseWindow, tokens: readonly Token[], end: number): boolean {
  const scope = contextScope(tokens, end - 1);
  for (let j = end; j < tokens.length && j - end <= list.window; j++) {
    if (tokens[j]?.sentence !== scope.sentence) return false;
    for (const phrase of list.phrases) if (matchAt(phrase, tokens, j, scope) >= 0) return true;
  }
  return false;
}

function phraseNear(list: PhraseWindow, tokens: readonly Token[], start: number, end: number): boolean {
  return phraseBefore(list, tokens, start) || phraseAfter(list, tokens, end);
}

/**
 * Overlaps between rules: a finding inside a longer one is dropped ("child prostitution" is one
 * abolished term, not also exchange framing) unless it is more severe than the longer one ("involved
 * in prostitution" keeps both). Findings that only partly overlap are both kept — each names a
 * different problem ("agreed to have sex with them in exchange for …").
 */
function resolveOverlaps(candidates: Candidate[], order: ReadonlyMap<string, number>): Candidate[] {
  if (candidates.length < 2) return candidates;
  const ranked = [...candidates].sort(
    (a, b) =>
      length(b) - length(a) ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      (order.get(a.rule.id) ?? 0) - (order.get(b.rule.id) ?? 0) ||
      a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of ranked) {
    const nested = kept.some(
      (k) => c.start >= k.start && c.end <= k.end && SEVERITY_RANK[c.severity] <= SEVERITY_RANK[k.severity],
    );
    if (!nested) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start || a.rule.id.localeCompare(b.rule.id));
}
