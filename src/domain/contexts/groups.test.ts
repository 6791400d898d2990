import { describe, expect, it } from 'vitest';
import type { Grading } from './grading.ts';
import { detectGroups, MOST_LINKED_CAVEAT, mostLinked, type Period } from './groups.ts';
import type { ContextKind } from './kinds.ts';
import { type Link, linkSchema } from './link.ts';

let n = 0;
function link(
  from: string,
  to: string,
  opts: {
    nature?: string;
    firstSeen?: string;
    lastSeen?: string;
    grading?: Partial<Grading>;
    agency?: string;
    withdrawn?: boolean;
  } = {},
): Link {
  const parseEnd = (s: string) => {
    const [kind, id] = s.split(':') as [string, string];
    return { kind, id };
  };
  const f = parseEnd(from);
  const t = parseEnd(to);
  const defaultNature: Record<string, string> = {
    person_of_concern: 'seen_with',
    place: 'taken_to',
    peer_group: 'part_of',
    vehicle: 'transported_by',
    online_space: 'contacted_online_by',
    business: 'given_gifts_by',
  };
  n++;
  return linkSchema.parse({
    id: `L${String(n).padStart(3, '0')}`,
    from: f,
    to: t as { kind: ContextKind; id: string },
    nature: opts.nature ?? (f.kind === 'child' ? defaultNature[t.kind] : 'linked_to'),
    firstSeen: opts.firstSeen ?? '2025-03-01',
    lastSeen: opts.lastSeen ?? opts.firstSeen ?? '2025-03-10',
    source: { agencyId: opts.agency ?? 'police', authorId: 'author-1' },
    grading: { source: '2', intelligence: 'C', handling: 'P', ...opts.grading },
    sensitivity: 'police_intelligence',
    ...(opts.withdrawn
      ? { withdrawn: { on: '2025-03-20', byUserId: 'u1', reason: 'Wrong child recorded' } }
      : {}),
  });
}

const march: Period = { from: '2025-03-01', to: '2025-03-31' };

describe('group detection', () => {
  it('joins children who share a person of concern, a place or a peer group', () => {
    const links = [
      link('child:A', 'person_of_concern:P1'),
      link('child:B', 'person_of_concern:P1'),
      link('child:B', 'place:H1'),
      link('child:C', 'place:H1'),
      link('child:D', 'peer_group:G1'),
      link('child:E', 'peer_group:G1'),
      link('child:F', 'person_of_concern:P9'),
    ];
    const groups = detectGroups(links, { period: march });
    expect(groups.map((g) => g.childIds)).toEqual([
      ['A', 'B', 'C'],
      ['D', 'E'],
    ]);
    expect(groups[0]?.sharedContexts).toEqual([
      { kind: 'person_of_concern', id: 'P1', childIds: ['A', 'B'] },
      { kind: 'place', id: 'H1', childIds: ['B', 'C'] },
    ]);
    expect(groups[0]?.linkIds).toEqual(links.slice(0, 4).map((l) => l.id));
  });

  it('gives the same groups whatever the order of the links', () => {
    const links = [
      link('child:A', 'person_of_concern:P1'),
      link('child:B', 'person_of_concern:P1'),
      link('child:B', 'place:H1'),
      link('child:C', 'place:H1'),
    ];
    expect(detectGroups([...links].reverse(), { period: march })).toEqual(
      detectGroups(links, { period: march }),
    );
  });

  it('does not join children through a school they attend', () => {
    const links = [
      link('child:A', 'place:School', { nature: 'attends' }),
      link('child:B', 'place:School', { nature: 'attends' }),
    ];
    expect(detectGroups(links, { period: march })).toEqual([]);
  });

  it('only counts links seen in the period', () => {
    const links = [
      link('child:A', 'person_of_concern:P1', { firstSeen: '2025-01-01', lastSeen: '2025-01-05' }),
      link('child:B', 'person_of_concern:P1'),
      link('child:C', 'person_of_concern:P1', { firstSeen: '2025-02-01', lastSeen: '2025-04-30' }),
    ];
    expect(detectGroups(links, { period: march }).map((g) => g.childIds)).toEqual([['B', 'C']]);
  });

  it('only counts links graded at least the minimum, never suspected-false or withdrawn ones', () => {
    const links = [
      link('child:A', 'person_of_concern:P1', { grading: { source: '3' } }),
      link('child:B', 'person_of_concern:P1'),
      link('child:C', 'person_of_concern:P1', { grading: { source: '1', intelligence: 'E' } }),
      link('child:D', 'person_of_concern:P1', { withdrawn: true }),
      link('child:E', 'person_of_concern:P1', { grading: { source: '1', intelligence: 'A' } }),
    ];
    expect(detectGroups(links, { period: march }).map((g) => g.childIds)).toEqual([['B', 'E']]);
    expect(
      detectGroups(links, { period: march, minimumGrade: { source: '3', intelligence: 'D' } }).map(
        (g) => g.childIds,
      ),
    ).toEqual([['A', 'B', 'E']]);
    expect(
      detectGroups(links, { period: march, minimumGrade: { source: '1', intelligence: 'B' } }).map(
        (g) => g.childIds,
      ),
    ).toEqual([]);
  });

  it('can follow links between contexts: a vehicle driven by a person of concern', () => {
    const links = [
      link('child:A', 'person_of_concern:P1'),
      link('child:B', 'vehicle:V1'),
      link('person_of_concern:P1', 'vehicle:V1', { nature: 'drives_or_uses' }),
    ];
    const kinds: ContextKind[] = ['person_of_concern', 'vehicle'];
    expect(detectGroups(links, { period: march, contextKinds: kinds })).toEqual([]);
    const groups = detectGroups(links, { period: march, contextKinds: kinds, throughContextLinks: true });
    expect(groups.map((g) => g.childIds)).toEqual([['A', 'B']]);
    expect(groups[0]?.sharedContexts).toEqual([]);
    expect(groups[0]?.contexts.map((c) => `${c.kind}:${c.id}`).sort()).toEqual([
      'person_of_concern:P1',
      'vehicle:V1',
    ]);
  });

  it('leaves out contexts of kinds not asked for, and groups smaller than asked', () => {
    const links = [link('child:A', 'vehicle:V1'), link('child:B', 'vehicle:V1')];
    expect(detectGroups(links, { period: march })).toEqual([]);
    expect(detectGroups(links, { period: march, contextKinds: ['vehicle'] })).toHaveLength(1);
    expect(detectGroups(links, { period: march, contextKinds: ['vehicle'], minChildren: 3 })).toEqual([]);
  });

  it('drops links that have left the default view when a date is given', () => {
    const links = [link('child:A', 'person_of_concern:P1'), link('child:B', 'person_of_concern:P1')];
    expect(detectGroups(links, { period: march, now: '2025-06-01' })).toHaveLength(1);
    // Unconfirmed (2C) links are past their review date (six months after last seen) by October.
    expect(detectGroups(links, { period: march, now: '2025-10-01' })).toEqual([]);
  });

  it('puts the largest group first', () => {
    const links = [
      link('child:X', 'place:S'),
      link('child:Y', 'place:S'),
      link('child:A', 'person_of_concern:P1'),
      link('child:B', 'person_of_concern:P1'),
      link('child:C', 'person_of_concern:P1'),
    ];
    expect(detectGroups(links, { period: march }).map((g) => g.childIds.length)).toEqual([3, 2]);
  });
});

