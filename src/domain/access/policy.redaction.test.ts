/**
 * The helpers presenters use: lists of labelled items, per-field masks, and the permissions a response
 * carries for the web.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS } from './actions.ts';
import { makeViewer, OWN_AGENCY_ID, relationship } from './fixtures.ts';
import { decide, permissionsFor, redactFields, visibleItems } from './policy.ts';
import { NO_RELATIONSHIP, type SensitivityLabel } from './types.ts';

describe('visibleItems', () => {
  const educator = makeViewer('practitioner', 'education');
  const involved = relationship('involved_professional');
  const items = [
    { id: 1, sensitivity: 'standard' as const },
    { id: 2, sensitivity: 'police_intelligence' as const },
    { id: 3, sensitivity: 'special_category' as const },
    { id: 4, sensitivity: 'sexual_health' as const },
    { id: 5, sensitivity: 'standard' as const },
    { id: 6, sensitivity: 'third_party' as const },
  ];

  it('keeps the items the viewer may see, in their order', () => {
    expect(visibleItems(educator, involved, items).map((i) => i.id)).toEqual([1, 3, 5]);
  });

  it('returns the same thing as a list that never held the hidden items', () => {
    const visible = visibleItems(educator, involved, items);
    const neverHeld = items.filter((i) => [1, 3, 5].includes(i.id));
    expect(visible).toStrictEqual(visibleItems(educator, involved, neverHeld));
    expect(Object.keys(visible)).toEqual(['0', '1', '2']);
    expect(visible).toHaveLength(3);
  });

  it('returns a new array and leaves the input untouched', () => {
    const before = structuredClone(items);
    const visible = visibleItems(educator, involved, items);
    expect(visible).not.toBe(items);
    expect(items).toEqual(before);
  });

  it('drops items with unknown or missing labels, and non-objects', () => {
    const odd = [
      { id: 1, sensitivity: 'standard' },
      { id: 2, sensitivity: 'secret' },
      { id: 3 },
      null,
      'standard',
    ] as unknown as { sensitivity: SensitivityLabel }[];
    expect(visibleItems(makeViewer('intelligence_officer', 'police'), NO_RELATIONSHIP, odd)).toEqual([
      { id: 1, sensitivity: 'standard' },
    ]);
  });

  it('returns an empty list for a viewer who may not read the record', () => {
    expect(visibleItems(makeViewer('analyst', 'other'), involved, items)).toEqual([]);
  });
});

describe('redactFields', () => {
  const record = {
    name: 'Fictional Child',
    dateOfBirth: '2010-05-01',
    ethnicity: 'Not recorded',
    clinicNote: 'sexual health clinic contact',
    policeSummary: 'intelligence summary',
  };
  const labels = {
    ethnicity: 'special_category',
    clinicNote: 'sexual_health',
    policeSummary: 'police_intelligence',
  } as const;

  it('drops restricted fields entirely: the key is absent, not null or undefined', () => {
    const out = redactFields(
      makeViewer('practitioner', 'education'),
      relationship('agency_involved'),
      record,
      labels,
    );
    expect(out).toStrictEqual({ name: 'Fictional Child', dateOfBirth: '2010-05-01' });
    expect('policeSummary' in out).toBe(false);
    expect(Object.keys(out)).toEqual(['name', 'dateOfBirth']);
  });

  it('keeps what each viewer may see', () => {
    const police = redactFields(makeViewer('practitioner', 'police'), NO_RELATIONSHIP, record, labels);
    expect(Object.keys(police)).toEqual(['name', 'dateOfBirth', 'policeSummary']);
    const nurse = redactFields(
      makeViewer('practitioner', 'health'),
      relationship('involved_professional'),
      record,
      labels,
    );
    expect(Object.keys(nurse)).toEqual(['name', 'dateOfBirth', 'ethnicity', 'clinicNote']);
  });

  it('treats unlabelled fields as standard and unknown labels as hidden', () => {
    const out = redactFields(makeViewer('practitioner', 'childrens_social_care'), NO_RELATIONSHIP, record, {
      name: 'standard',
      dateOfBirth: 'mystery' as unknown as SensitivityLabel,
    });
    expect(Object.keys(out)).toEqual(['name', 'ethnicity', 'clinicNote', 'policeSummary']);
  });

  it('returns nothing to a viewer who may not read the record, and never mutates the input', () => {
    const before = { ...record };
    expect(redactFields(makeViewer('administrator', 'other'), NO_RELATIONSHIP, record, labels)).toEqual({});
    expect(record).toEqual(before);
  });

  it("cannot be tricked by a '__proto__' key from parsed JSON", () => {
    const parsed = JSON.parse('{"name":"A","__proto__":{"isAdmin":true}}') as Record<string, unknown>;
    const out = redactFields(makeViewer('practitioner', 'police'), NO_RELATIONSHIP, parsed, {
      ['__proto__' as string]: 'police_intelligence',
    });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out as { isAdmin?: unknown }).isAdmin).toBeUndefined();
  });
});

describe('permissionsFor', () => {
  it('answers exactly the actions asked, for the record in hand', () => {
    const lead = makeViewer('practitioner', 'voluntary_sector');
    expect(
      permissionsFor(
        lead,
        ['child.read', 'note.create', 'case.close.request', 'case.close.approve', 'child.merge'],
        {
          child: relationship('lead_worker'),
          targetAgencyId: OWN_AGENCY_ID,
        },
      ),
    ).toEqual({
      'child.read': true,
      'note.create': true,
      'case.close.request': true,
      'case.close.approve': false,
      'child.merge': false,
    });
  });

  it('agrees with decide for every action', () => {
    const viewer = makeViewer(['manager', 'mace_chair'], 'police');
    const ctx = { child: relationship('meeting_member'), targetAgencyId: OWN_AGENCY_ID };
    const permissions = permissionsFor(viewer, ACTIONS, ctx);
    for (const action of ACTIONS) expect(permissions[action]).toBe(decide(viewer, action, ctx).allowed);
  });
});
