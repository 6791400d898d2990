/**
 * Matching vehicles: the registration (exactly, as misread O/0 and I/1, or one character apart), make
 * and colour.
 */
import type { MatchRules, Scored, VehicleSubject } from './matching.ts';
import { normaliseName, normaliseVehicleRegistration, vehicleMatchKey } from './normalise.ts';
import { jaroWinkler } from './similarity.ts';

export interface PreparedVehicle {
  kind: 'vehicle';
  raw: string;
  key: string;
  display: string;
  make: string | null;
  colour: string | null;
}

const MAKES: Record<string, string> = {
  vw: 'volkswagen',
  merc: 'mercedes',
  'mercedes benz': 'mercedes',
  beemer: 'bmw',
};

function normaliseMake(make: string | null | undefined): string | null {
  const m = make ? normaliseName(make) : '';
  return m ? (MAKES[m] ?? m) : null;
}

export function prepareVehicle(v: VehicleSubject): PreparedVehicle {
  const n = normaliseVehicleRegistration(v.registration);
  const colour = v.colour ? normaliseName(v.colour) : '';
  return {
    kind: 'vehicle',
    raw: v.registration.toUpperCase().replace(/[^A-Z0-9]/g, ''),
    key: vehicleMatchKey(v.registration),
    display: n.ok ? n.display : v.registration.trim().toUpperCase(),
    make: normaliseMake(v.make),
    colour: colour || null,
  };
}

function hammingOne(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++diff > 1) return false;
  return diff === 1;
}

export function scoreVehicles(a: PreparedVehicle, b: PreparedVehicle, r: MatchRules['vehicle']): Scored {
  const reasons: string[] = [];
  let score = 0;
  if (a.raw === b.raw) {
    score += r.sameRegistration;
    reasons.push(`same registration (${a.display})`);
  } else if (a.key === b.key) {
    score += r.sameRegistrationIfMisread;
    reasons.push(`registrations the same if O/0 or I/1 were misread (${a.display} and ${b.display})`);
  } else if (hammingOne(a.key, b.key)) {
    score += r.oneCharacterDifferent;
    reasons.push(`registrations differ by one character (${a.display} and ${b.display})`);
  }
  if (a.make && b.make) {
    if (a.make === b.make) {
      score += r.sameMake;
      reasons.push(`same make (${a.make})`);
    } else {
      score += r.makeDiffers;
      reasons.push(`different makes (${a.make} and ${b.make})`);
    }
  }
  if (a.colour && b.colour) {
    if (a.colour === b.colour || jaroWinkler(a.colour, b.colour) >= 0.95) {
      score += r.sameColour;
      reasons.push(`same colour (${a.colour})`);
    } else {
      score += r.colourDiffers;
      reasons.push(`different colours (${a.colour} and ${b.colour})`);
    }
  }
  return { score, reasons };
}
