/**
 * Matching places: postcode, house and flat numbers, street similarity (trigrams, as pg_trgm), the
 * place's name and map positions.
 */
import type { MatchRules, PlaceSubject, Scored } from './matching.ts';
import { normaliseName, normalisePostcode } from './normalise.ts';
import { tokenNameSimilarity, trigramSimilarity } from './similarity.ts';

export interface PreparedPlace {
  kind: 'place';
  name: string[];
  street: string;
  premises: string[];
  postcode: { value: string; outward: string } | null;
  coordinates: { lat: number; lng: number } | null;
}

const STREET_WORDS: Record<string, string> = {
  rd: 'road',
  st: 'street',
  ave: 'avenue',
  av: 'avenue',
  ln: 'lane',
  cres: 'crescent',
  dr: 'drive',
  ct: 'court',
  pl: 'place',
  sq: 'square',
  gdns: 'gardens',
  gr: 'grove',
  cl: 'close',
  ter: 'terrace',
  terr: 'terrace',
  hse: 'house',
  apt: 'flat',
  apartment: 'flat',
};
const PREMISES_MARKERS = new Set(['flat', 'unit', 'room', 'no', 'number']);

function prepareAddress(lines: readonly string[]): { street: string; premises: string[] } {
  // A postcode written into the address is compared separately, never as a house number.
  // Commas separate address parts; they must not reach normaliseName, which reads "A, B" as "B A".
  const text = lines
    .join(' ')
    .replace(/,/g, ' ')
    .replace(/\b[a-z]{1,2}[0-9][a-z0-9]?\s*[0-9][a-z]{2}\b/gi, ' ');
  const tokens = normaliseName(text)
    .split(' ')
    .filter(Boolean)
    .map((t) => STREET_WORDS[t] ?? t);
  const premises = tokens.filter((t) => /\d/.test(t));
  const street = tokens.filter((t) => !/\d/.test(t) && !PREMISES_MARKERS.has(t)).join(' ');
  return { street, premises };
}

export function preparePlace(p: PlaceSubject): PreparedPlace {
  const pc = p.postcode ? normalisePostcode(p.postcode) : null;
  const address = prepareAddress(p.addressLines ?? []);
  return {
    kind: 'place',
    name: p.name
      ? normaliseName(p.name)
          .split(' ')
          .filter((t) => t && t !== 'the')
      : [],
    street: address.street,
    premises: address.premises,
    postcode: pc?.ok ? { value: pc.value, outward: pc.outward } : null,
    coordinates: p.coordinates ?? null,
  };
}

function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

export function scorePlaces(a: PreparedPlace, b: PreparedPlace, r: MatchRules['place']): Scored {
  const reasons: string[] = [];
  let score = 0;
  if (a.postcode && b.postcode) {
    if (a.postcode.value === b.postcode.value) {
      score += r.samePostcode;
      reasons.push(`same postcode (${a.postcode.value})`);
    } else if (a.postcode.outward === b.postcode.outward) {
      score += r.sameOutwardCodeOnly;
      reasons.push(`postcodes differ within ${a.postcode.outward}`);
    } else {
      score += r.postcodesDiffer;
      reasons.push('postcodes in different districts');
    }
  }
  const streetSim = a.street && b.street ? trigramSimilarity(a.street, b.street) : null;
  const differentStreets = streetSim !== null && streetSim < r.streetDifferentBelow;
  if (a.premises.length && b.premises.length) {
    const [short, long] =
      a.premises.length <= b.premises.length ? [a.premises, b.premises] : [b.premises, a.premises];
    const same = a.premises.join(' ') === b.premises.join(' ');
    const contained = short.every((p) => long.includes(p));
    if (differentStreets) {
      // The same number on another street is another building.
      score += r.differentPremises;
      reasons.push('different streets');
    } else if (same) {
      score += r.samePremises;
      reasons.push(`same house or flat number (${a.premises.join(', ')})`);
    } else if (contained && short.length < long.length) {
      score += r.sameBuilding;
      reasons.push(`same building (${short.join(', ')}), flat given on one only`);
    } else {
      score += r.differentPremises;
      reasons.push(`different house or flat numbers (${a.premises.join(', ')} and ${b.premises.join(', ')})`);
    }
  } else if (differentStreets) {
    score += r.differentStreet;
    reasons.push('different streets');
  }
  if (streetSim !== null && streetSim >= r.streetSimilarFrom) {
    score += r.sameStreet;
    reasons.push(streetSim >= 0.99 ? 'same street address' : 'similar street address');
  }
  if (a.name.length && b.name.length) {
    const sim = tokenNameSimilarity(a.name, b.name);
    if (sim >= r.nameSimilarFrom) {
      score += r.sameName;
      reasons.push(`same or similar name ('${a.name.join(' ')}')`);
    }
  }
  if (a.coordinates && b.coordinates) {
    const m = metresBetween(a.coordinates, b.coordinates);
    if (m <= r.nearMetres) {
      score += r.coordinatesNear;
      reasons.push(`map positions ${Math.round(m)} m apart`);
    } else if (m >= r.farMetres) {
      score += r.coordinatesFar;
      reasons.push(`map positions ${(m / 1000).toFixed(1)} km apart`);
    }
  }
  return { score, reasons };
}
