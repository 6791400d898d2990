/**
 * Matching people: names and aliases (word by word, Jaro–Winkler, nicknames made the same), phone
 * numbers, handles and vehicles after normalisation, dates of birth and estimated ages, postcodes.
 */
import { addDays, daysBetween, type IsoDate } from './dates.ts';
import type { MatchRules, PersonSubject, Scored } from './matching.ts';
import {
  nameTokens,
  normaliseHandle,
  normalisePhone,
  normalisePostcode,
  normaliseVehicleRegistration,
  vehicleMatchKey,
} from './normalise.ts';
import { tokenNameSimilarity } from './similarity.ts';

interface NameForm {
  label: string;
  tokens: string[];
  alias: boolean;
}

export interface PreparedPerson {
  kind: 'person';
  names: NameForm[];
  dateOfBirth: IsoDate | null;
  /** A date of birth estimated from an age: the middle of the year the age implies. */
  estimatedBirth: IsoDate | null;
  phones: Set<string>;
  handles: Map<string, string>;
  vehicles: Map<string, string>;
  postcodes: Set<string>;
}

const quoted = (s: string) => `'${s}'`;

export function preparePerson(p: PersonSubject): PreparedPerson {
  const names: NameForm[] = [];
  if (p.name?.trim())
    names.push({ label: `name ${quoted(p.name.trim())}`, tokens: nameTokens(p.name), alias: false });
  for (const a of p.aliases ?? []) {
    if (a.trim()) names.push({ label: `alias ${quoted(a.trim())}`, tokens: nameTokens(a), alias: true });
  }
  let estimatedBirth: IsoDate | null = null;
  if (!p.dateOfBirth && p.ageYears != null && p.ageRecordedOn) {
    estimatedBirth = addDays(p.ageRecordedOn, -Math.round((p.ageYears + 0.5) * 365.25));
  }
  const phones = new Set<string>();
  for (const raw of p.phones ?? []) {
    const n = normalisePhone(raw);
    if (n.ok) phones.add(n.value);
  }
  const handles = new Map<string, string>();
  for (const h of p.handles ?? []) {
    const n = normaliseHandle(h.platform, h.handle);
    if (n.ok) handles.set(`${n.platform}:${n.value}`, `${n.platform} handle ${n.display}`);
  }
  const vehicles = new Map<string, string>();
  for (const v of p.vehicles ?? []) {
    const n = normaliseVehicleRegistration(v);
    vehicles.set(vehicleMatchKey(v), n.ok ? n.display : v.trim().toUpperCase());
  }
  const postcodes = new Set<string>();
  for (const pc of p.postcodes ?? []) {
    const n = normalisePostcode(pc);
    if (n.ok) postcodes.add(n.value);
  }
  return {
    kind: 'person',
    names: names.filter((n) => n.tokens.length),
    dateOfBirth: p.dateOfBirth ?? null,
    estimatedBirth,
    phones,
    handles,
    vehicles,
    postcodes,
  };
}

/**
 * The same name: the same words, in any order, after nicknames are made the same — or a name of two
 * or more words whose every word is in the other (a middle name given on one record only). One word
 * inside a longer name ("Jay" in "Jay Dee") is similar, not the same.
 */
function sameWords(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (!short.length || (short.length === 1 && long.length > 1)) return false;
  return short.every((t) => long.includes(t));
}

export function scorePersons(a: PreparedPerson, b: PreparedPerson, r: MatchRules['person']): Scored {
  const reasons: string[] = [];
  let score = 0;

  for (const phone of a.phones) {
    if (b.phones.has(phone)) {
      score += r.samePhone;
      reasons.push(`same phone number (${phone})`);
      break;
    }
  }
  for (const [key, label] of a.handles) {
    if (b.handles.has(key)) {
      score += r.sameHandle;
      reasons.push(`same ${label}`);
      break;
    }
  }
  for (const [key, label] of a.vehicles) {
    if (b.vehicles.has(key)) {
      score += r.sameVehicle;
      reasons.push(`linked to the same vehicle (${label})`);
      break;
    }
  }

  if (a.names.length && b.names.length) {
    // The pair of names (or aliases) that is the strongest evidence, and what it is worth.
    let best: { points: number; reason: string } | null = null;
    let bestSim = 0;
    for (const x of a.names) {
      for (const y of b.names) {
        const sim = sameWords(x.tokens, y.tokens)
          ? 1
          : Math.min(tokenNameSimilarity(x.tokens, y.tokens), 0.99);
        const single = x.alias || y.alias || x.tokens.length === 1 || y.tokens.length === 1;
        bestSim = Math.max(bestSim, sim);
        let found: { points: number; reason: string } | null = null;
        if (sim === 1) found = { points: single ? r.aliasOrOneWordSame : r.nameSame, reason: 'the same as' };
        else if (sim >= r.nameStrongFrom)
          found = { points: single ? r.aliasOrOneWordSimilar : r.nameStrong, reason: 'very similar to' };
        else if (sim >= r.nameSimilarFrom)
          found = { points: single ? r.aliasOrOneWordSimilar : r.nameSimilar, reason: 'similar to' };
        if (found && (!best || found.points > best.points))
          best = { points: found.points, reason: `${x.label} ${found.reason} ${y.label}` };
      }
    }
    if (best) {
      score += best.points;
      reasons.push(best.reason);
    } else if (bestSim < r.namesDifferBelow) {
      score += r.namesDiffer;
      reasons.push('names and aliases differ');
    }
  }

  const da = a.dateOfBirth;
  const db = b.dateOfBirth;
  if (da && db) {
    const days = Math.abs(daysBetween(da, db));
    if (da === db) {
      score += r.sameDateOfBirth;
      reasons.push(`same date of birth (${da})`);
    } else if (
      da.slice(0, 4) === db.slice(0, 4) &&
      da.slice(5, 7) === db.slice(8, 10) &&
      da.slice(8, 10) === db.slice(5, 7)
    ) {
      score += r.dateOfBirthDayMonthSwapped;
      reasons.push(`date of birth with day and month swapped (${da} and ${db})`);
    } else if (days <= 366) {
      score += r.dateOfBirthWithinAYear;
      reasons.push(`dates of birth within a year (${da} and ${db})`);
    } else if (days > 731) {
      score += r.datesOfBirthFarApart;
      reasons.push(`dates of birth more than two years apart (${da} and ${db})`);
    }
  } else {
    const ea = da ?? a.estimatedBirth;
    const eb = db ?? b.estimatedBirth;
    if (ea && eb) {
      const years = Math.abs(daysBetween(ea, eb)) / 365.25;
      if (years <= 1.5) {
        score += r.ageConsistent;
        reasons.push('ages consistent');
      } else if (years > 4) {
        score += r.ageInconsistent;
        reasons.push(`ages inconsistent (about ${Math.round(years)} years apart)`);
      }
    }
  }

  for (const pc of a.postcodes) {
    if (b.postcodes.has(pc)) {
      score += r.samePostcode;
      reasons.push(`same postcode in addresses (${pc})`);
      break;
    }
  }
  return { score, reasons };
}
