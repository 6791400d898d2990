/**
 * How good is matching? A generator of a synthetic set of person, place and vehicle records with known
 * duplicates — the same person, place or vehicle as recorded by different agencies, with the
 * variations real records have (nicknames, typos, "SURNAME, Given", phone numbers written five ways,
 * day and month swapped, missing fields, O/0 misreads) — and hard cases that are not duplicates
 * (people who share a name, siblings at one address, neighbours in one postcode, flats in one
 * building, chain hotels, plates one character apart, a phone passed between people).
 *
 * Every name is invented and obviously so; phone numbers come from Ofcom's ranges reserved for drama
 * (07700 900xxx); postcodes use the unallocated ZX and ZY areas; registrations start with Z, which is
 * not a DVLA area letter. The generator is seeded, so a run is repeatable.
 */
import { addDays, type IsoDate } from './dates.ts';
import {
  ALIASES,
  COLOURS,
  FAMILY_A,
  FAMILY_B,
  GIVEN_A,
  GIVEN_B,
  GIVEN_WITH_VARIANTS,
  HOTEL_NAMES,
  INWARD_LETTERS,
  MAKES,
  MIDDLE,
  PLATE_LETTERS,
  PLATFORMS,
  STREET_A,
  STREET_B,
  STREET_TYPES,
  TOWNS,
} from './evaluation-data.ts';
import type { OnlinePlatform } from './kinds.ts';
import type { MatchCandidate, MatchSubject } from './matching.ts';

/** A small, fast, seeded pseudo-random generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

export interface EvaluationSet {
  seed: number;
  records: MatchCandidate[];
  /** Record id → the real-world entity it describes. Records sharing an entity are duplicates. */
  entityOf: Map<string, string>;
}

export interface EvaluationOptions {
  seed?: number;
  persons?: number;
  places?: number;
  vehicles?: number;
}

function typo(rng: Rng, word: string): string {
  if (word.length < 4) return word;
  const i = rng.int(1, word.length - 2);
  switch (rng.int(0, 3)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2);
    case 2:
      return word.slice(0, i) + (word[i] ?? '') + word.slice(i);
    default:
      return word.slice(0, i) + ('aeiou'.includes(word[i] ?? '') ? 'y' : 'e') + word.slice(i + 1);
  }
}

function formatPhone(rng: Rng, national: string): string {
  const nsn = national.slice(1);
  switch (rng.int(0, 5)) {
    case 0:
      return `${national.slice(0, 5)} ${national.slice(5)}`;
    case 1:
      return national;
    case 2:
      return `+44 ${nsn.slice(0, 4)} ${nsn.slice(4)}`;
    case 3:
      return `+44 (0)${nsn.slice(0, 4)} ${nsn.slice(4, 7)} ${nsn.slice(7)}`;
    case 4:
      return `0044 ${nsn}`;
    default:
      return `${national.slice(0, 5)}-${national.slice(5, 8)}-${national.slice(8)}`;
  }
}

function misread(rng: Rng, reg: string): string {
  const swaps: Record<string, string> = { O: '0', '0': 'O', I: '1', '1': 'I' };
  const positions = [...reg].map((c, i) => (c in swaps ? i : -1)).filter((i) => i >= 0);
  if (!positions.length) return reg;
  const i = rng.pick(positions);
  return reg.slice(0, i) + swaps[reg[i] as string] + reg.slice(i + 1);
}

interface PersonEntity {
  given: string;
  middle: string;
  family: string;
  aliases: string[];
  dateOfBirth: IsoDate;
  phones: string[];
  handles: { platform: OnlinePlatform; handle: string }[];
  vehicles: string[];
  postcodes: string[];
}

function randomDate(rng: Rng, from: IsoDate, days: number): IsoDate {
  return addDays(from, rng.int(0, days));
}

function plate(rng: Rng): string {
  const l = () => rng.pick([...PLATE_LETTERS]);
  return `Z${rng.pick(['X', 'Y'])}${rng.int(0, 9)}${rng.int(0, 9)}${l()}${l()}${l()}`;
}

function postcode(rng: Rng): string {
  return `Z${rng.pick(['X', 'Y'])}${rng.int(1, 9)} ${rng.int(0, 9)}${rng.pick([...INWARD_LETTERS])}${rng.pick([...INWARD_LETTERS])}`;
}

