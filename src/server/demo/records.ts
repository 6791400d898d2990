import type { NoteType } from '../../domain/children/case-record.ts';
import type { ScreeningDecision } from '../../domain/referrals/decisions.ts';
import { addEvent } from '../children/chronology.ts';
import { createNote, finaliseNote } from '../children/notes.ts';
import { decideReferral } from '../referrals/decision.ts';
import { createReferral } from '../referrals/intake.ts';
import { linkReferral } from '../referrals/linking.ts';
import { CreateReferralBody, DecisionBody } from '../referrals/schemas.ts';
import { type Cast, WHO, type Who, when } from './cast.ts';
import { type ChildIds, DEMO_CHILDREN } from './children.ts';

/** Referrals: who made them, what they saw (with indicator prompts ticked), and how far screening got. */
export interface DemoReferral {
  child: string;
  by: Who;
  daysAgo: number;
  harmKinds: ('sexual' | 'criminal' | 'other')[];
  narrative: string;
  seenOrHeardBy: string;
  childKnows: boolean;
  familyKnows: boolean;
  withoutConsentReason?: string;
  observations: { indicatorId: string; daysAgo: number; note: string }[];
  /** Left out: the referral waits for screening. `link` false: not yet linked to the child's record. */
  decision?: { decision: ScreeningDecision; reasons: string; feedbackToReferrer: string };
  link?: boolean;
}

export const DEMO_REFERRALS: DemoReferral[] = [
  {
    child: 'kayla',
    by: 'nia',
    daysAgo: 50,
    harmKinds: ['sexual'],
    narrative:
      'Kayla came to the sexual health clinic with an adult man who waited outside in a silver car. She said he is a friend of her cousin and is 27. She had a new phone and would not say who pays for it.',
    seenOrHeardBy: 'Nia Evans, sexual health nurse',
    childKnows: true,
    familyKnows: false,
    withoutConsentReason: 'Telling her mum now could warn the man before the police can act.',
    observations: [
      {
        indicatorId: 's-older-controlling',
        daysAgo: 50,
        note: 'Adult man, about 27, drove her to the clinic and waited.',
      },
      { indicatorId: 's-unexplained-items', daysAgo: 50, note: 'New phone she would not explain.' },
      { indicatorId: 's-sexual-health', daysAgo: 50, note: 'Second clinic visit in a month.' },
    ],
    decision: {
      decision: 'strategy_discussion',
      reasons:
        'An adult is targeting a 15-year-old and controls how she gets to appointments. Reasonable cause to suspect significant harm: a strategy discussion with police and health today.',
      feedbackToReferrer: 'Thank you. A strategy discussion is being held today and you are invited.',
    },
  },
  {
    child: 'jayden',
    by: 'dan',
    daysAgo: 35,
    harmKinds: ['criminal'],
    narrative:
      'Jayden was found by officers in a stairwell in Wrenfield after he was reported missing overnight. He had two phones and £240 in cash and was frightened to go home. He said he "had to sort something out for someone".',
    seenOrHeardBy: 'PC Dan Hughes, Missing Persons Team',
    childKnows: true,
    familyKnows: true,
    observations: [
      { indicatorId: 's-missing', daysAgo: 36, note: 'Missing overnight, found 14 miles from home.' },
      {
        indicatorId: 's-calls',
        daysAgo: 35,
        note: 'Two phones; one rang constantly while officers were with him.',
      },
      { indicatorId: 's-unexplained-items', daysAgo: 35, note: '£240 in cash he could not explain.' },
    ],
    decision: {
      decision: 'childrens_services_assessment',
      reasons:
        'Indicators that adults are using Jayden to move drugs. His family want help. A Children’s Services assessment with a specialist co-worker from the Youth Justice Service.',
      feedbackToReferrer: 'Jayden will have a Children’s Services assessment; his worker will contact you.',
    },
  },
  {
    child: 'maisie',
    by: 'tom',
    daysAgo: 70,
    harmKinds: ['sexual'],
    narrative:
      'A friend of Maisie told her form tutor that men at a takeaway on Wharf Street give Maisie free food and vapes and have asked her for photos. Maisie has been late to school most mornings this half term.',
    seenOrHeardBy: 'A friend of Maisie, told to Mr Reed (head of year)',
    childKnows: false,
    familyKnows: true,
    withoutConsentReason:
      'Her friend asked us not to name her to Maisie yet; we will talk to Maisie with her worker.',
    observations: [
      {
        indicatorId: 's-given-things',
        daysAgo: 72,
        note: 'Free food and vapes from adults at the takeaway.',
      },
      { indicatorId: 's-school-absence', daysAgo: 70, note: 'Late most mornings this half term.' },
    ],
    decision: {
      decision: 'early_help_assessment',
      reasons:
        'Concern that adults are grooming Maisie; her mum is protective and wants support. Early Help assessment now, with the specialist team consulted.',
      feedbackToReferrer: 'An Early Help assessment has started. Please keep telling us what you hear.',
    },
  },
  {
    child: 'ellie',
    by: 'nia',
    daysAgo: 6,
    harmKinds: ['sexual'],
    narrative:
      'Ellie-Mae (13) told the school nurse that an older boy from college sends her messages at night and has asked to meet her at Wrenfield Park. She showed the nurse a message offering her a lift.',
    seenOrHeardBy: 'School nurse, Fernbridge Health Trust',
    childKnows: true,
    familyKnows: true,
    observations: [
      { indicatorId: 's-online', daysAgo: 7, note: 'Night-time messages from an older boy asking to meet.' },
      { indicatorId: 's-older-controlling', daysAgo: 7, note: 'Offer of a lift from someone much older.' },
    ],
    decision: {
      decision: 'strategy_discussion',
      reasons: 'A 13-year-old is being contacted and asked to meet: a strategy discussion with police today.',
      feedbackToReferrer: 'A strategy discussion is being held. Thank you for acting quickly.',
    },
  },
  {
    child: 'finn',
    by: 'tom',
    daysAgo: 2,
    harmKinds: ['criminal'],
    narrative:
      'Finn has missed nine days of school this month. Staff have seen him waiting at the school gate for a car driven by an adult, and he now has expensive trainers and a new bike.',
    seenOrHeardBy: 'Tom Reed, head of year',
    childKnows: false,
    familyKnows: false,
    withoutConsentReason:
      'We have not been able to reach his mum yet and want advice before speaking to Finn.',
    observations: [
      { indicatorId: 's-school-absence', daysAgo: 3, note: 'Nine days missed this month.' },
      { indicatorId: 's-given-things', daysAgo: 3, note: 'Expensive trainers and a new bike.' },
    ],
  },
  {
    child: 'amira',
    by: 'tom',
    daysAgo: 1,
    harmKinds: ['sexual'],
    narrative:
      'Amira said in a lesson that a man she met online sends her money for top-ups and wants to meet. She seemed scared when a teacher asked about it.',
    seenOrHeardBy: 'Science teacher, Fernbridge Academy',
    childKnows: true,
    familyKnows: false,
    withoutConsentReason:
      'Amira asked us not to tell her dad yet; we want advice on how to involve her family.',
    observations: [{ indicatorId: 's-online', daysAgo: 1, note: 'Money for top-ups from a man met online.' }],
    link: false,
  },
];

