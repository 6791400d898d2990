/**
 * Who is the other person? "Boyfriend", "relationship", "had sex with" are ordinary words about two
 * fifteen-year-olds and a dangerous euphemism about a man of twenty-four. This module reads the
 * sentence around such a word (and the one after it: "She has a new boyfriend. He is 24.") and says
 * which of those it describes, so the rule can flag the second and leave the first alone.
 *
 * Changing these cues changes which relationships are flagged as exploitation: keep the tests beside
 * this file in step.
 */
import type { Token } from './tokenize.ts';

export type AgeReading = 'adult' | 'age-gap' | 'peer' | 'unknown';

/** An age gap this wide between two children is a power imbalance (seed 000: 13 and 17). */
export const AGE_GAP_YEARS = 3;

interface AgeMention {
  value: number;
  first: number;
  last: number;
  /** "a 17-year-old boyfriend", "24yo man": the age describes the next noun. */
  adjectival: boolean;
  /** "who is also 15": said to be the same age as the child. */
  also: boolean;
}

const WINDOW_BEFORE = 20;
const WINDOW_AFTER = 25;

const DECADES: Record<string, number> = {
  twenties: 20,
  thirties: 30,
  forties: 40,
  fifties: 50,
  sixties: 60,
  '20s': 20,
  '30s': 30,
  '40s': 40,
  '50s': 50,
  '60s': 60,
};

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
];
const MONTHS_BEFORE = new Set(MONTHS);
// A number followed by one of these is a quantity or a date, not an age.
const NOT_AGE_AFTER = new Set([
  ...MONTHS,
  'hour',
  'hours',
  'hrs',
  'minute',
  'minutes',
  'mins',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'times',
  'mile',
  'miles',
  'pm',
  'am',
  'pounds',
  'percent',
  'calls',
  'messages',
  'texts',
  'occasions',
  'episodes',
  'people',
  'children',
  'girls',
  'boys',
]);

const ADULT_CUES = new Set([
  'older',
  'adult',
  'adults',
  'man',
  'men',
  'grown',
  'olders',
  'elders',
  'poc',
  'abuser',
  'abusers',
  'abusing',
  'trafficking',
  'trafficked',
  'controlling',
  'coercive',
  'imbalance',
  'woman',
  'women',
]);
const ADULT_STEMS = ['exploit', 'groom'];
const PEER_CUES = new Set(['peer', 'peers', 'classmate', 'classmates', 'schoolmate', 'schoolmates']);

// Words that may sit between a relationship word and the age that belongs to it:
// "boyfriend, who she says is 24", "boyfriend (believed to be about 19)", "with a boy of 17".
const BRIDGE = new Set([
  'who',
  'is',
  'was',
  'also',
  'aged',
  'age',
  'a',
  'an',
  'he',
  'she',
  'they',
  'says',
  'said',
  'believes',
  'believed',
  'thought',
  'reported',
  'reportedly',
  'to',
  'be',
  'about',
  'around',
  'approximately',
  'approx',
  'nearly',
  'almost',
  'just',
  'being',
  'of',
  'now',
  'boy',
  'girl',
  'lad',
  'male',
  'female',
]);
const BEFORE_TERM = new Set(['new', 'older', 'current', 'ex', 'former', 'alleged', 'so', 'called']);

export function readOtherPersonAge(
  tokens: readonly Token[],
  text: string,
  start: number,
  end: number,
  childAge?: number,
): AgeReading {
  const { lo, hi } = windowAround(tokens, start, end);
  const mentions = findAgeMentions(tokens, text, lo, hi);

  const attached = mentions.find((m) => isAttached(m, tokens, text, start, end));
  if (attached) {
    if (attached.value >= 18) return 'adult';
    const other = childAge ?? nearestOtherAge(mentions, attached, start);
    if (other !== undefined && other < 18 && Math.abs(attached.value - other) >= AGE_GAP_YEARS)
      return 'age-gap';
    return 'peer';
  }
  if (mentions.some((m) => m.also && m.value < 18)) return 'peer';
  if (hasPeerCue(tokens, lo, hi)) return 'peer';
  if (mentions.some((m) => m.value >= 18)) return 'adult';
  if (hasAdultCue(tokens, lo, hi, start, end)) return 'adult';

  const children = mentions.map((m) => m.value);
  if (childAge !== undefined) children.push(childAge);
  if (children.length >= 2 && Math.max(...children) - Math.min(...children) >= AGE_GAP_YEARS)
    return 'age-gap';
  return 'unknown';
}

function windowAround(tokens: readonly Token[], start: number, end: number): { lo: number; hi: number } {
  const sentence = tokens[start]?.sentence ?? 0;
  let lo = start;
  while (lo > 0 && start - lo < WINDOW_BEFORE && tokens[lo - 1]?.sentence === sentence) lo--;
  let hi = end - 1;
  while (
    hi < tokens.length - 1 &&
    hi - end < WINDOW_AFTER &&
    (tokens[hi + 1]?.sentence ?? -1) <= sentence + 1
  ) {
    hi++;
  }
  return { lo, hi };
}

