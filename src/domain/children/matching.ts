/**
 * "One child, one record": how likely it is that a described child is an existing record.
 *
 * The database proposes candidates (trigram similarity of names, date of birth, postcode, school); this
 * pure function scores each with reasons a person can check ("same date of birth", "similar name to
 * known-as 'Jay'"). It only ever proposes: a person decides, and merging is a separate, audited act.
 * The weights are data (MATCH_RULES) so a partnership can tune them.
 */

export interface MatchInput {
  givenName: string;
  familyName: string;
  knownAs?: readonly string[];
  dateOfBirth?: string | null;
  dateOfBirthEstimated?: boolean;
  sex?: string | null;
  postcodes?: readonly string[];
  school?: string | null;
}

export interface MatchCandidate extends MatchInput {
  id: string;
}

export type MatchStrength = 'likely' | 'possible';

export interface ScoredMatch {
  id: string;
  score: number;
  strength: MatchStrength;
  reasons: string[];
}

export const MATCH_RULES = {
  version: '2025.1',
  sameName: 40,
  similarName: 25,
  sameFamilyName: 10,
  sameDateOfBirth: 40,
  dayMonthSwapped: 25,
  dateOfBirthWithinAYear: 10,
  estimatedAgeConsistent: 10,
  datesOfBirthFarApart: -40,
  samePostcode: 15,
  sameSchool: 10,
  sexDiffers: -20,
  sameNameSimilarity: 0.85,
  similarNameSimilarity: 0.45,
  likelyFrom: 60,
  possibleFrom: 35,
} as const;

/** pg_trgm's trigrams: lower case, words of letters and digits, padded with two spaces before and one after. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** The same similarity as pg_trgm's `similarity()`: shared trigrams over all trigrams. */
export function similarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

export const normalisePostcode = (p: string) => p.replace(/\s+/g, '').toUpperCase();
const normaliseSchool = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

interface NameForm {
  text: string;
  label: string;
}

function nameForms(p: MatchInput): NameForm[] {
  const full = `${p.givenName} ${p.familyName}`;
  return [
    { text: full, label: `name '${full}'` },
    ...(p.knownAs ?? []).flatMap((k) => [
      { text: k, label: `known-as '${k}'` },
      { text: `${k} ${p.familyName}`, label: `known-as '${k}'` },
    ]),
  ];
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

export function scoreMatch(input: MatchInput, candidate: MatchCandidate): ScoredMatch | null {
  const R = MATCH_RULES;
  const reasons: string[] = [];
  let score = 0;

  // Name: the best pair among full names and known-as names, both ways round.
  let best = { sim: 0, label: '' };
  for (const a of nameForms(input)) {
    for (const b of nameForms(candidate)) {
      const sim = similarity(a.text, b.text);
      if (sim > best.sim) best = { sim, label: b.label };
    }
  }
  if (best.sim >= R.sameNameSimilarity) {
    score += R.sameName;
    reasons.push(`same ${best.label}`);
  } else if (best.sim >= R.similarNameSimilarity) {
    score += R.similarName;
    reasons.push(`similar name to ${best.label}`);
  }
  if (
    best.sim < R.sameNameSimilarity &&
    input.familyName.trim().toLowerCase() === candidate.familyName.trim().toLowerCase()
  ) {
    score += R.sameFamilyName;
    reasons.push('same family name');
  }

  const a = input.dateOfBirth;
  const b = candidate.dateOfBirth;
  if (a && b) {
    const estimated = input.dateOfBirthEstimated || candidate.dateOfBirthEstimated;
    const days = daysBetween(a, b);
    if (a === b && !estimated) {
      score += R.sameDateOfBirth;
      reasons.push('same date of birth');
    } else if (
      !estimated &&
      a.slice(0, 4) === b.slice(0, 4) &&
      a.slice(5, 7) === b.slice(8, 10) &&
      a.slice(8, 10) === b.slice(5, 7)
    ) {
      score += R.dayMonthSwapped;
      reasons.push('date of birth with day and month swapped');
    } else if (estimated && days <= 730) {
      score += R.estimatedAgeConsistent;
      reasons.push('age consistent with an estimated date of birth');
    } else if (days <= 366) {
      score += R.dateOfBirthWithinAYear;
      reasons.push('date of birth within a year');
    } else if (days > 730) {
      score += R.datesOfBirthFarApart;
      reasons.push('dates of birth more than two years apart');
    }
  }

  const theirs = new Set((candidate.postcodes ?? []).map(normalisePostcode));
  const shared = (input.postcodes ?? []).map(normalisePostcode).find((p) => p && theirs.has(p));
  if (shared) {
    score += R.samePostcode;
    reasons.push(`same postcode (${shared}) in address history`);
  }

  if (
    input.school &&
    candidate.school &&
    normaliseSchool(input.school) === normaliseSchool(candidate.school)
  ) {
    score += R.sameSchool;
    reasons.push('same school or setting');
  }

  const known = (s?: string | null) => s === 'female' || s === 'male';
  if (known(input.sex) && known(candidate.sex) && input.sex !== candidate.sex) {
    score += R.sexDiffers;
    reasons.push('recorded sex differs');
  }

  if (score < R.possibleFrom) return null;
  return { id: candidate.id, score, strength: score >= R.likelyFrom ? 'likely' : 'possible', reasons };
}

/** Scores every candidate and returns those worth showing, best first. */
export function rankMatches(input: MatchInput, candidates: readonly MatchCandidate[]): ScoredMatch[] {
  return candidates
    .map((c) => scoreMatch(input, c))
    .filter((m): m is ScoredMatch => m !== null)
    .sort((x, y) => y.score - x.score || x.id.localeCompare(y.id));
}
