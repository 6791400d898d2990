import { describe, expect, it } from 'vitest';
import {
  CONTEXT_MATCH_RULES,
  type MatchCandidate,
  type MatchResult,
  matchCandidates,
  type PersonSubject,
  type PlaceSubject,
  strengthOf,
  subjectAge,
  type VehicleSubject,
} from './matching.ts';

const person = (id: string, p: Omit<PersonSubject, 'kind'>): MatchCandidate => ({ kind: 'person', id, ...p });
const place = (id: string, p: Omit<PlaceSubject, 'kind'>): MatchCandidate => ({ kind: 'place', id, ...p });
const vehicle = (id: string, v: Omit<VehicleSubject, 'kind'>): MatchCandidate => ({
  kind: 'vehicle',
  id,
  ...v,
});

const one = (
  input: PersonSubject | PlaceSubject | VehicleSubject,
  c: MatchCandidate,
): MatchResult | undefined => matchCandidates(input, [c])[0];

describe('matching rules as data', () => {
  it('has thresholds with likely above possible, for every kind', () => {
    for (const kind of ['person', 'place', 'vehicle'] as const) {
      const r = CONTEXT_MATCH_RULES[kind];
      expect(r.likelyFrom).toBeGreaterThan(r.possibleFrom);
      for (const v of Object.values(r)) expect(Number.isFinite(v)).toBe(true);
      expect(strengthOf(kind, r.likelyFrom)).toBe('likely');
      expect(strengthOf(kind, r.possibleFrom)).toBe('possible');
      expect(strengthOf(kind, r.possibleFrom - 1)).toBeNull();
    }
  });
});

