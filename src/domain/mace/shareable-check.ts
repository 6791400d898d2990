/**
 * A minute marked shareable must not quote restricted text (issue 5, "Bad input").
 *
 * The shareable minutes go to every agency at the meeting, and may go to the young person and family.
 * Copying a sentence of police intelligence into them, or a registration or phone number that police
 * hold as intelligence, would pass the intelligence to people the label keeps it from: it could reach
 * the people exploiting the child and tell them what is known (seed 003 §4.54). So the check compares
 * the shareable text with the restricted texts of the item and of the record, and returns every span
 * that overlaps, with where it came from, so the screen can highlight it and the writer can reword it.
 *
 * Two kinds of overlap:
 *  - shared words: a run of at least `minWords` consecutive words found in a restricted text, after
 *    ignoring case, punctuation, spacing, accents and the articles a, an, the (so "the white car" and
 *    "a white car" match). Short common phrases do not trip it; a copied sentence does.
 *  - distinctive tokens: a vehicle registration, phone number, email address, online handle or postcode
 *    that appears in a restricted text, however it is spaced or written.
 *
 * It finds copying, not meaning: a careful paraphrase passes. The check is a guard against accidents;
 * the chair's judgement of what the meeting agreed to share is what decides.
 */
import type { SensitivityLabel } from '../access/types.ts';
import { plural } from './common.ts';

export const SHAREABLE_CHECK = {
  /** The fewest consecutive words that count as quoting. */
  minWords: 6,
  /** Words skipped when comparing, so swapping one article for another still matches. */
  ignoredWords: ['a', 'an', 'the'],
  source:
    'Issue 5 ("a minute marked shareable that quotes restricted text from the record" is refused); seed 003 ' +
    'Rec 23 and §4.54–4.55 (evidence and police intelligence are kept from the young person)',
} as const;

export interface RestrictedSource {
  readonly id?: string;
  readonly text: string;
  readonly sensitivity?: SensitivityLabel;
}
export type RestrictedText = string | RestrictedSource;

export const DISTINCTIVE_KINDS = [
  'vehicle_registration',
  'phone_number',
  'email_address',
  'online_handle',
  'postcode',
] as const;
export type DistinctiveKind = (typeof DISTINCTIVE_KINDS)[number];
export type QuoteKind = 'shared_words' | DistinctiveKind;

export const QUOTE_KIND_NAMES = {
  shared_words: 'words copied from restricted text',
  vehicle_registration: 'a vehicle registration',
  phone_number: 'a phone number',
  email_address: 'an email address',
  online_handle: 'an online handle',
  postcode: 'a postcode',
} as const satisfies Record<QuoteKind, string>;

export interface QuoteSource {
  /** Position of the restricted text in the list given. */
  readonly index: number;
  readonly id?: string;
  readonly sensitivity?: SensitivityLabel;
  /** Where the matching words are in the restricted text: [start, end) character offsets. */
  readonly start: number;
  readonly end: number;
}

export interface RestrictedQuote {
  readonly kind: QuoteKind;
  /** Where the quote is in the shareable text: [start, end) character offsets, for highlighting. */
  readonly start: number;
  readonly end: number;
  /** The quoted part of the shareable text, as written. */
  readonly text: string;
  /** For shared words: how many words (ignored words not counted). */
  readonly words?: number;
  readonly sources: readonly QuoteSource[];
}

export interface QuoteCheckOptions {
  minWords?: number;
  ignoredWords?: readonly string[];
}

// ---------------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------------

interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

function normaliseWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’]/g, '');
}

function tokens(text: string, ignored: ReadonlySet<string>): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = normaliseWord(m[0]);
    if (word.length === 0 || ignored.has(word)) continue;
    out.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function sourceOf(
  item: RestrictedText,
  index: number,
): { index: number; id?: string; sensitivity?: SensitivityLabel; text: string } {
  if (typeof item === 'string') return { index, text: item };
  // A malformed entry (from a badly mapped row) compares as empty text rather than throwing.
  if (typeof item !== 'object' || item === null) return { index, text: '' };
  return {
    index,
    text: typeof item.text === 'string' ? item.text : '',
    ...(item.id === undefined ? {} : { id: item.id }),
    ...(item.sensitivity === undefined ? {} : { sensitivity: item.sensitivity }),
  };
}

