import { addAction, saveAssessment } from '../contexts/assessment.ts';
import { createLink } from '../contexts/links.ts';
import { createContext } from '../contexts/records.ts';
import { DisruptionBody } from '../disruption/schemas.ts';
import { createDisruption } from '../disruption/service.ts';
import { type Cast, WHO, type Who, when } from './cast.ts';
import type { ChildIds } from './children.ts';

/**
 * Persons of concern, places and a peer group, all fictional: the names are invented, the phone numbers
 * are in Ofcom's range for drama (07700 900xxx) and the postcodes in the ZX area, which does not exist.
 */
export const DEMO_CONTEXTS = {
  dale: {
    kind: 'person_of_concern',
    sensitivity: 'standard',
    name: 'Dale Crowthorne',
    aliases: ['Dee'],
    sex: 'male',
    phones: ['07700 900461'],
    description: 'Adult man who drives a silver hatchback and books hotel rooms with cash.',
  },
  ricks: {
    kind: 'person_of_concern',
    sensitivity: 'standard',
    aliases: ['Ricks'],
    sex: 'male',
    phones: ['07700 900782'],
    description: 'Young man, about 19, seen handing bags to younger children at the skate park.',
  },
  takeaway: {
    kind: 'place',
    sensitivity: 'standard',
    placeKind: 'takeaway',
    name: 'Marlpit Chicken & Pizza',
    addressLines: ['22 Wharf Street', 'Fernbridge'],
    postcode: 'ZX1 4WS',
    description: 'Open until 2am; adults gather at the back door after closing.',
  },
  park: {
    kind: 'place',
    sensitivity: 'standard',
    placeKind: 'park',
    name: 'Wrenfield Park skate park',
    addressLines: ['Wrenfield Park, Coppice Lane', 'Fernbridge'],
    postcode: 'ZX2 6PL',
    description: 'Unlit after 9pm; children are seen there late at night.',
  },
  hotel: {
    kind: 'place',
    sensitivity: 'standard',
    placeKind: 'hotel',
    name: 'The Brackenfold Hotel',
    addressLines: ['1 Station Approach', 'Fernbridge'],
    postcode: 'ZX1 2SA',
    description: 'Budget hotel by the station; rooms can be paid for in cash at night.',
  },
  group: {
    kind: 'peer_group',
    sensitivity: 'standard',
    name: 'Wrenfield skate park group',
    description:
      'Children aged 14 to 16 who spend evenings together at the skate park, and the older young men who join them.',
  },
} as const;
type ContextKey = keyof typeof DEMO_CONTEXTS;

const CHILD_NATURE = {
  person_of_concern: 'seen_with',
  place: 'frequents',
  peer_group: 'part_of',
} as const;

/**
 * Links with their source (`by`: the demo account the information came from) and grading (source
 * evaluation 1–3, intelligence A–D, handling code P).
 */
export const DEMO_LINKS: {
  from: string;
  to: ContextKey;
  nature?: string;
  by: Who;
  firstSeen: number;
  lastSeen: number;
  grading: [source: string, intelligence: string];
  note?: string;
}[] = [
  {
    from: 'kayla',
    to: 'dale',
    nature: 'harmed_by',
    by: 'priya',
    firstSeen: 60,
    lastSeen: 30,
    grading: ['1', 'A'],
  },
  {
    from: 'kayla',
    to: 'hotel',
    nature: 'taken_to',
    by: 'priya',
    firstSeen: 30,
    lastSeen: 30,
    grading: ['1', 'A'],
  },
  {
    from: 'kayla',
    to: 'takeaway',
    by: 'alex',
    firstSeen: 55,
    lastSeen: 14,
    grading: ['2', 'B'],
    note: 'Kayla told her worker she goes there after school.',
  },
  { from: 'maisie', to: 'takeaway', by: 'bea', firstSeen: 72, lastSeen: 10, grading: ['1', 'B'] },
  {
    from: 'maisie',
    to: 'dale',
    by: 'priya',
    firstSeen: 20,
    lastSeen: 20,
    grading: ['2', 'B'],
    note: 'Seen getting into the silver hatchback outside the takeaway.',
  },
  { from: 'jayden', to: 'group', by: 'kemi', firstSeen: 40, lastSeen: 5, grading: ['1', 'A'] },
  { from: 'jayden', to: 'park', by: 'kemi', firstSeen: 40, lastSeen: 5, grading: ['1', 'A'] },
  {
    from: 'jayden',
    to: 'takeaway',
    by: 'kemi',
    firstSeen: 30,
    lastSeen: 6,
    grading: ['2', 'B'],
    note: 'Goes there after football training.',
  },
  { from: 'jayden', to: 'ricks', by: 'priya', firstSeen: 30, lastSeen: 18, grading: ['2', 'B'] },
  {
    from: 'tyrese',
    to: 'ricks',
    nature: 'transported_by',
    by: 'priya',
    firstSeen: 50,
    lastSeen: 21,
    grading: ['1', 'B'],
  },
  { from: 'tyrese', to: 'group', by: 'alex', firstSeen: 45, lastSeen: 12, grading: ['2', 'B'] },
  {
    from: 'callum',
    to: 'group',
    by: 'bea',
    firstSeen: 60,
    lastSeen: 25,
    grading: ['3', 'C'],
    note: 'Not yet confirmed by a second source.',
  },
  {
    from: 'dale',
    to: 'takeaway',
    nature: 'frequents',
    by: 'priya',
    firstSeen: 90,
    lastSeen: 8,
    grading: ['2', 'B'],
  },
  {
    from: 'dale',
    to: 'hotel',
    nature: 'seen_at',
    by: 'priya',
    firstSeen: 90,
    lastSeen: 30,
    grading: ['1', 'A'],
  },
  {
    from: 'ricks',
    to: 'dale',
    nature: 'associates_with',
    by: 'priya',
    firstSeen: 40,
    lastSeen: 15,
    grading: ['3', 'B'],
  },
  {
    from: 'ricks',
    to: 'group',
    nature: 'part_of',
    by: 'priya',
    firstSeen: 40,
    lastSeen: 5,
    grading: ['2', 'B'],
  },
];

