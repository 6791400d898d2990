import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { castOf } from './cast.ts';
import { createChildren, DEMO_CHILDREN, DEMO_FLAGS } from './children.ts';
import {
  createContexts,
  DEMO_CONTEXT_WORK,
  DEMO_CONTEXTS,
  DEMO_DISRUPTIONS,
  DEMO_LINKS,
} from './contexts.ts';
import { createMeetings, NEXT_MEETING, PAST_MEETING } from './meetings.ts';
import { createMissing, DEMO_EPISODES } from './missing.ts';
import { createPlanning, JAYDEN_MACE, KAYLA_MACE, kaylaPlan, kaylaRaf, kaylaResponse } from './planning.ts';
import { createRecords, DEMO_EVENTS, DEMO_NOTES, DEMO_REFERRALS } from './records.ts';

/**
 * The demo's case data: children, referrals, chronology and notes, assessments and plans, missing
 * episodes, contexts and disruption, and MACE meetings, each made by the demo account whose work it is,
 * through the same service functions as the API. Returns counts for the audit entry.
 */
export async function loadCases(db: Kysely<DB>, progress: (message: string) => void) {
  const as = castOf(db);
  progress('Demo children and their workers');
  const children = await createChildren(as);
  progress('Demo referrals, chronology and case notes');
  const records = await createRecords(as, children);
  progress('Demo assessments and plans');
  const planning = await createPlanning(as, children, records.entries);
  progress('Demo persons of concern, places, links and disruption');
  const contexts = await createContexts(as, children);
  progress('Demo missing episodes and return home interviews');
  const missing = await createMissing(as, children, contexts.ids);
  progress('Demo MACE meetings');
  const meetings = await createMeetings(as, children, contexts.ids);
  return {
    children: Object.keys(children).length,
    referrals: records.referrals,
    notes: records.notes,
    ...planning,
    links: contexts.links,
    disruptions: contexts.disruptions,
    ...missing,
    ...meetings,
  };
}

/** Every piece of demo data that holds free text, for the language check in the tests. */
export function demoTextSources(): Record<string, unknown> {
  return {
    DEMO_CHILDREN,
    DEMO_FLAGS,
    DEMO_REFERRALS,
    DEMO_EVENTS,
    DEMO_NOTES,
    raf: kaylaRaf({}),
    KAYLA_MACE,
    JAYDEN_MACE,
    response: kaylaResponse(),
    plan: kaylaPlan({ alex: 'alex', dan: 'dan', leo: 'leo' }),
    DEMO_CONTEXTS,
    DEMO_CONTEXT_WORK,
    DEMO_LINKS,
    DEMO_DISRUPTIONS,
    DEMO_EPISODES,
    PAST_MEETING,
    NEXT_MEETING,
  };
}