function sharedWords(
  shareable: string,
  restricted: readonly ReturnType<typeof sourceOf>[],
  minWords: number,
  ignored: ReadonlySet<string>,
): RestrictedQuote[] {
  const mine = tokens(shareable, ignored);
  if (mine.length < minWords) return [];
  // Every run of minWords words in the restricted texts, with where it starts.
  const shingles = new Map<string, { source: number; at: number }[]>();
  const theirs = restricted.map((r) => tokens(r.text, ignored));
  theirs.forEach((list, source) => {
    for (let at = 0; at + minWords <= list.length; at++) {
      const key = list
        .slice(at, at + minWords)
        .map((t) => t.word)
        .join(' ');
      const found = shingles.get(key);
      if (found) found.push({ source, at });
      else shingles.set(key, [{ source, at }]);
    }
  });

  // Which of the shareable words are inside a matching run, and which restricted words they match.
  const covered = new Array<boolean>(mine.length).fill(false);
  const matchedAt = new Map<number, { source: number; from: number; to: number }[]>();
  for (let i = 0; i + minWords <= mine.length; i++) {
    const key = mine
      .slice(i, i + minWords)
      .map((t) => t.word)
      .join(' ');
    const found = shingles.get(key);
    if (!found) continue;
    for (let k = i; k < i + minWords; k++) covered[k] = true;
    matchedAt.set(
      i,
      found.map((f) => ({ source: f.source, from: f.at, to: f.at + minWords - 1 })),
    );
  }

  const quotes: RestrictedQuote[] = [];
  let i = 0;
  while (i < mine.length) {
    if (!covered[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < mine.length && covered[j + 1]) j++;
    const ranges = new Map<number, { start: number; end: number }>();
    for (let k = i; k <= j; k++) {
      for (const m of matchedAt.get(k) ?? []) {
        const list = theirs[m.source] ?? [];
        const from = list[m.from];
        const to = list[m.to];
        if (!from || !to) continue;
        const prev = ranges.get(m.source);
        ranges.set(m.source, {
          start: Math.min(prev?.start ?? from.start, from.start),
          end: Math.max(prev?.end ?? to.end, to.end),
        });
      }
    }
    const first = mine[i] as Token;
    const last = mine[j] as Token;
    quotes.push({
      kind: 'shared_words',
      start: first.start,
      end: last.end,
      text: shareable.slice(first.start, last.end),
      words: j - i + 1,
      sources: [...ranges.entries()]
        .sort(([a], [b]) => a - b)
        .map(([index, range]) => {
          const { text: _text, ...rest } = restricted[index] as ReturnType<typeof sourceOf>;
          return { ...rest, ...range };
        }),
    });
    i = j + 1;
  }
  return quotes;
}

// ---------------------------------------------------------------------------------------------------
// Distinctive tokens
// ---------------------------------------------------------------------------------------------------

interface Distinctive {
  kind: DistinctiveKind;
  pattern: RegExp;
  normalise: (raw: string) => string | null;
}

const compact = (raw: string) => raw.replace(/[\s-]/g, '').toUpperCase();

/**
 * Patterns for things that identify one vehicle, phone, account or address. The registration formats
 * are the current GB format (AB12 CDE, any case) and the older prefix and suffix formats, written in
 * capitals so that road names such as "M62 and" are not mistaken for one.
 */
const DISTINCTIVE: readonly Distinctive[] = [
  {
    kind: 'email_address',
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    normalise: (raw) => raw.toLowerCase(),
  },
  {
    kind: 'online_handle',
    pattern: /(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_])/g,
    normalise: (raw) => raw.toLowerCase(),
  },
  {
    kind: 'phone_number',
    pattern: /(?<![\d+])(?:\+44[\s-]?(?:\(0\)[\s-]?)?|0)\d(?:[\s-]?\d){8,9}(?!\d)/g,
    normalise: (raw) => {
      let digits = raw.replace(/\D/g, '');
      if (digits.startsWith('44')) digits = `0${digits.slice(2).replace(/^0/, '')}`;
      return digits.length >= 10 && digits.length <= 11 ? digits : null;
    },
  },
  {
    kind: 'vehicle_registration',
    pattern:
      /\b(?:[A-Za-z]{2}\d{2}[\s-]?[A-Za-z]{3}|[A-Z]\d{1,3}[\s-]?[A-Z]{3}|[A-Z]{3}[\s-]?\d{1,3}[A-Z])\b/g,
    normalise: compact,
  },
  {
    kind: 'postcode',
    pattern: /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/g,
    normalise: compact,
  },
];