/**
 * Mobile numbers from Ofcom's range for drama, 07700 900000 to 07700 900999, each handed out once. When
 * the thousand are used up, no more phones are given (the set stays fictional).
 */
class DramaPhones {
  private readonly used = new Set<number>();
  constructor(private readonly rng: Rng) {}
  next(): string | undefined {
    if (this.used.size >= 1000) return undefined;
    let n: number;
    do n = this.rng.int(0, 999);
    while (this.used.has(n));
    this.used.add(n);
    return `07700900${String(n).padStart(3, '0')}`;
  }
}

function generatePersons(rng: Rng, count: number, phoneBook: DramaPhones): { entities: PersonEntity[] } {
  const phone = () => phoneBook.next();
  const handles = new Set<string>();
  const entities: PersonEntity[] = [];
  for (let i = 0; i < count; i++) {
    const real = Object.keys(GIVEN_WITH_VARIANTS);
    let given = rng.chance(0.15) ? rng.pick(real) : rng.pick(GIVEN_A) + rng.pick(GIVEN_B);
    let family = rng.pick(FAMILY_A) + rng.pick(FAMILY_B);
    let dateOfBirth = randomDate(rng, '1968-01-01', 40 * 365);
    let postcodes = rng.chance(0.5) ? [postcode(rng)] : [];
    const previous = entities.length ? rng.pick(entities) : undefined;
    if (previous && rng.chance(0.06)) {
      // Someone else with the same name, born years apart.
      given = previous.given;
      family = previous.family;
      dateOfBirth = addDays(
        previous.dateOfBirth,
        (previous.dateOfBirth < '1990-01-01' ? 1 : -1) * rng.int(3 * 365, 15 * 365),
      );
    } else if (previous && rng.chance(0.08)) {
      // A sibling: same family name and address, a few years apart.
      family = previous.family;
      postcodes = [...previous.postcodes];
      dateOfBirth = addDays(previous.dateOfBirth, rng.pick([-1, 1]) * rng.int(400, 6 * 365));
    }
    const aliases = rng.chance(0.5) ? [rng.pick(ALIASES)] : [];
    const phones: string[] = [];
    if (rng.chance(0.8)) phones.push(...[phone()].filter((p) => p !== undefined));
    if (rng.chance(0.25)) phones.push(...[phone()].filter((p) => p !== undefined));
    // A phone passed on: the same number recorded against a different person.
    if (previous?.phones[0] && rng.chance(0.04)) phones.push(previous.phones[0]);
    const hs: PersonEntity['handles'] = [];
    if (rng.chance(0.55)) {
      let h: string;
      do h = `${given.toLowerCase()}_${family.slice(0, 3).toLowerCase()}${rng.int(10, 99)}`;
      while (handles.has(h));
      handles.add(h);
      hs.push({ platform: rng.pick(PLATFORMS), handle: h });
    }
    const vehicles = rng.chance(0.35) ? [plate(rng)] : [];
    entities.push({
      given,
      middle: rng.pick(MIDDLE),
      family,
      aliases,
      dateOfBirth,
      phones,
      handles: hs,
      vehicles,
      postcodes,
    });
  }
  return { entities };
}

function personName(rng: Rng, e: PersonEntity, variant: boolean): { name: string; aliases: string[] } {
  if (!variant) return { name: `${e.given} ${e.family}`, aliases: e.aliases };
  const aliases = e.aliases.filter(() => rng.chance(0.5));
  const roll = rng.float();
  const variants = GIVEN_WITH_VARIANTS[e.given];
  if (roll < 0.25) return { name: `${e.given} ${e.family}`, aliases };
  if (roll < 0.45) {
    const forms = [
      `${e.family.toUpperCase()}, ${e.given}`,
      `${e.given.toUpperCase()} ${e.family.toUpperCase()}`,
      `${e.given.replace('o', 'ö')} ${e.family}`,
    ];
    return { name: rng.pick(forms), aliases };
  }
  if (roll < 0.6) {
    if (variants) return { name: `${rng.pick(variants)} ${e.family}`, aliases };
    return { name: `${typo(rng, e.given)} ${e.family}`, aliases };
  }
  if (roll < 0.8) {
    return rng.chance(0.5)
      ? { name: `${e.given} ${typo(rng, e.family)}`, aliases }
      : { name: `${typo(rng, e.given)} ${e.family}`, aliases };
  }
  if (roll < 0.9 && e.aliases.length) return { name: e.aliases[0] as string, aliases: [] };
  return { name: `${e.given} ${e.middle} ${e.family}`, aliases };
}