function findAgeMentions(tokens: readonly Token[], text: string, lo: number, hi: number): AgeMention[] {
  const mentions: AgeMention[] = [];
  for (let i = lo; i <= hi; i++) {
    const token = tokens[i];
    if (!token) continue;
    const decade = DECADES[token.norm];
    if (decade !== undefined) {
      mentions.push({ value: decade, first: i, last: i, adjectival: false, also: false });
      continue;
    }
    const number = /^(\d{1,2})(yo|yrs?|y)?$/.exec(token.norm);
    if (!number) continue;
    const value = Number(number[1]);
    const before = text[token.start - 1] ?? '';
    const after = text[token.end] ?? '';
    const afterNext = text[token.end + 1] ?? '';
    if (/[£$€:/]/.test(before) || (/[:/.]/.test(after) && /\d/.test(afterNext))) continue;
    const next = tokens[i + 1];
    const previous = tokens[i - 1];
    if (next && NOT_AGE_AFTER.has(next.norm)) continue;
    if (previous && MONTHS_BEFORE.has(previous.norm)) continue;

    let last = i;
    let adjectival = number[2] !== undefined;
    // "17-year-old", "17 years old", "17 yr old", "17 y/o"
    const unit = tokens[i + 1]?.norm;
    if (
      (unit === 'year' || unit === 'years' || unit === 'yr' || unit === 'yrs') &&
      tokens[i + 2]?.norm === 'old'
    ) {
      last = i + 2;
      adjectival = true;
    } else if (unit === 'y' && tokens[i + 2]?.norm === 'o') {
      last = i + 2;
      adjectival = true;
    }
    const also = previous?.norm === 'also' || tokens[i - 2]?.norm === 'also';
    mentions.push({ value, first: i, last, adjectival, also });
    i = last;
  }
  return mentions;
}

function isAttached(
  m: AgeMention,
  tokens: readonly Token[],
  text: string,
  start: number,
  end: number,
): boolean {
  if (m.last < start) {
    // "a 17-year-old boyfriend", "a 24yo new boyfriend"
    if (!m.adjectival) return false;
    const between = start - m.last - 1;
    return between === 0 || (between === 1 && BEFORE_TERM.has(tokens[m.last + 1]?.norm ?? ''));
  }
  if (m.first < end || m.first - (end - 1) > 7) return false;
  let names = 0;
  for (let i = end; i < m.first; i++) {
    const token = tokens[i];
    if (!token) return false;
    if (BRIDGE.has(token.norm)) continue;
    // A name between the word and the age: "boyfriend Jay, 24".
    const initial = text[token.start] ?? '';
    if (initial !== initial.toLowerCase() && names < 2) {
      names++;
      continue;
    }
    return false;
  }
  return true;
}

function nearestOtherAge(
  mentions: readonly AgeMention[],
  attached: AgeMention,
  start: number,
): number | undefined {
  let best: AgeMention | undefined;
  for (const m of mentions) {
    if (m === attached || m.value >= 18) continue;
    if (!best || Math.abs(m.first - start) < Math.abs(best.first - start)) best = m;
  }
  return best?.value;
}

function hasPeerCue(tokens: readonly Token[], lo: number, hi: number): boolean {
  for (let i = lo; i <= hi; i++) {
    const norm = tokens[i]?.norm ?? '';
    if (PEER_CUES.has(norm)) return true;
    const next = tokens[i + 1]?.norm;
    // "the same age", "a similar age", "the same year group", "in her year"
    if ((norm === 'same' || norm === 'similar') && (next === 'age' || next === 'year' || next === 'class'))
      return true;
    if (norm === 'year' && next === 'group') return true;
    // "in her year", "in his class"
    if (
      norm === 'in' &&
      /^(her|his|their)$/.test(next ?? '') &&
      /^(year|class|form)$/.test(tokens[i + 2]?.norm ?? '')
    ) {
      return true;
    }
  }
  return false;
}

function hasAdultCue(tokens: readonly Token[], lo: number, hi: number, start: number, end: number): boolean {
  for (let i = lo; i <= hi; i++) {
    if (i >= start && i < end) continue;
    const norm = tokens[i]?.norm ?? '';
    if (ADULT_CUES.has(norm)) return true;
    if (ADULT_STEMS.some((stem) => norm.startsWith(stem))) return true;
    // "person of concern", "persons of concern"; "age gap"
    if (
      norm === 'concern' &&
      tokens[i - 1]?.norm === 'of' &&
      /^(person|persons|people)$/.test(tokens[i - 2]?.norm ?? '')
    ) {
      return true;
    }
    if (norm === 'gap' && tokens[i - 1]?.norm === 'age') return true;
  }
  return false;
}