describe('persons', () => {
  const jayDee = person('p1', {
    name: 'Jay-Dee Quillfeather',
    aliases: ['JD'],
    dateOfBirth: '1994-03-07',
    phones: ['07700 900123'],
    handles: [{ platform: 'snapchat', handle: 'jaydee_q' }],
    vehicles: ['ZX12 ABC'],
    postcodes: ['ZX1 2AB'],
  });

  it('finds the same phone number however it was written', () => {
    const m = one({ kind: 'person', phones: ['+44 (0)7700-900-123'] }, jayDee);
    expect(m).toMatchObject({ id: 'p1', strength: 'possible' });
    expect(m?.reasons).toContain('same phone number (+447700900123)');
  });

  it('finds the same handle, and the same vehicle', () => {
    expect(
      one({ kind: 'person', handles: [{ platform: 'snapchat', handle: '@JAYDEE_Q' }] }, jayDee)?.reasons,
    ).toContain('same snapchat handle @jaydee_q');
    const m = one({ kind: 'person', name: 'Jay-Dee Quillfeather', vehicles: ['zx12abc'] }, jayDee);
    expect(m?.reasons).toContain('linked to the same vehicle (ZX12 ABC)');
  });

  it("explains an alias match: alias 'Jay' similar to name 'Jay-Dee'", () => {
    const m = matchCandidates(
      { kind: 'person', name: 'Zorbin Marrowgate', aliases: ['Jay'], phones: ['07700 900555'] },
      [person('p2', { name: 'Jay-Dee', phones: ['07700900555'] })],
    )[0];
    expect(m?.reasons).toEqual([
      'same phone number (+447700900555)',
      "alias 'Jay' similar to name 'Jay-Dee'",
    ]);
  });

  it('scores the same name and date of birth as likely', () => {
    const m = one({ kind: 'person', name: 'QUILLFEATHER, Jay-Dee', dateOfBirth: '1994-03-07' }, jayDee);
    expect(m).toMatchObject({ strength: 'likely' });
    expect(m?.reasons).toEqual([
      "name 'QUILLFEATHER, Jay-Dee' the same as name 'Jay-Dee Quillfeather'",
      'same date of birth (1994-03-07)',
    ]);
  });

  it('understands nicknames and transliterations', () => {
    const m = matchCandidates({ kind: 'person', name: 'Muhammad Thistlewick', dateOfBirth: '1990-05-01' }, [
      person('p3', { name: 'Mohammed Thistlewick', dateOfBirth: '1990-05-01' }),
      person('p4', { name: 'Jonathan Thistlewick', dateOfBirth: '1990-05-01' }),
    ]);
    expect(m.map((x) => x.id)).toEqual(['p3']);
    const jon = one(
      { kind: 'person', name: 'Jonny Bramblecott', dateOfBirth: '1988-02-02' },
      person('p5', { name: 'Jonathan Bramblecott', dateOfBirth: '1988-02-02' }),
    );
    expect(jon?.strength).toBe('likely');
  });

  it('tolerates a typo, a swapped day and month, and a date within a year', () => {
    const typo = one({ kind: 'person', name: 'Jay-Dee Quilfeather', dateOfBirth: '1994-07-03' }, jayDee);
    expect(typo?.reasons).toEqual([
      "name 'Jay-Dee Quilfeather' very similar to name 'Jay-Dee Quillfeather'",
      'date of birth with day and month swapped (1994-07-03 and 1994-03-07)',
    ]);
    const close = one({ kind: 'person', name: 'Jay-Dee Quillfeather', dateOfBirth: '1994-11-20' }, jayDee);
    expect(close?.reasons).toContain('dates of birth within a year (1994-11-20 and 1994-03-07)');
  });

  it('uses an estimated age when there is no date of birth', () => {
    const consistent = one(
      { kind: 'person', name: 'Jay-Dee Quillfeather', ageYears: 31, ageRecordedOn: '2025-06-01' },
      jayDee,
    );
    expect(consistent?.reasons).toContain('ages consistent');
    const far = matchCandidates(
      { kind: 'person', name: 'Jay-Dee Quillfeather', ageYears: 17, ageRecordedOn: '2025-06-01' },
      [jayDee],
    );
    expect(far).toEqual([]);
  });

  it('does not propose a namesake born years apart', () => {
    expect(
      matchCandidates({ kind: 'person', name: 'Jay-Dee Quillfeather', dateOfBirth: '2004-01-01' }, [jayDee]),
    ).toEqual([]);
  });

  it('does not propose a sibling who shares a phone and an address', () => {
    const sibling = matchCandidates(
      {
        kind: 'person',
        name: 'Marla Quillfeather',
        dateOfBirth: '1997-09-09',
        phones: ['07700900123'],
        postcodes: ['zx12ab'],
      },
      [jayDee],
    );
    expect(sibling).toEqual([]);
  });

  it('does not propose on a shared street name alone', () => {
    expect(matchCandidates({ kind: 'person', name: 'JD' }, [jayDee])).toEqual([]);
  });

  it('ranks candidates best first and ignores other kinds', () => {
    const m = matchCandidates(
      { kind: 'person', name: 'Jay-Dee Quillfeather', dateOfBirth: '1994-03-07', phones: ['07700900123'] },
      [
        person('weaker', { name: 'Jay-Dee Quillfeather' }),
        jayDee,
        place('a-place', { name: 'Jay-Dee Quillfeather' }),
      ],
    );
    expect(m.map((x) => x.id)).toEqual(['p1', 'weaker']);
    expect(m[0]?.score).toBeGreaterThan(m[1]?.score ?? 0);
  });

  it('works out an age from a date of birth or a recorded age', () => {
    expect(subjectAge({ kind: 'person', dateOfBirth: '2008-06-15' }, '2025-06-14')).toBe(16);
    expect(subjectAge({ kind: 'person', ageYears: 16, ageRecordedOn: '2024-06-01' }, '2025-06-02')).toBe(17);
    expect(subjectAge({ kind: 'person' }, '2025-06-02')).toBeNull();
  });
});

