import { describe, expect, it } from 'vitest';
import { type CrossReferenceItem, sharedContexts } from './cross-reference.ts';
import { CONTEXT, id } from './fixtures.ts';

const dean = { contextId: CONTEXT.dean, kind: 'person_of_concern', label: 'Dean Marsh' } as const;
const flat = { contextId: CONTEXT.flat, kind: 'place', label: 'Flat above Quickbite takeaway' } as const;
const bus = { contextId: CONTEXT.busStation, kind: 'place', label: 'Fernbridge bus station' } as const;
const car = { contextId: CONTEXT.car, kind: 'vehicle', label: 'Silver Ford Focus' } as const;

const AGENDA: CrossReferenceItem[] = [
  { id: id(1), kind: 'child', heading: 'Amira', linkedContexts: [dean, flat, bus, car] },
  { id: id(2), kind: 'child', heading: 'Kai', linkedContexts: [dean, bus] },
  { id: id(3), kind: 'child', heading: 'Leah', linkedContexts: [flat, dean, dean] },
  {
    id: id(4),
    kind: 'context',
    heading: 'Person of concern: Dean Marsh',
    context: dean,
    linkedContexts: [dean, car],
  },
  { id: id(5), kind: 'child', heading: 'Zoe', linkedContexts: [] },
];

describe('sharedContexts', () => {
  it('lists each person of concern or place in more than one item, with the items, most items first', () => {
    expect(sharedContexts(AGENDA)).toEqual([
      {
        contextId: CONTEXT.dean,
        kind: 'person_of_concern',
        label: 'Dean Marsh',
        items: [
          { itemId: id(1), heading: 'Amira', as: 'linked' },
          { itemId: id(2), heading: 'Kai', as: 'linked' },
          { itemId: id(3), heading: 'Leah', as: 'linked' },
          { itemId: id(4), heading: 'Person of concern: Dean Marsh', as: 'subject' },
        ],
      },
      {
        contextId: CONTEXT.busStation,
        kind: 'place',
        label: 'Fernbridge bus station',
        items: [
          { itemId: id(1), heading: 'Amira', as: 'linked' },
          { itemId: id(2), heading: 'Kai', as: 'linked' },
        ],
      },
      {
        contextId: CONTEXT.flat,
        kind: 'place',
        label: 'Flat above Quickbite takeaway',
        items: [
          { itemId: id(1), heading: 'Amira', as: 'linked' },
          { itemId: id(3), heading: 'Leah', as: 'linked' },
        ],
      },
      {
        contextId: CONTEXT.car,
        kind: 'vehicle',
        label: 'Silver Ford Focus',
        items: [
          { itemId: id(1), heading: 'Amira', as: 'linked' },
          { itemId: id(4), heading: 'Person of concern: Dean Marsh', as: 'linked' },
        ],
      },
    ]);
  });

  it('narrows to the kinds asked for', () => {
    expect(sharedContexts(AGENDA, ['place']).map((s) => s.label)).toEqual([
      'Fernbridge bus station',
      'Flat above Quickbite takeaway',
    ]);
  });

  it('lists nothing that appears in one item only, however often', () => {
    expect(
      sharedContexts([{ id: id(1), kind: 'child', heading: 'Amira', linkedContexts: [dean, dean, dean] }]),
    ).toEqual([]);
    expect(sharedContexts([])).toEqual([]);
  });

  it('counts a context item and a child linked to it', () => {
    const shared = sharedContexts([
      { id: id(1), kind: 'context', heading: 'Flat', context: flat },
      { id: id(2), kind: 'child', heading: 'Amira', linkedContexts: [flat] },
    ]);
    expect(shared.map((s) => s.items.map((i) => i.as))).toEqual([['subject', 'linked']]);
  });
});