function personRecord(rng: Rng, e: PersonEntity, variant: boolean, phoneBook: DramaPhones): MatchSubject {
  const { name, aliases } = personName(rng, e, variant);
  const record: MatchSubject = { kind: 'person', name, aliases };
  const keep = (p: number) => !variant || rng.chance(p);
  const roll = rng.float();
  const [y, m, d] = e.dateOfBirth.split('-');
  if (!variant || roll < 0.5) record.dateOfBirth = e.dateOfBirth;
  else if (roll < 0.58 && Number(d) <= 12 && d !== m) record.dateOfBirth = `${y}-${d}-${m}`;
  else if (roll < 0.66) record.dateOfBirth = addDays(e.dateOfBirth, rng.pick([-1, 1]) * rng.int(30, 330));
  else if (roll < 0.78) {
    record.ageRecordedOn = '2025-06-01';
    record.ageYears = Math.floor(
      (Date.parse('2025-06-01') - Date.parse(e.dateOfBirth)) / (365.25 * 86_400_000),
    );
  }
  const phones = e.phones.filter(() => keep(0.55)).map((p) => (variant ? formatPhone(rng, p) : p));
  // A new number the other agency does not know.
  const fresh = variant && rng.chance(0.15) ? phoneBook.next() : undefined;
  if (fresh) phones.push(fresh);
  record.phones = phones;
  record.handles = e.handles
    .filter(() => keep(0.45))
    .map((h) => ({
      platform: h.platform,
      handle: variant
        ? rng.pick([`@${h.handle.toUpperCase()}`, `https://www.${h.platform}.com/${h.handle}/`, h.handle])
        : h.handle,
    }));
  record.vehicles = e.vehicles
    .filter(() => keep(0.4))
    .map((v) => (variant && rng.chance(0.2) ? misread(rng, v) : v));
  record.postcodes = e.postcodes
    .filter(() => keep(0.45))
    .map((p) => (variant ? p.toLowerCase().replace(' ', '') : p));
  return record;
}

interface PlaceEntity {
  name: string | null;
  premises: string;
  street: string;
  streetType: string;
  town: string;
  postcode: string;
  coordinates: { lat: number; lng: number } | null;
}

function generatePlaces(rng: Rng, count: number): PlaceEntity[] {
  const out: PlaceEntity[] = [];
  const streets = Array.from({ length: 12 }, (_, i) => ({
    index: i,
    street: `${STREET_A[i % STREET_A.length]}${rng.pick(STREET_B)}`,
    streetType: rng.pick(Object.keys(STREET_TYPES)),
    town: rng.pick(TOWNS),
    outward: `Z${rng.pick(['X', 'Y'])}${rng.int(1, 9)}`,
    lat: 53 + rng.float(),
    lng: -1.5 + rng.float(),
  }));
  const used = new Set<string>();
  while (out.length < count) {
    const s = rng.pick(streets);
    const n = rng.int(1, 60);
    // Houses in blocks of ten share a postcode, so neighbours are hard cases.
    const postcode = `${s.outward} ${Math.floor(n / 10)}${INWARD_LETTERS[s.index]}${INWARD_LETTERS[(n + 3) % 11]}`;
    // Even-numbered buildings are divided into flats; odd-numbered ones are houses or hotels.
    let premises = String(n);
    let name: string | null = null;
    if (n % 2 === 0) premises = `Flat ${rng.int(1, 4)}, ${n}`;
    else if (rng.chance(0.2)) name = rng.pick(HOTEL_NAMES);
    const key = `${s.street}|${premises}`;
    if (used.has(key)) continue;
    used.add(key);
    const coordinates = rng.chance(0.4) ? { lat: s.lat + n * 0.0001, lng: s.lng } : null;
    out.push({
      name,
      premises,
      street: s.street,
      streetType: s.streetType,
      town: s.town,
      postcode,
      coordinates,
    });
  }
  return out;
}