interface FoundToken {
  kind: DistinctiveKind;
  value: string;
  start: number;
  end: number;
}

function distinctiveTokens(text: string): FoundToken[] {
  const found: FoundToken[] = [];
  for (const d of DISTINCTIVE) {
    for (const m of text.matchAll(d.pattern)) {
      const value = d.normalise(m[0]);
      if (value === null) continue;
      const start = m.index;
      const end = start + m[0].length;
      // An earlier, more specific pattern (an email address) already holds these characters.
      if (found.some((f) => start < f.end && f.start < end)) continue;
      found.push({ kind: d.kind, value, start, end });
    }
  }
  return found;
}

function distinctiveQuotes(
  shareable: string,
  restricted: readonly ReturnType<typeof sourceOf>[],
): RestrictedQuote[] {
  const held = restricted.map((r) => distinctiveTokens(r.text));
  return distinctiveTokens(shareable).flatMap((token) => {
    const sources: QuoteSource[] = [];
    held.forEach((list, index) => {
      const match = list.find((t) => t.kind === token.kind && t.value === token.value);
      if (!match) return;
      const { text: _text, ...rest } = restricted[index] as ReturnType<typeof sourceOf>;
      sources.push({ ...rest, start: match.start, end: match.end });
    });
    if (sources.length === 0) return [];
    return [
      {
        kind: token.kind,
        start: token.start,
        end: token.end,
        text: shareable.slice(token.start, token.end),
        sources,
      },
    ];
  });
}

// ---------------------------------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------------------------------

/**
 * Every span of `shareableText` that quotes one of `restrictedTexts`, in order of where it starts.
 * Empty when the shareable text quotes nothing.
 */
export function findRestrictedQuotes(
  shareableText: string,
  restrictedTexts: readonly RestrictedText[],
  options: QuoteCheckOptions = {},
): RestrictedQuote[] {
  if (typeof shareableText !== 'string' || shareableText.trim() === '') return [];
  const list = Array.isArray(restrictedTexts) ? restrictedTexts : [];
  const restricted = list.map(sourceOf).filter((r) => r.text.trim() !== '');
  if (restricted.length === 0) return [];
  const minWords = Math.max(2, Math.floor(options.minWords ?? SHAREABLE_CHECK.minWords));
  const ignored = new Set((options.ignoredWords ?? SHAREABLE_CHECK.ignoredWords).map(normaliseWord));
  return [
    ...sharedWords(shareableText, restricted, minWords, ignored),
    ...distinctiveQuotes(shareableText, restricted),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
}

function ellipsis(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** The refusal, in words: what was quoted and why it cannot be shared. */
export function quoteRefusalMessage(field: string, quotes: readonly RestrictedQuote[]): string {
  const parts = quotes.map((q) =>
    q.kind === 'shared_words'
      ? `"${ellipsis(q.text)}" (${plural(q.words ?? 0, 'word')} copied from restricted text)`
      : `"${q.text}" (${QUOTE_KIND_NAMES[q.kind]} held in restricted text)`,
  );
  return (
    `${field} quotes restricted text: ${parts.join('; ')}. The shareable minutes go to every agency at the ` +
    'meeting and may go to the young person and family, so restricted information stays in the restricted ' +
    'minutes. Reword the shareable minute to say what was agreed without repeating it.'
  );
}
