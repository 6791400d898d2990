import { describe, expect, it } from 'vitest';
import { rankMatches, scoreMatch, similarity } from './matching.ts';

const jayden = {
  id: 'a',
  givenName: 'Jayden',
  familyName: 'Marlow',
  knownAs: ['Jay'],
  dateOfBirth: '2010-09-03',
  sex: 'male',
  postcodes: ['FB1 2AA'],
  school: 'Fernbridge Academy',
};

describe('similarity (same as pg_trgm)', () => {
  it('is 1 for the same name and 0 for nothing shared', () => {
    expect(similarity('Jayden Marlow', 'jayden marlow')).toBe(1);
    expect(similarity('abc', 'xyz')).toBe(0);
  });
  it('matches pg_trgm on a known pair', () => {
    // SELECT similarity('word', 'two words') = 0.36363637
    expect(similarity('word', 'two words')).toBeCloseTo(0.3636, 3);
  });
});

describe('scoreMatch', () => {
  it('finds the same child described with a known-as name and a swapped date', () => {
    const m = scoreMatch(
      { givenName: 'Jay', familyName: 'Marlow', dateOfBirth: '2010-03-09', postcodes: ['fb12aa'] },
      jayden,
    );
    expect(m?.strength).toBe('likely');
    expect(m?.reasons).toContain("same known-as 'Jay'");
    expect(m?.reasons).toContain('date of birth with day and month swapped');
    expect(m?.reasons.some((r) => r.startsWith('same postcode'))).toBe(true);
  });

  it('finds the same child with a slightly misspelt name and the same date of birth', () => {
    const m = scoreMatch({ givenName: 'Jaden', familyName: 'Marlow', dateOfBirth: '2010-09-03' }, jayden);
    expect(m?.strength).toBe('likely');
    expect(m?.reasons).toContain('same date of birth');
  });

  it('does not propose a different child with a similar name born years apart', () => {
    const m = scoreMatch(
      { givenName: 'Jaydon', familyName: 'Marlowe', dateOfBirth: '2014-01-20', sex: 'male' },
      jayden,
    );
    expect(m === null || m.strength !== 'likely').toBe(true);
  });

  it('does not call a sibling with the same surname and address likely', () => {
    const m = scoreMatch(
      {
        givenName: 'Ellie',
        familyName: 'Marlow',
        dateOfBirth: '2013-06-01',
        sex: 'female',
        postcodes: ['FB1 2AA'],
      },
      jayden,
    );
    expect(m === null || m.strength !== 'likely').toBe(true);
  });

  it('treats an estimated age as consistent, not as the same date of birth', () => {
    const m = scoreMatch(
      { givenName: 'Jayden', familyName: 'Marlow', dateOfBirth: '2010-06-01', dateOfBirthEstimated: true },
      jayden,
    );
    expect(m?.reasons).toContain('age consistent with an estimated date of birth');
    expect(m?.reasons).not.toContain('same date of birth');
  });

  it('ranks best first and drops weak candidates', () => {
    const ranked = rankMatches({ givenName: 'Jayden', familyName: 'Marlow', dateOfBirth: '2010-09-03' }, [
      { id: 'weak', givenName: 'Oscar', familyName: 'Penn', dateOfBirth: '2009-01-01' },
      jayden,
    ]);
    expect(ranked.map((m) => m.id)).toEqual(['a']);
  });
});