/** Disruption: a CAWN on the adult harming Kayla, a hotel information request, and Tyrese's NRM referral. */
export const DEMO_DISRUPTIONS = {
  cawn: {
    measure: 'cawn',
    applicant: 'police',
    status: 'issued',
  },
  hotel: {
    measure: 'hotel_information_request',
    applicant: 'police',
    status: 'proposed',
    outcome: 'Request drafted with licensing; to be served after the MACE meeting.',
  },
} as const;

/** The takeaway's own assessment and the partnership's actions on it and on the hotel. */
export const DEMO_CONTEXT_WORK = {
  takeaway: {
    assessment: {
      text: 'Children aged 13 to 16 are seen at the back door after closing time with adults who give them food and vapes. Four children known to the partnership are linked to it, and the adult harming Kayla is seen there.',
      maceReason:
        'Several children are linked to the same place and the same adults: it needs a partnership plan.',
    },
    actions: [
      { action: 'Licensing and police visit to review the late-night licence.', who: 'dan', dueIn: 12 },
      { action: 'Detached youth work outside the takeaway on Friday nights.', who: 'kemi', dueIn: 21 },
    ],
  },
  hotel: {
    actions: [
      { action: 'Offer the hotel’s night staff training on spotting exploitation.', who: 'priya', dueIn: 30 },
    ],
  },
} as const;

export type ContextIds = Record<ContextKey, string>;

/** Creates the contexts, links and disruption measures; returns the context ids. */
export async function createContexts(as: Cast, children: ChildIds) {
  const priya = await as(WHO.priya);
  const ids = {} as ContextIds;
  for (const [key, body] of Object.entries(DEMO_CONTEXTS) as [ContextKey, Record<string, unknown>][]) {
    const extra = key === 'dale' ? { dateOfBirth: when.born(29, 140) } : {};
    const extraAge = key === 'ricks' ? { ageYears: 19, ageRecordedOn: when.day(30) } : {};
    const { context } = await createContext(priya, { ...body, ...extra, ...extraAge });
    ids[key] = context.id;
  }

  // The intelligence officer records every link; its source is the agency and person it came from.
  for (const l of DEMO_LINKS) {
    const by = await as(WHO[l.by]);
    const fromChild = children[l.from];
    const from = fromChild
      ? { kind: 'child', id: fromChild }
      : { kind: DEMO_CONTEXTS[l.from as ContextKey].kind, id: ids[l.from as ContextKey] };
    const to = DEMO_CONTEXTS[l.to];
    await createLink(priya, {
      from,
      to: { kind: to.kind, id: ids[l.to] },
      nature: l.nature ?? CHILD_NATURE[to.kind],
      firstSeen: when.day(l.firstSeen),
      lastSeen: when.day(l.lastSeen),
      source: { agencyId: by.user.agencyId, authorId: by.user.id },
      grading: { source: l.grading[0], intelligence: l.grading[1], handling: 'P' },
      sensitivity: 'standard',
      ...(l.note ? { note: l.note } : {}),
    });
  }

  await saveAssessment(priya, ids.takeaway, DEMO_CONTEXT_WORK.takeaway.assessment);
  for (const key of ['takeaway', 'hotel'] as const) {
    for (const a of DEMO_CONTEXT_WORK[key].actions) {
      const owner = await as(WHO[a.who]);
      await addAction(priya, ids[key], {
        action: a.action,
        ownerName: owner.user.name,
        ownerUserId: owner.user.id,
        agencyId: owner.user.agencyId,
        dueDate: when.day(-a.dueIn),
      });
    }
  }

  const kayla = children.kayla as string;
  await createDisruption(
    priya,
    DisruptionBody.parse({
      ...DEMO_DISRUPTIONS.cawn,
      targetId: ids.dale,
      protectedChildIds: [kayla],
      issuedOn: when.day(4),
      servedOn: when.day(3),
      sensitivity: 'standard',
    }),
  );
  await createDisruption(
    priya,
    DisruptionBody.parse({
      ...DEMO_DISRUPTIONS.hotel,
      targetId: ids.hotel,
      protectedChildIds: [kayla],
      sensitivity: 'standard',
    }),
  );
  await createDisruption(
    priya,
    DisruptionBody.parse({
      measure: 'nrm_referral',
      applicant: 'police',
      status: 'requested',
      requestedOn: when.day(44),
      protectedChildIds: [children.tyrese],
      sensitivity: 'standard',
      facts: { children: [{ id: children.tyrese, traffickingConcern: true }] },
    }),
  );
  return { ids, links: DEMO_LINKS.length, disruptions: 3 };
}
