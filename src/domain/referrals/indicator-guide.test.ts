import { describe, expect, it } from 'vitest';
import { INDICATOR_GROUPS, INDICATOR_GUIDE } from './indicator-guide.ts';

const BLAMING = [
  /putting (themselves|herself|himself) at risk/i,
  /prostitut/i,
  /promiscu/i,
  /risk-taking/i,
  /lifestyle/i,
  /boyfriend/i,
  /in a relationship with/i,
  /choos/i,
];

describe('the indicator guide', () => {
  it('is versioned and has every group, including protective factors', () => {
    expect(INDICATOR_GUIDE.version).toMatch(/^\d{4}\.\d+$/);
    for (const g of INDICATOR_GROUPS) expect(INDICATOR_GUIDE.items.some((i) => i.group === g)).toBe(true);
  });

  it('has unique ids', () => {
    const ids = INDICATOR_GUIDE.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(INDICATOR_GUIDE.items.map((i) => [i.id, i] as const))(
    '%s has text, an evidence note and a seed source, in non-blaming words',
    (_id, item) => {
      expect(item.text.length).toBeGreaterThan(5);
      expect(item.evidenceNote.length).toBeGreaterThan(20);
      expect(item.source).toMatch(/seed 00[0-4]/);
      for (const pattern of BLAMING) expect(`${item.text} ${item.evidenceNote}`).not.toMatch(pattern);
    },
  );

  it('says it is not a score or a gate', () => {
    expect(INDICATOR_GUIDE.usage).toMatch(/nothing here is a score or a threshold/i);
  });
});