function placeRecord(rng: Rng, e: PlaceEntity, variant: boolean): MatchSubject {
  const type = variant && rng.chance(0.5) ? (STREET_TYPES[e.streetType] as string) : e.streetType;
  let premises = e.premises;
  if (variant && premises.startsWith('Flat') && rng.chance(0.3))
    premises = premises.replace(/^Flat \d+, /, '');
  const line =
    variant && rng.chance(0.3)
      ? `${premises} ${e.street.toUpperCase()} ${type.toUpperCase()}`
      : `${premises} ${e.street} ${type}`;
  const record: MatchSubject = { kind: 'place', addressLines: [line, e.town] };
  if (e.name) record.name = variant && rng.chance(0.5) ? e.name.replace(/^The /, '') : e.name;
  if (!variant || rng.chance(0.7))
    record.postcode = variant ? e.postcode.toLowerCase().replace(' ', '') : e.postcode;
  if (e.coordinates && (!variant || rng.chance(0.6))) {
    record.coordinates = variant
      ? {
          lat: e.coordinates.lat + (rng.float() - 0.5) * 0.0003,
          lng: e.coordinates.lng + (rng.float() - 0.5) * 0.0003,
        }
      : e.coordinates;
  }
  return record;
}

interface VehicleEntity {
  registration: string;
  make: string;
  colour: string;
}

function generateVehicles(rng: Rng, count: number): VehicleEntity[] {
  const out: VehicleEntity[] = [];
  const used = new Set<string>();
  while (out.length < count) {
    let registration = plate(rng);
    const previous = out.length ? rng.pick(out) : undefined;
    if (previous && rng.chance(0.1)) {
      // A different vehicle whose plate is one character away from another's.
      const i = rng.int(4, 6);
      registration =
        previous.registration.slice(0, i) + rng.pick([...PLATE_LETTERS]) + previous.registration.slice(i + 1);
    }
    if (used.has(registration)) continue;
    used.add(registration);
    out.push({ registration, make: rng.pick(MAKES), colour: rng.pick(COLOURS) });
  }
  return out;
}

function vehicleRecord(rng: Rng, e: VehicleEntity, variant: boolean): MatchSubject {
  let registration = `${e.registration.slice(0, 4)} ${e.registration.slice(4)}`;
  if (variant) {
    const roll = rng.float();
    if (roll < 0.3) registration = e.registration.toLowerCase();
    else if (roll < 0.45) registration = misread(rng, registration);
    else if (roll < 0.53) {
      // A character misread or noted wrongly by a witness.
      const i = rng.int(4, 6);
      registration = e.registration.slice(0, i) + rng.pick([...PLATE_LETTERS]) + e.registration.slice(i + 1);
    }
  }
  const record: MatchSubject = { kind: 'vehicle', registration };
  if (!variant || rng.chance(0.7)) record.make = variant && e.make === 'Volkswagen' ? 'VW' : e.make;
  if (!variant || rng.chance(0.7)) record.colour = variant && rng.chance(0.1) ? rng.pick(COLOURS) : e.colour;
  return record;
}

/** How many records one entity gets: most are known to one agency, some to two or three. */
function copies(rng: Rng): number {
  const r = rng.float();
  return r < 0.65 ? 1 : r < 0.9 ? 2 : 3;
}

export function generateEvaluationSet(options: EvaluationOptions = {}): EvaluationSet {
  const seed = options.seed ?? 20250601;
  const rng = new Rng(seed);
  const records: MatchCandidate[] = [];
  const entityOf = new Map<string, string>();
  const add = (entity: string, subject: MatchSubject) => {
    const id = `${subject.kind}-${records.length + 1}`;
    records.push({ ...subject, id } as MatchCandidate);
    entityOf.set(id, entity);
  };
  const phoneBook = new DramaPhones(rng);
  generatePersons(rng, options.persons ?? 240, phoneBook).entities.forEach((e, i) => {
    const n = copies(rng);
    for (let k = 0; k < n; k++) add(`person:${i}`, personRecord(rng, e, k > 0, phoneBook));
  });
  generatePlaces(rng, options.places ?? 160).forEach((e, i) => {
    const n = copies(rng);
    for (let k = 0; k < n; k++) add(`place:${i}`, placeRecord(rng, e, k > 0));
  });
  generateVehicles(rng, options.vehicles ?? 160).forEach((e, i) => {
    const n = copies(rng);
    for (let k = 0; k < n; k++) add(`vehicle:${i}`, vehicleRecord(rng, e, k > 0));
  });
  return { seed, records, entityOf };
}
