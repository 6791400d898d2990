/**
 * Matching across agencies: when a person, place, phone number, handle or vehicle is entered, Lantern
 * proposes existing records that are probably the same, each with a score and reasons a person can
 * check ("same phone number", "alias 'Jay' similar to name 'Jay-Dee'").
 *
 * It only ever proposes. Merging two records is a separate act that an authorised user confirms
 * (merge.ts), because a wrong merge joins one person's intelligence to another's name. The weights
 * and thresholds are data (CONTEXT_MATCH_RULES) so a partnership can tune them; evaluation.ts measures
 * precision and recall on a generated set with known duplicates whenever they change.
 */
import { ageOn, daysBetween, type IsoDate } from './dates.ts';
import type { OnlinePlatform } from './kinds.ts';
import { type PreparedPerson, preparePerson, scorePersons } from './match-persons.ts';
import { type PreparedPlace, preparePlace, scorePlaces } from './match-places.ts';
import { type PreparedVehicle, prepareVehicle, scoreVehicles } from './match-vehicles.ts';

export const CONTEXT_MATCH_RULES = {
  version: '2025.1',
  person: {
    samePhone: 45,
    sameHandle: 45,
    sameVehicle: 20,
    /** Whole names (two or more words) that are the same or similar. */
    nameSame: 45,
    nameStrong: 35,
    nameSimilar: 18,
    /**
     * When either side is an alias or a single word (a nickname, a first name alone) the evidence is
     * weaker: street names are shared by many people.
     */
    aliasOrOneWordSame: 20,
    aliasOrOneWordSimilar: 12,
    /** Both have names and none of them is similar. */
    namesDiffer: -20,
    sameDateOfBirth: 30,
    dateOfBirthDayMonthSwapped: 22,
    dateOfBirthWithinAYear: 8,
    datesOfBirthFarApart: -35,
    ageConsistent: 8,
    ageInconsistent: -25,
    samePostcode: 10,
    nameStrongFrom: 0.92,
    nameSimilarFrom: 0.85,
    namesDifferBelow: 0.8,
    likelyFrom: 65,
    possibleFrom: 40,
  },
  place: {
    samePostcode: 30,
    /** Both have postcodes and the outward codes differ: almost certainly not the same place. */
    postcodesDiffer: -30,
    sameOutwardCodeOnly: -10,
    /** Same house number, flat or building name. */
    samePremises: 30,
    /** One names a flat in a building the other gives without a flat. */
    sameBuilding: 10,
    differentPremises: -50,
    sameStreet: 15,
    /** Both give a street and the streets are not alike. */
    differentStreet: -20,
    sameName: 25,
    coordinatesNear: 20,
    coordinatesFar: -30,
    streetSimilarFrom: 0.6,
    streetDifferentBelow: 0.3,
    nameSimilarFrom: 0.9,
    nearMetres: 75,
    farMetres: 2000,
    likelyFrom: 60,
    possibleFrom: 40,
  },
  vehicle: {
    sameRegistration: 70,
    /** The same once O/0 and I/1 are treated as the same character. */
    sameRegistrationIfMisread: 55,
    /** Same length, one character different: a partial or misread plate. */
    oneCharacterDifferent: 25,
    sameMake: 10,
    makeDiffers: -25,
    sameColour: 5,
    colourDiffers: -5,
    likelyFrom: 60,
    possibleFrom: 40,
  },
} as const;

export type MatchRules = typeof CONTEXT_MATCH_RULES;

export interface PersonSubject {
  kind: 'person';
  name?: string | null;
  /** Aliases and nicknames. */
  aliases?: readonly string[];
  dateOfBirth?: IsoDate | null;
  /** When the date of birth is not known: an age in years, as recorded on `ageRecordedOn`. */
  ageYears?: number | null;
  ageRecordedOn?: IsoDate | null;
  phones?: readonly string[];
  handles?: readonly { platform: OnlinePlatform; handle: string }[];
  vehicles?: readonly string[];
  postcodes?: readonly string[];
}

export interface PlaceSubject {
  kind: 'place';
  name?: string | null;
  addressLines?: readonly string[];
  postcode?: string | null;
  coordinates?: { lat: number; lng: number } | null;
}

export interface VehicleSubject {
  kind: 'vehicle';
  registration: string;
  make?: string | null;
  colour?: string | null;
}

export type MatchSubject = PersonSubject | PlaceSubject | VehicleSubject;
export type MatchCandidate = MatchSubject & { id: string };

export type MatchStrength = 'likely' | 'possible';

export interface MatchResult {
  id: string;
  kind: MatchSubject['kind'];
  score: number;
  strength: MatchStrength;
  reasons: string[];
}

/** What a scorer returns: points and the reasons for them, in order. */
export interface Scored {
  score: number;
  reasons: string[];
}

export type Prepared = PreparedPerson | PreparedPlace | PreparedVehicle;

export function prepare(subject: MatchSubject): Prepared {
  switch (subject.kind) {
    case 'person':
      return preparePerson(subject);
    case 'place':
      return preparePlace(subject);
    case 'vehicle':
      return prepareVehicle(subject);
  }
}

/** Scores two prepared subjects of the same kind; null when the kinds differ. */
export function scorePrepared(
  a: Prepared,
  b: Prepared,
  rules: MatchRules = CONTEXT_MATCH_RULES,
): Scored | null {
  if (a.kind === 'person' && b.kind === 'person') return scorePersons(a, b, rules.person);
  if (a.kind === 'place' && b.kind === 'place') return scorePlaces(a, b, rules.place);
  if (a.kind === 'vehicle' && b.kind === 'vehicle') return scoreVehicles(a, b, rules.vehicle);
  return null;
}

export function strengthOf(
  kind: MatchSubject['kind'],
  score: number,
  rules: MatchRules = CONTEXT_MATCH_RULES,
): MatchStrength | null {
  const r = rules[kind];
  if (score >= r.likelyFrom) return 'likely';
  if (score >= r.possibleFrom) return 'possible';
  return null;
}

/**
 * The candidates that are probably the same as `input`, best first, each with a score, a strength and
 * the reasons. Candidates of another kind are ignored; those below the "possible" threshold are not
 * returned.
 */
export function matchCandidates(
  input: MatchSubject,
  candidates: readonly MatchCandidate[],
  rules: MatchRules = CONTEXT_MATCH_RULES,
): MatchResult[] {
  const a = prepare(input);
  const out: MatchResult[] = [];
  for (const c of candidates) {
    if (c.kind !== input.kind) continue;
    const scored = scorePrepared(a, prepare(c), rules);
    if (!scored) continue;
    const strength = strengthOf(input.kind, scored.score, rules);
    if (strength)
      out.push({ id: c.id, kind: c.kind, score: scored.score, strength, reasons: scored.reasons });
  }
  return out.sort((x, y) => y.score - x.score || x.id.localeCompare(y.id));
}

/** Age of a person subject on a date, from the date of birth or the recorded age. */
export function subjectAge(p: PersonSubject, on: IsoDate): number | null {
  if (p.dateOfBirth) return ageOn(p.dateOfBirth, on);
  if (p.ageYears != null && p.ageRecordedOn)
    return p.ageYears + Math.floor(daysBetween(p.ageRecordedOn, on) / 365.25);
  return null;
}