describe('most linked contexts', () => {
  const links = [
    link('child:A', 'place:H1', { agency: 'police' }),
    link('child:B', 'place:H1', { agency: 'police' }),
    link('child:B', 'place:H1', { agency: 'school', nature: 'found_at' }),
    link('child:C', 'place:H1', { agency: 'csc' }),
    link('child:A', 'person_of_concern:P1'),
    link('child:B', 'person_of_concern:P1'),
    link('child:A', 'peer_group:G1'),
    link('child:B', 'peer_group:G1'),
    link('child:C', 'peer_group:G1'),
    link('child:D', 'place:School', { nature: 'attends' }),
  ];

  it('counts distinct children per place or person, most first', () => {
    const result = mostLinked(links, march);
    expect(result.items.map((i) => [`${i.kind}:${i.id}`, i.children])).toEqual([
      ['place:H1', 3],
      ['person_of_concern:P1', 2],
    ]);
    expect(result.items[0]?.childIds).toEqual(['A', 'B', 'C']);
  });

  it('always carries the caveat that counts show where agencies looked', () => {
    const result = mostLinked(links, march);
    expect(result.caveat).toBe(MOST_LINKED_CAVEAT);
    expect(result.caveat.text).toMatch(/where agencies have looked and recorded, not where harm is/);
    expect(result.caveat.source).toMatch(/Seed 001/);
    expect(mostLinked([], march).caveat).toBe(MOST_LINKED_CAVEAT);
  });

  it('shows which agencies recorded each count', () => {
    expect(mostLinked(links, march).items[0]?.sourceAgencies).toEqual({ police: 2, school: 1, csc: 1 });
  });

  it('can count other kinds, and limit the list', () => {
    const result = mostLinked(links, march, { contextKinds: ['peer_group'], limit: 1 });
    expect(result.items).toEqual([
      { kind: 'peer_group', id: 'G1', children: 3, childIds: ['A', 'B', 'C'], sourceAgencies: { police: 3 } },
    ]);
  });

  it('respects the period', () => {
    expect(mostLinked(links, { from: '2025-04-01', to: '2025-04-30' }).items).toEqual([]);
  });
});
