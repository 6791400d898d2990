import { recordEpisode } from '../missing/episodes.ts';
import { saveInterview } from '../missing/interviews.ts';
import { EpisodeBody, InterviewBody } from '../missing/schemas.ts';
import { type Cast, WHO, type Who, when } from './cast.ts';
import type { ChildIds } from './children.ts';
import type { ContextIds } from './contexts.ts';

/**
 * Missing episodes, reported by the police's missing persons team, and return home interviews offered
 * and held by an independent worker. Times are in hours before now.
 */
export interface DemoEpisode {
  child: string;
  reportedHoursAgo: number;
  lastSeenHoursAgo: number;
  missingFrom: { kind: 'home' | 'care_placement'; description: string };
  policeReference: string;
  policeRiskGrade: 'low' | 'medium' | 'high';
  returned: {
    hoursAgo: number;
    how: 'found_by_police' | 'came_back_themselves' | 'found_by_family_or_carers';
    where: string;
    whereContext?: 'hotel' | 'park' | 'takeaway';
    whoWith: string[];
    notes: string;
  };
  harmWhileMissing: 'known' | 'suspected' | 'none_known' | 'not_known_yet';
  harmDetails?: string;
  interview?: {
    by: Who;
    offeredHoursAgo: number;
    completedHoursAgo: number;
    pushFactors: string[];
    pullFactors: string[];
    whatHappened: string;
    childsAccount: string;
    sharing: string;
  };
}

export const DEMO_EPISODES: DemoEpisode[] = [
  {
    child: 'kayla',
    reportedHoursAgo: 31 * 24 + 2,
    lastSeenHoursAgo: 31 * 24 + 6,
    missingFrom: { kind: 'home', description: 'Her nan’s house, Kestrel Row' },
    policeReference: 'FB-MP-1184',
    policeRiskGrade: 'high',
    returned: {
      hoursAgo: 30 * 24 + 4,
      how: 'found_by_police',
      where: 'A room at the Brackenfold Hotel',
      whereContext: 'hotel',
      whoWith: ['An adult man, about 29, who booked the room'],
      notes: 'Officers took Kayla to her nan’s house and arranged a health check.',
    },
    harmWhileMissing: 'known',
    harmDetails: 'Kayla was sexually abused by the adult who booked the room.',
    interview: {
      by: 'leo',
      offeredHoursAgo: 30 * 24 - 20,
      completedHoursAgo: 29 * 24,
      pushFactors: ['not_listened_to'],
      pullFactors: ['groomed_with_gifts_or_money', 'threats_debt_or_coercion'],
      whatHappened:
        'Kayla was collected from near the takeaway and driven to the hotel. She was given alcohol and told she owed money for her phone.',
      childsAccount: 'He said I had to pay him back for the phone. I didn’t know how to say no.',
      sharing: 'The hotel, the car and the man’s description shared with the missing persons coordinator.',
    },
  },
  {
    child: 'jayden',
    reportedHoursAgo: 36 * 24 + 20,
    lastSeenHoursAgo: 37 * 24,
    missingFrom: { kind: 'home', description: 'Family home, Orchard Vale' },
    policeReference: 'FB-MP-1152',
    policeRiskGrade: 'medium',
    returned: {
      hoursAgo: 35 * 24 + 9,
      how: 'found_by_police',
      where: 'A stairwell in the Wrenfield flats',
      whoWith: [],
      notes: 'He had two phones and cash; officers treated him as a possible victim of exploitation.',
    },
    harmWhileMissing: 'suspected',
    harmDetails: 'Suspected to have been made to carry drugs while missing.',
    interview: {
      by: 'kemi',
      offeredHoursAgo: 35 * 24,
      completedHoursAgo: 34 * 24,
      pushFactors: ['conflict_at_home'],
      pullFactors: ['threats_debt_or_coercion', 'drawn_in_through_peers'],
      whatHappened:
        'Jayden was sent to another town with a bag and told he could come home when the debt was paid.',
      childsAccount: 'They said I owed them. I just wanted it to stop.',
      sharing: 'The phone numbers and the address he was taken to shared with the police.',
    },
  },
  {
    child: 'jayden',
    reportedHoursAgo: 50,
    lastSeenHoursAgo: 54,
    missingFrom: { kind: 'home', description: 'Family home, Orchard Vale' },
    policeReference: 'FB-MP-1297',
    policeRiskGrade: 'medium',
    returned: {
      hoursAgo: 20,
      how: 'came_back_themselves',
      where: 'Came home by bus from the skate park',
      whereContext: 'park',
      whoWith: ['Older young men from the skate park group'],
      notes: 'Tired and hungry; his grandad was with him when the police visited.',
    },
    harmWhileMissing: 'not_known_yet',
  },
];

/** Records the episodes and the return home interviews held (the last episode's interview is due). */
export async function createMissing(as: Cast, children: ChildIds, contexts: ContextIds) {
  const dan = await as(WHO.dan);
  let interviews = 0;
  for (const e of DEMO_EPISODES) {
    const { episode } = await recordEpisode(
      dan,
      EpisodeBody.parse({
        childId: children[e.child],
        reportedAt: when.hoursAgo(e.reportedHoursAgo),
        lastSeenAt: when.hoursAgo(e.lastSeenHoursAgo),
        reportedBy: {
          name: e.child === 'kayla' ? 'Maureen Thistlewood' : 'Desmond Pellworth',
          role: 'Family',
        },
        missingFrom: e.missingFrom,
        protocolCategory: 'missing',
        policeReference: e.policeReference,
        policeRiskGrade: e.policeRiskGrade,
        returned: {
          at: when.hoursAgo(e.returned.hoursAgo),
          how: e.returned.how,
          where: {
            description: e.returned.where,
            ...(e.returned.whereContext ? { placeId: contexts[e.returned.whereContext] } : {}),
          },
          whoWith: e.returned.whoWith.map((description) => ({ description })),
          notes: e.returned.notes,
        },
        harmWhileMissing: e.harmWhileMissing,
        ...(e.harmDetails ? { harmDetails: e.harmDetails } : {}),
      }),
    );
    const i = e.interview;
    if (!i) continue;
    const worker = await as(WHO[i.by]);
    const offeredBy = { name: worker.user.name, agencyId: worker.user.agencyId, userId: worker.user.id };
    await saveInterview(
      worker,
      InterviewBody.parse({
        episodeId: episode.id,
        status: 'completed',
        offer: { offeredAt: when.hoursAgo(i.offeredHoursAgo), offeredBy },
        completedAt: when.hoursAgo(i.completedHoursAgo),
        conductedBy: offeredBy,
        pushFactors: i.pushFactors,
        pullFactors: i.pullFactors,
        whatHappened: i.whatHappened,
        childsAccount: i.childsAccount,
        sharing: [{ with: 'police', sharedAt: when.hoursAgo(i.completedHoursAgo - 2), summary: i.sharing }],
      }),
    );
    interviews += 1;
  }
  return { episodes: DEMO_EPISODES.length, interviews };
}
