import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AgencyType } from '../../domain/access/types.ts';
import { appendAudit } from '../audit/audit.ts';
import { SYSTEM_ACTOR } from '../audit/events.ts';
import { createMeeting, saveMeeting } from '../mace/meetings.ts';
import { type Cast, type DemoCtx, WHO, type Who } from './cast.ts';
import { type ChildIds, DEMO_CHILDREN } from './children.ts';
import { type ContextIds, DEMO_CONTEXTS } from './contexts.ts';

const DAY = 86_400_000;

/** A time `days` from now (negative: ago) at a UTC hour, on the minute. */
const slot = (days: number, hour: number, minute = 0) => {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hour, minute, 0, 0);
  return d;
};
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** Who is invited to the partnership's MACE meetings. */
const INVITED: { who: Who; type: AgencyType }[] = [
  { who: 'alex', type: 'childrens_social_care' },
  { who: 'priya', type: 'police' },
  { who: 'dan', type: 'police' },
  { who: 'nia', type: 'health' },
  { who: 'tom', type: 'education' },
  { who: 'kemi', type: 'youth_justice' },
  { who: 'leo', type: 'voluntary_sector' },
];

/** The minutes of last month's meeting: shareable text, restricted text, decisions and actions. */
export const PAST_MEETING = {
  title: 'MACE meeting, Fernbridge (last month)',
  kayla: {
    shareable:
      'Agencies agreed that Kayla is being sexually exploited by an adult and that the plan must focus on stopping him. Kayla wants to keep her art sessions and to be told what happens next.',
    restricted:
      'Police intelligence links the silver hatchback to hotel bookings paid in cash on three Friday nights.',
    decision: 'Police to pursue a Child Abduction Warning Notice; licensing to approach the hotel.',
  },
  maisie: {
    shareable:
      'Maisie is on an Early Help plan; agencies agreed she needs a statutory assessment. Her mum is protective and walks her home on Fridays.',
    decision: 'Refer Maisie for a Children’s Services assessment now; do not wait for the next meeting.',
  },
  actions: {
    done: {
      title: 'Serve a Child Abduction Warning Notice on the adult harming Kayla',
      evidence: 'Notice served; recorded on the disruption tracker.',
    },
    overdue: { title: 'Ask the Brackenfold Hotel for its guest records and offer staff training' },
    open: { title: 'Map the children seen at Marlpit Chicken & Pizza after closing time' },
  },
};

/** The agenda of the meeting in the coming week: three children and a place. */
export const NEXT_MEETING = {
  title: 'MACE meeting, Fernbridge',
  contextHeading: 'Marlpit Chicken & Pizza, Wharf Street: children seen after closing time',
};

function invitationsFor(people: Map<Who, DemoCtx>) {
  return INVITED.map(({ who, type }) => {
    const ctx = people.get(who) as DemoCtx;
    return {
      id: randomUUID(),
      person: { name: ctx.user.name, personId: ctx.user.id, agencyId: ctx.user.agencyId },
      agencyId: ctx.user.agencyId,
      agencyType: type,
      agencyName: ctx.user.agency.name,
    };
  });
}

function childItem(children: ChildIds, key: string, linkedContexts: unknown[] = []) {
  const c = DEMO_CHILDREN.find((x) => x.key === key);
  if (!c) throw new Error(`No demo child ${key}`);
  return {
    id: randomUUID(),
    kind: 'child',
    childId: children[key],
    heading: `${c.givenName} ${c.familyName}`,
    linkedContexts,
  };
}

