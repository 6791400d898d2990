import { describe, expect, it } from 'vitest';
import { HANDLING_CODE_INFO, INTELLIGENCE_ASSESSMENT_INFO, SOURCE_EVALUATION_INFO } from './grading.ts';
import {
  BUSINESS_SECTOR_NAMES,
  CONTEXT_KIND_INFO,
  CONTEXT_KINDS,
  findLinkNature,
  isContextKind,
  LINK_NATURE_IDS,
  LINK_NATURES,
  type LinkNature,
  natureAllows,
  ONLINE_PLATFORM_NAMES,
  PLACE_KIND_NAMES,
  PLACE_KINDS,
} from './kinds.ts';

const NATURES = LINK_NATURES as readonly LinkNature[];

/**
 * Words the system's own vocabulary must never use about a person of concern or their contact with a
 * child (PRODUCT.md §3; seed 000 §4): they frame exploitation as a relationship or a choice.
 */
const FORBIDDEN = [
  /\bboy ?friends?\b/i,
  /\bgirl ?friends?\b/i,
  /\brelationships?\b/i,
  /\bdating\b/i,
  /\blovers?\b/i,
  /\bsugar daddy\b/i,
  /\bconsent(ed|ing|ual)?\b/i,
  /\bchoice\b/i,
  /\bputting (her|him|them)self\b/i,
  /\bprostitut/i,
];

function vocabulary(): string[] {
  return [
    ...Object.values(CONTEXT_KIND_INFO).flatMap((k) => [k.name, k.description]),
    ...Object.values(PLACE_KIND_NAMES),
    ...Object.values(BUSINESS_SECTOR_NAMES),
    ...Object.values(ONLINE_PLATFORM_NAMES),
    ...NATURES.flatMap((n) => [n.label, n.inverseLabel, n.description]),
    ...Object.values(SOURCE_EVALUATION_INFO).flatMap((g) => [g.name, g.explanation]),
    ...Object.values(INTELLIGENCE_ASSESSMENT_INFO).flatMap((g) => [g.name, g.explanation]),
    ...Object.values(HANDLING_CODE_INFO).flatMap((g) => [g.name, g.explanation]),
  ];
}

describe('context kinds', () => {
  it('describes every kind', () => {
    for (const k of CONTEXT_KINDS) {
      expect(CONTEXT_KIND_INFO[k].name.length).toBeGreaterThan(3);
      expect(CONTEXT_KIND_INFO[k].description.length).toBeGreaterThan(20);
      expect(isContextKind(k)).toBe(true);
    }
    expect(isContextKind('child')).toBe(false);
    expect(isContextKind('boyfriend')).toBe(false);
  });

  it('names every place kind, including the ones the issue lists', () => {
    for (const k of PLACE_KINDS) expect(PLACE_KIND_NAMES[k]).toBeTruthy();
    for (const k of ['home', 'hotel', 'takeaway', 'park', 'shop', 'school', 'taxi_rank', 'party_house']) {
      expect(PLACE_KINDS).toContain(k);
    }
  });

  it('a person of concern under 18 is described as a child first', () => {
    expect(CONTEXT_KIND_INFO.person_of_concern.description).toMatch(/child first/);
  });
});

describe('link natures', () => {
  it('has each id at most once per scope', () => {
    const keys = NATURES.map((n) => `${n.scope}:${n.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(LINK_NATURE_IDS).size).toBe(LINK_NATURE_IDS.length);
  });

  it('reads child links from the child, and context links between contexts only', () => {
    for (const n of NATURES) {
      if (n.scope === 'child_context') expect(n.from).toEqual(['child']);
      else expect(n.from).not.toContain('child');
      expect(n.to.length).toBeGreaterThan(0);
      expect(n.to).not.toContain('child');
    }
  });

  it('includes the natures the issue names', () => {
    for (const id of [
      'seen_with',
      'transported_by',
      'contacted_online_by',
      'given_gifts_by',
      'lives_at',
      'frequents',
    ]) {
      expect(findLinkNature(id, 'child_context')).toBeDefined();
    }
  });

  it('finds natures by scope and checks their ends', () => {
    const lives = findLinkNature('lives_at', 'child_context') as LinkNature;
    expect(natureAllows(lives, 'child', 'place')).toBe(true);
    expect(natureAllows(lives, 'child', 'person_of_concern')).toBe(false);
    expect(findLinkNature('lives_at', 'context_context')?.from).toEqual(['person_of_concern']);
    expect(findLinkNature('trades_from', 'child_context')).toBeUndefined();
    expect(findLinkNature('nonsense', 'child_context')).toBeUndefined();
  });

  it('does not let attending the same school join children into a group', () => {
    expect(findLinkNature('attends', 'child_context')?.connectsChildren).toBe(false);
    expect(findLinkNature('taken_to', 'child_context')?.connectsChildren).toBe(true);
  });
});

describe('language', () => {
  const words = vocabulary();
  it('never calls a person of concern a partner', () => {
    const about = [
      CONTEXT_KIND_INFO.person_of_concern.description,
      ...NATURES.flatMap((n) => [n.label, n.inverseLabel, n.description]),
    ];
    expect(about.filter((w) => /\bpartners?\b/i.test(w))).toEqual([]);
  });

  it.each(FORBIDDEN.map((re) => [re.source, re] as const))('never says %s', (_name, re) => {
    const hits = words.filter((w) => re.test(w));
    expect(hits).toEqual([]);
  });
});