/** Chronology entries recorded directly, each with its source and verification. */
export const DEMO_EVENTS: {
  key: string;
  child: string;
  by: Who;
  daysAgo: number;
  title: string;
  summary: string;
  source: string;
  verification: 'verified' | 'unverified';
  sensitivity?: 'police_intelligence' | 'sexual_health';
}[] = [
  {
    key: 'kayla-hotel',
    child: 'kayla',
    by: 'dan',
    daysAgo: 30,
    title: 'Found at the Brackenfold Hotel with an adult',
    summary:
      'Officers found Kayla in a room at the Brackenfold Hotel booked by Dale Crowthorne (29). She was given a lift home. A CAWN is being considered.',
    source: 'Police log, Missing Persons Team',
    verification: 'verified',
  },
  {
    key: 'kayla-intel',
    child: 'kayla',
    by: 'priya',
    daysAgo: 24,
    title: 'Intelligence: the silver car and the hotel',
    summary:
      'The silver car is linked to Dale Crowthorne; hotel staff report he books rooms with cash and arrives with different girls.',
    source: 'Police intelligence log',
    verification: 'unverified',
    sensitivity: 'police_intelligence',
  },
  {
    key: 'kayla-school',
    child: 'kayla',
    by: 'alex',
    daysAgo: 20,
    title: 'School: attendance improving with a part-time timetable',
    summary:
      'Kayla has attended every morning this fortnight and says art is the lesson she looks forward to.',
    source: 'Head of year, Fernbridge Academy (by phone)',
    verification: 'verified',
  },
  {
    key: 'jayden-park',
    child: 'jayden',
    by: 'kemi',
    daysAgo: 18,
    title: 'Seen with older young men at Wrenfield Park',
    summary:
      'A youth worker saw Jayden with three older young men near the skate park at 11pm; one handed him a bag.',
    source: 'Detached youth worker, Fernbridge Youth Justice Service',
    verification: 'unverified',
  },
  {
    key: 'tyrese-arrest',
    child: 'tyrese',
    by: 'dan',
    daysAgo: 45,
    title: 'Arrested with drugs he was made to carry; treated as a victim of exploitation',
    summary:
      'Tyrese was stopped in Fernbridge town centre carrying drugs. He said he was told what would happen to his cousin if he refused. Referred to the National Referral Mechanism.',
    source: 'Custody record and officer statement',
    verification: 'verified',
  },
  {
    key: 'callum-college',
    child: 'callum',
    by: 'bea',
    daysAgo: 60,
    title: 'College concern: new friends outside the gates',
    summary: 'College staff saw Callum collected by a car of older young men twice this week.',
    source: 'Safeguarding lead, Fernbridge College',
    verification: 'unverified',
  },
];