/** Convenes next week's MACE meeting, and records last month's, held, with its minutes and actions. */
export async function createMeetings(as: Cast, children: ChildIds, contexts: ContextIds) {
  const sam = await as(WHO.sam);
  const people = new Map<Who, DemoCtx>();
  for (const { who } of INVITED) people.set(who, await as(WHO[who]));
  const ref = (key: 'dale' | 'takeaway' | 'hotel' | 'group' | 'park') => ({
    contextId: contexts[key],
    kind: DEMO_CONTEXTS[key].kind,
    label: 'name' in DEMO_CONTEXTS[key] ? DEMO_CONTEXTS[key].name : key,
    sensitivity: 'standard',
  });

  // Next week's meeting: Kayla, Jayden and Tyrese, and the takeaway as a context item.
  const takeaway = ref('takeaway');
  await createMeeting(sam, {
    title: NEXT_MEETING.title,
    type: 'mace',
    startsAt: slot(5, 9, 30).toISOString(),
    endsAt: slot(5, 12).toISOString(),
    agenda: [
      childItem(children, 'kayla', [ref('dale'), ref('hotel'), takeaway]),
      childItem(children, 'jayden', [ref('group'), ref('park')]),
      childItem(children, 'tyrese', [ref('group')]),
      {
        id: randomUUID(),
        kind: 'context',
        context: takeaway,
        heading: NEXT_MEETING.contextHeading,
        linkedContexts: [],
      },
    ],
    invitations: invitationsFor(people),
  });

  // Last month's meeting. A meeting is convened for a future time, so it is convened, then dated back
  // (the demo's only direct change, audited below), then minuted as held.
  const kaylaItem = childItem(children, 'kayla', [ref('dale'), ref('hotel')]);
  const maisieItem = childItem(children, 'maisie', [takeaway]);
  const invitations = invitationsFor(people);
  const agenda = [kaylaItem, maisieItem];
  const startsAt = slot(2, 14);
  const id = await createMeeting(sam, {
    title: PAST_MEETING.title,
    type: 'mace',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
    agenda,
    invitations,
  });
  const heldAt = slot(-26, 9, 30);
  const endedAt = new Date(heldAt.getTime() + 2.5 * 3_600_000);
  await sam.db.transaction().execute(async (trx) => {
    await sql`UPDATE mace_meetings SET starts_at = ${heldAt.toISOString()}::timestamptz,
      ends_at = ${endedAt.toISOString()}::timestamptz,
      document = jsonb_set(jsonb_set(document, '{startsAt}', to_jsonb(${heldAt.toISOString()}::text)),
        '{endsAt}', to_jsonb(${endedAt.toISOString()}::text))
      WHERE id = ${id}`.execute(trx);
    await appendAudit(trx, SYSTEM_ACTOR, {
      action: 'meeting.demo_dated',
      recordType: 'meeting',
      recordId: id,
      reason: 'Demo data: a past meeting is convened and then dated in the past',
      details: { startsAt: heldAt.toISOString() },
    });
  });

  const person = (who: Who) => {
    const u = (people.get(who) as DemoCtx).user;
    return { name: u.name, personId: u.id, agencyId: u.agencyId };
  };
  const police = (people.get('dan') as DemoCtx).user.agencyId;
  const a = PAST_MEETING.actions;
  await saveMeeting(sam, id, {
    title: PAST_MEETING.title,
    status: 'held',
    startsAt: heldAt.toISOString(),
    endsAt: endedAt.toISOString(),
    agenda,
    invitations,
    attendance: invitations.map((inv, i) =>
      inv.agencyType === 'education'
        ? { inviteeId: inv.id, status: 'apologies' }
        : i === 6
          ? { inviteeId: inv.id, status: 'deputy', deputy: { name: 'Jess Whitcombe', role: 'Advocate' } }
          : { inviteeId: inv.id, status: 'present' },
    ),
    minutes: [
      {
        itemId: kaylaItem.id,
        shareable: PAST_MEETING.kayla.shareable,
        restricted: [
          { text: PAST_MEETING.kayla.restricted, sensitivity: 'police_intelligence', agencyId: police },
        ],
      },
      { itemId: maisieItem.id, shareable: PAST_MEETING.maisie.shareable },
    ],
    decisions: [
      { itemId: kaylaItem.id, text: PAST_MEETING.kayla.decision },
      { itemId: maisieItem.id, text: PAST_MEETING.maisie.decision },
    ],
    actions: [
      {
        id: randomUUID(),
        itemId: kaylaItem.id,
        childId: children.kayla,
        contextId: contexts.dale,
        title: a.done.title,
        owner: person('dan'),
        agencyId: police,
        dueDate: dateIn(-12),
        status: 'done',
        completion: { evidence: a.done.evidence, completedOn: dateIn(-3), recordedBy: person('dan') },
      },
      {
        id: randomUUID(),
        itemId: kaylaItem.id,
        contextId: contexts.hotel,
        title: a.overdue.title,
        owner: person('priya'),
        agencyId: police,
        dueDate: dateIn(-9),
        status: 'in_progress',
      },
      {
        id: randomUUID(),
        itemId: maisieItem.id,
        contextId: contexts.takeaway,
        title: a.open.title,
        owner: person('alex'),
        agencyId: (people.get('alex') as DemoCtx).user.agencyId,
        dueDate: dateIn(10),
        status: 'open',
      },
    ],
  });
  return { meetings: 2 };
}
