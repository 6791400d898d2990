/**
 * Splits a note into word tokens. Everything the matcher knows about a word — whether it sits in
 * quoted speech, which sentence and which clause it belongs to — is decided here once, so the
 * pattern engine only ever compares normalised words.
 *
 * Hyphens split words ("risk-taking" → risk, taking) so one pattern covers the hyphenated and the
 * spaced spelling; apostrophes inside a word keep it whole ("didn't", "mum's"), so a pattern never
 * matches half a word.
 */
import { findQuotedRanges } from './quotes.ts';

export interface Token {
  /** Lower-case, with curly apostrophes made straight: what patterns compare against. */
  readonly norm: string;
  /** 0-based offsets into the original text; end is exclusive. */
  readonly start: number;
  readonly end: number;
  /** Inside quotation marks: someone's own words, never flagged. */
  readonly quoted: boolean;
  /** Patterns and context never reach across a sentence. */
  readonly sentence: number;
  /** Negation only reaches back within its clause ("not in school, but …" does not negate "but …"). */
  readonly clause: number;
}

const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}]/u;

// A full stop after these does not end a sentence ("Mr. Lee", "e.g. at the park").
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'eg', 'e', 'g', 'i', 'ie', 'approx', 'vs']);

// "but", "although" … start a new clause. "and" only does when a new verb phrase follows it
// ("… not in school and is out late"), not when it joins two verbs under one negation
// ("no suggestion she was going out and putting herself …").
const CLAUSE_WORDS = new Set(['but', 'however', 'although', 'though', 'whereas', 'because', 'while', 'yet']);
const NEW_PREDICATE_AFTER_AND = new Set([
  'is',
  'was',
  'are',
  'were',
  'has',
  'have',
  'had',
  'she',
  'he',
  'they',
  'it',
  'will',
  'would',
  'can',
  'could',
  'continues',
  'continued',
  'keeps',
  'kept',
  'often',
  'regularly',
  'frequently',
  'then',
  'now',
]);

export function normalise(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replaceAll('’', "'") : lower;
}

export function tokenize(text: string): Token[] {
  const quoted = findQuotedRanges(text);
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  let q = 0;
  let gap = emptyGap();
  let pendingAnd = -1;

  let i = 0;
  while (i < text.length) {
    if (!isWordChar(text, i)) {
      noteGapChar(gap, text.charCodeAt(i));
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && (isWordChar(text, i) || isInnerApostrophe(text, i))) i++;
    const norm = normalise(text.slice(start, i));

    if (tokens.length > 0) {
      const previous = tokens[tokens.length - 1];
      const sentenceEnds =
        gap.blankLine || (gap.sentencePunctuation && !isAbbreviation(previous?.norm ?? '', gap));
      if (sentenceEnds) {
        sentence++;
        clause++;
      } else if (gap.clausePunctuation || CLAUSE_WORDS.has(norm)) {
        clause++;
      } else if (pendingAnd === tokens.length - 1 && NEW_PREDICATE_AFTER_AND.has(norm)) {
        // "… not in school and is out late": the "and" and what follows start a new clause.
        const and = tokens[pendingAnd];
        if (and) tokens[pendingAnd] = { ...and, clause: clause + 1 };
        clause++;
      }
    }
    while (q < quoted.length && (quoted[q]?.[1] ?? 0) <= start) q++;
    const range = quoted[q];
    const inQuote = range !== undefined && range[0] < start && start < range[1];
    tokens.push({ norm, start, end: i, quoted: inQuote, sentence, clause });
    pendingAnd = norm === 'and' ? tokens.length - 1 : -1;
    gap = emptyGap();
  }
  return tokens;
}

interface Gap {
  sentencePunctuation: boolean;
  clausePunctuation: boolean;
  blankLine: boolean;
  newlines: number;
  /** Characters other than spaces and a single full stop: "e.g." ends no sentence, "e.g.)" may. */
  onlyFullStop: boolean;
  fullStops: number;
  previousSpace: boolean;
}

function emptyGap(): Gap {
  return {
    sentencePunctuation: false,
    clausePunctuation: false,
    blankLine: false,
    newlines: 0,
    onlyFullStop: true,
    fullStops: 0,
    previousSpace: false,
  };
}

function noteGapChar(gap: Gap, code: number): void {
  const isSpace = code === 32 || code === 9 || code === 13;
  if (code === 10) {
    gap.newlines++;
    if (gap.newlines >= 2) gap.blankLine = true;
  } else if (!isSpace) {
    // A blank line is two newlines with only spaces between them.
    gap.newlines = 0;
  }
  if (code === 46) gap.fullStops++;
  else if (!isSpace && code !== 10) gap.onlyFullStop = false;
  // . ! ? ;
  if (code === 46 || code === 33 || code === 63 || code === 59) gap.sentencePunctuation = true;
  // , : ( ) [ ] – —, and a hyphen standing alone between spaces
  if (
    code === 44 ||
    code === 58 ||
    code === 40 ||
    code === 41 ||
    code === 91 ||
    code === 93 ||
    code === 0x2013 ||
    code === 0x2014
  ) {
    gap.clausePunctuation = true;
  }
  if (code === 45 && gap.previousSpace) gap.clausePunctuation = true;
  gap.previousSpace = isSpace;
}

function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return NON_ASCII_WORD_CHAR.test(text[i] ?? '');
}

function isInnerApostrophe(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return (code === 39 || code === 0x2019) && i + 1 < text.length && isWordChar(text, i + 1);
}

function isAbbreviation(word: string, gap: Gap): boolean {
  return gap.onlyFullStop && gap.fullStops === 1 && ABBREVIATIONS.has(word);
}