/** Case notes: finalised ones (significant ones also go to the chronology) and drafts. */
export const DEMO_NOTES: {
  child: string;
  by: Who;
  daysAgo: number;
  type: NoteType;
  body: string;
  significant?: boolean;
  draft?: boolean;
}[] = [
  {
    child: 'kayla',
    by: 'alex',
    daysAgo: 27,
    type: 'direct_work',
    significant: true,
    body: 'Home visit with Kayla and her nan. Kayla talked about the hotel for the first time: she said she felt she could not say no because she "owed" Dale for the phone. I told her none of this is her fault and that the adults are responsible. She chose a code word to text me if she needs collecting.',
  },
  {
    child: 'kayla',
    by: 'leo',
    daysAgo: 12,
    type: 'direct_work',
    body: 'Art session at the Safe Steps hub. Kayla drew a comic about a girl who finds a safe place. She asked if I would still see her after the summer; I said yes.',
  },
  {
    child: 'kayla',
    by: 'alex',
    daysAgo: 2,
    type: 'professional_discussion',
    draft: true,
    body: 'Discussion with PC Hughes about the CAWN and the hotel information request. To finalise after the strategy review.',
  },
  {
    child: 'jayden',
    by: 'kemi',
    daysAgo: 16,
    type: 'contact',
    body: 'Met Jayden at the football club. He is worried about a debt that older boys say he owes. We agreed he can call me or the out-of-hours team at any time, and that the debt is not his to pay.',
  },
  {
    child: 'jayden',
    by: 'alex',
    daysAgo: 9,
    type: 'supervision',
    body: 'Supervision with Jordan Blake: agreed to request a MACE discussion for Jayden and to map the group at Wrenfield Park.',
  },
  {
    child: 'maisie',
    by: 'bea',
    daysAgo: 40,
    type: 'contact',
    significant: true,
    body: 'Met Maisie and her mum. Maisie said the men at the takeaway are "nice to her" and give her food. Her mum will walk her home on Fridays. Maisie agreed to meet Leo from Safe Steps.',
  },
  {
    child: 'tyrese',
    by: 'alex',
    daysAgo: 1,
    type: 'direct_work',
    draft: true,
    body: 'Session with Tyrese at Heronsgate House about his college course and who he trusts. Notes to follow.',
  },
  {
    child: 'ellie',
    by: 'bea',
    daysAgo: 5,
    type: 'contact',
    body: 'Spoke with Ellie-Mae and her mum together. Her mum has taken the phone to the police and will keep it until they have looked at the messages.',
  },
];

export type EntryIds = Record<string, string>;

/** Referrals through intake, linking and screening; chronology entries; case notes. */
export async function createRecords(as: Cast, children: ChildIds) {
  const screener = await as(WHO.bea);
  let referrals = 0;
  for (const r of DEMO_REFERRALS) {
    const child = DEMO_CHILDREN.find((c) => c.key === r.child);
    if (!child) throw new Error(`No demo child ${r.child}`);
    const childId = children[r.child] as string;
    const input = CreateReferralBody.parse({
      immediateDanger: false,
      child: {
        givenName: child.givenName,
        familyName: child.familyName,
        dateOfBirth: when.born(child.age[0], child.age[1]),
        school: child.school,
        sex: child.sex,
      },
      narrative: r.narrative,
      seenOrHeardBy: r.seenOrHeardBy,
      happenedOn: when.day(r.daysAgo),
      harmKinds: r.harmKinds,
      onlineElement: r.harmKinds.includes('sexual') ? 'yes' : 'no',
      childKnows: r.childKnows,
      familyKnows: r.familyKnows,
      ...(r.withoutConsentReason ? { withoutConsentReason: r.withoutConsentReason } : {}),
      observations: r.observations.map((o) => ({
        indicatorId: o.indicatorId,
        observedOn: when.day(o.daysAgo),
        note: o.note,
      })),
    });
    const { id } = await createReferral(await as(WHO[r.by]), input);
    referrals += 1;
    if (r.link === false) continue;
    await linkReferral(screener, id, { childId });
    if (r.decision) await decideReferral(screener, id, DecisionBody.parse(r.decision));
  }

  const entries: EntryIds = {};
  for (const e of DEMO_EVENTS) {
    entries[e.key] = await addEvent(await as(WHO[e.by]), children[e.child] as string, {
      occurredAt: when.at(e.daysAgo, 11),
      title: e.title,
      summary: e.summary,
      source: e.source,
      verification: e.verification,
      ...(e.sensitivity ? { sensitivity: e.sensitivity } : {}),
    });
  }

  for (const n of DEMO_NOTES) {
    const ctx = await as(WHO[n.by]);
    const childId = children[n.child] as string;
    const noteId = await createNote(ctx, childId, {
      type: n.type,
      body: n.body,
      occurredAt: when.at(n.daysAgo, 15),
      significant: n.significant ?? false,
    });
    if (!n.draft) await finaliseNote(ctx, childId, noteId, { verification: 'verified' });
  }
  return { referrals, entries, notes: DEMO_NOTES.length };
}