describe('places', () => {
  const flat = place('f2', { addressLines: ['Flat 2, 10 Marrowgate Road', 'Fennelby'], postcode: 'ZX1 2AB' });

  it('matches the same address written differently', () => {
    const m = one(
      { kind: 'place', addressLines: ['flat 2 10 MARROWGATE RD', 'Fennelby'], postcode: 'zx12ab' },
      flat,
    );
    expect(m).toMatchObject({ strength: 'likely' });
    expect(m?.reasons).toEqual([
      'same postcode (ZX1 2AB)',
      'same house or flat number (2, 10)',
      'same street address',
    ]);
  });

  it('does not match the flat next door or the house next door', () => {
    expect(
      matchCandidates(
        { kind: 'place', addressLines: ['Flat 3, 10 Marrowgate Road', 'Fennelby'], postcode: 'ZX1 2AB' },
        [flat],
      ),
    ).toEqual([]);
    expect(
      matchCandidates(
        { kind: 'place', addressLines: ['12 Marrowgate Road', 'Fennelby'], postcode: 'ZX1 2AB' },
        [flat],
      ),
    ).toEqual([]);
  });

  it('proposes the building when one record gives no flat', () => {
    const m = one(
      { kind: 'place', addressLines: ['10 Marrowgate Road', 'Fennelby'], postcode: 'ZX1 2AB' },
      flat,
    );
    expect(m?.strength).toBe('possible');
    expect(m?.reasons).toContain('same building (10), flat given on one only');
  });

  it('ignores a postcode written into the address lines when comparing house numbers', () => {
    const m = one(
      {
        kind: 'place',
        addressLines: ['Flat 2, 10 Marrowgate Road', 'Fennelby ZX1 2AB'],
        postcode: 'ZX1 2AB',
      },
      flat,
    );
    expect(m?.strength).toBe('likely');
  });

  it('matches a hotel by name and postcode, not a hotel of the same name elsewhere', () => {
    const hotel = place('h1', {
      name: 'The Sleepy Badger Inn',
      addressLines: ['1 Quill Street'],
      postcode: 'ZY3 4DE',
    });
    expect(one({ kind: 'place', name: 'Sleepy Badger Inn', postcode: 'ZY3 4DE' }, hotel)?.reasons).toEqual([
      'same postcode (ZY3 4DE)',
      "same or similar name ('sleepy badger inn')",
    ]);
    expect(
      matchCandidates({ kind: 'place', name: 'Sleepy Badger Inn', postcode: 'ZX9 9AB' }, [hotel]),
    ).toEqual([]);
  });

  it('uses map positions', () => {
    const a = place('m1', { name: 'Bench by the lake', coordinates: { lat: 53.5, lng: -1.2 } });
    expect(
      one({ kind: 'place', name: 'Bench by the lake', coordinates: { lat: 53.5002, lng: -1.2 } }, a)?.reasons,
    ).toEqual(["same or similar name ('bench by lake')", 'map positions 22 m apart']);
    expect(
      matchCandidates({ kind: 'place', name: 'Bench by the lake', coordinates: { lat: 53.6, lng: -1.2 } }, [
        a,
      ]),
    ).toEqual([]);
  });

  it('refuses an address on a different street with the same number and postcode', () => {
    expect(
      matchCandidates({ kind: 'place', addressLines: ['10 Thistlewick Close'], postcode: 'ZX1 2AB' }, [
        place('x', { addressLines: ['10 Marrowgate Road'], postcode: 'ZX1 2AB' }),
      ]),
    ).toEqual([]);
  });
});

describe('vehicles', () => {
  const car = vehicle('v1', { registration: 'ZX10 OBC', make: 'Volkswagen', colour: 'silver' });

  it('matches the same registration written differently', () => {
    expect(one({ kind: 'vehicle', registration: 'zx10obc' }, car)).toMatchObject({
      strength: 'likely',
      reasons: ['same registration (ZX10 OBC)'],
    });
  });

  it('matches a registration with O and 0 confused, as a misread', () => {
    const m = one({ kind: 'vehicle', registration: 'ZX1O 0BC', make: 'VW' }, car);
    expect(m?.reasons).toEqual([
      'registrations the same if O/0 or I/1 were misread (ZX1O 0BC and ZX10 OBC)',
      'same make (volkswagen)',
    ]);
    expect(m?.strength).toBe('likely');
  });

  it('proposes a plate one character away only with more in common', () => {
    expect(matchCandidates({ kind: 'vehicle', registration: 'ZX10 OBD' }, [car])).toEqual([]);
    expect(
      one({ kind: 'vehicle', registration: 'ZX10 OBD', make: 'Volkswagen', colour: 'silver' }, car)?.strength,
    ).toBe('possible');
  });

  it('shows the same plate on a different make only as possible, with the difference (cloned plates)', () => {
    const m = one({ kind: 'vehicle', registration: 'ZX10 OBC', make: 'Ford', colour: 'blue' }, car);
    expect(m).toMatchObject({ strength: 'possible' });
    expect(m?.reasons).toEqual([
      'same registration (ZX10 OBC)',
      'different makes (ford and volkswagen)',
      'different colours (blue and silver)',
    ]);
    expect(matchCandidates({ kind: 'vehicle', registration: 'ZX10 OBD', make: 'Ford' }, [car])).toEqual([]);
  });
});
