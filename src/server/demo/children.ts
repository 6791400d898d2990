import type { StatutoryStatus } from '../../domain/referrals/decisions.ts';
import { allocate } from '../children/allocation.ts';
import { setStatutoryStatus } from '../children/details.ts';
import { setFlag } from '../children/flags.ts';
import { createChild } from '../children/record.ts';
import { CreateChildBody } from '../children/schemas.ts';
import { type Cast, WHO, type Who, when } from './cast.ts';

/**
 * The demo's children: every name is invented, every address is in the fictional Fernbridge with a
 * postcode in the ZX area (which does not exist), and each child is described as a child first.
 */
export interface DemoChild {
  key: string;
  givenName: string;
  familyName: string;
  knownAs?: string[];
  age: [years: number, days: number];
  sex: 'female' | 'male';
  school: string;
  address: { line1: string; postcode: string; sinceDaysAgo: number };
  firstLanguage?: string;
  ethnicity?: string;
  careStatus?: 'looked_after' | 'not_looked_after';
  strengths: string;
  interests: string;
  lead?: Who;
  coWorker?: Who;
  involved?: Who[];
  status?: { status: StatutoryStatus; daysAgo: number; reason: string };
}

export const DEMO_CHILDREN: DemoChild[] = [
  {
    key: 'kayla',
    givenName: 'Kayla',
    familyName: 'Thistlewood',
    knownAs: ['Kay'],
    age: [15, 74],
    sex: 'female',
    school: 'Fernbridge Academy',
    address: { line1: '14 Kestrel Row', postcode: 'ZX1 4RW', sinceDaysAgo: 900 },
    ethnicity: 'White British',
    firstLanguage: 'English',
    strengths:
      'Funny and quick-witted; fiercely loyal to her younger brother; keeps going to her art class even in hard weeks.',
    interests: 'Drawing and graphic novels, swimming, baking with her nan.',
    lead: 'alex',
    coWorker: 'leo',
    involved: ['nia', 'dan'],
    status: {
      status: 'child_protection',
      daysAgo: 40,
      reason:
        'Initial child protection conference: Kayla is being sexually exploited by adults outside the family.',
    },
  },
  {
    key: 'jayden',
    givenName: 'Jayden',
    familyName: 'Pellworth',
    knownAs: ['JP'],
    age: [14, 201],
    sex: 'male',
    school: 'Fernbridge Academy',
    address: { line1: '3 Orchard Vale', postcode: 'ZX2 7PD', sinceDaysAgo: 1400 },
    ethnicity: 'Mixed White and Black Caribbean',
    firstLanguage: 'English',
    strengths: 'Kind to younger children; good at maths when he feels safe in class; close to his grandad.',
    interests: 'Football (plays left wing), music production on his phone, BMX.',
    lead: 'alex',
    coWorker: 'kemi',
    involved: ['dan'],
  },
  {
    key: 'maisie',
    givenName: 'Maisie',
    familyName: 'Quillfeather',
    age: [14, 33],
    sex: 'female',
    school: 'Fernbridge Academy',
    address: { line1: 'Flat 6, Larkspur Court', postcode: 'ZX1 9LH', sinceDaysAgo: 300 },
    ethnicity: 'White British',
    firstLanguage: 'English',
    strengths: 'Thoughtful and caring; a talented singer; asks for help from her form tutor.',
    interests: 'Singing in the school choir, make-up tutorials, her dog Biscuit.',
    lead: 'bea',
    coWorker: 'leo',
  },
  {
    key: 'tyrese',
    givenName: 'Tyrese',
    familyName: 'Ambleworth',
    age: [16, 120],
    sex: 'male',
    school: 'Fernbridge College (motor vehicle course)',
    address: { line1: 'Heronsgate House, 2 Mill Lane', postcode: 'ZX3 2NL', sinceDaysAgo: 210 },
    ethnicity: 'Black British (Caribbean)',
    firstLanguage: 'English',
    careStatus: 'looked_after',
    strengths: 'Practical and patient; takes pride in fixing bikes; protective of younger residents.',
    interests: 'Cars and engines, boxing at the community gym, cooking.',
    lead: 'alex',
    coWorker: 'kemi',
    involved: ['dan'],
    status: {
      status: 'looked_after',
      daysAgo: 210,
      reason: 'Accommodated under section 20 with his mother’s agreement.',
    },
  },
  {
    key: 'ellie',
    givenName: 'Ellie-Mae',
    familyName: 'Corrowby',
    age: [13, 160],
    sex: 'female',
    school: 'Fernbridge Academy',
    address: { line1: '27 Bramblewick Road', postcode: 'ZX2 3BR', sinceDaysAgo: 2000 },
    ethnicity: 'White British',
    firstLanguage: 'English',
    strengths: 'Creative and determined; a loving big sister; enjoys helping in the school library.',
    interests: 'Writing stories, gymnastics, animal videos.',
    lead: 'bea',
    coWorker: 'nia',
  },
  {
    key: 'finn',
    givenName: 'Finn',
    familyName: 'Marrowfield',
    age: [15, 12],
    sex: 'male',
    school: 'Fernbridge Academy',
    address: { line1: '8 Sallowmere Close', postcode: 'ZX1 6SF', sinceDaysAgo: 700 },
    ethnicity: 'White Irish',
    firstLanguage: 'English',
    strengths: 'Good with his hands; loyal friend; keeps his room tidy and helps his mum with shopping.',
    interests: 'Fishing, gaming, rugby.',
  },
  {
    key: 'amira',
    givenName: 'Amira',
    familyName: 'Stellbrook',
    age: [14, 280],
    sex: 'female',
    school: 'Fernbridge Academy',
    address: { line1: '41 Foxglove Terrace', postcode: 'ZX2 5FT', sinceDaysAgo: 1200 },
    firstLanguage: 'English and Arabic',
    strengths: 'Hard-working; speaks two languages; a good listener to her friends.',
    interests: 'Netball, drawing henna designs, science club.',
  },
  {
    key: 'callum',
    givenName: 'Callum',
    familyName: 'Drayfield',
    age: [16, 250],
    sex: 'male',
    school: 'Fernbridge College (catering course)',
    address: { line1: '5 Wheelwright Yard', postcode: 'ZX3 8WY', sinceDaysAgo: 500 },
    ethnicity: 'White British',
    firstLanguage: 'English',
    strengths: 'A talented cook; calm with younger children; turns up to college every day.',
    interests: 'Cooking, skateboarding, drum and bass music.',
    lead: 'bea',
    coWorker: 'kemi',
    status: {
      status: 'early_help',
      daysAgo: 90,
      reason: 'Early Help plan agreed with Callum and his dad after his college raised concerns.',
    },
  },
];

/** The exploitation flags, against the policy definition, with a rationale for suspected or known. */
export const DEMO_FLAGS = {
  kayla: {
    kind: 'sexual',
    powerImbalance:
      'Adults in their late twenties with a car, money and somewhere to take her; Kayla is 15 and has been told she owes them.',
    exchange: {
      what: 'Adults give her lifts, vapes, alcohol and a place to stay, and then sexually abuse her.',
      gainedBy: ['perpetrator', 'facilitator'],
    },
    ageUnder18: true,
    setting: 'both',
    harmStatus: 'known',
    harmRationale:
      'Sexual health and police information together show that Kayla has been sexually abused by an adult at a hotel: she is being harmed now.',
  },
  jayden: {
    kind: 'criminal',
    powerImbalance:
      'Older young men and an adult who supply him with a phone and money, and threaten him over a debt.',
    exchange: {
      what: 'Adults give him money, trainers and a phone and make him carry and hold drugs for them.',
      gainedBy: ['perpetrator'],
    },
    ageUnder18: true,
    setting: 'offline',
    harmStatus: 'suspected',
    harmRationale:
      'Found with cash and two phones after going missing; a "debt" is mentioned by his friends. Not yet confirmed.',
  },
  tyrese: {
    kind: 'criminal',
    powerImbalance: 'An adult known locally gives him lifts and money and has threatened his younger cousin.',
    exchange: {
      what: 'An adult gives him cash and promises of protection and makes him deliver packages.',
      gainedBy: ['perpetrator'],
    },
    ageUnder18: true,
    setting: 'offline',
    harmStatus: 'known',
    harmRationale:
      'Tyrese was arrested in possession of drugs he was made to carry; the National Referral Mechanism decision is pending.',
  },
  maisie: {
    kind: 'sexual',
    powerImbalance: 'Adults at the takeaway give her free food and vapes and ask for photographs.',
    exchange: {
      what: 'Adults give her free food, vapes and attention and ask her for images.',
      gainedBy: ['perpetrator'],
    },
    ageUnder18: true,
    setting: 'both',
    harmStatus: 'suspected',
    harmRationale:
      'Seen repeatedly at the takeaway after closing time with adults; messages requesting images reported by a friend.',
  },
} as const;

export type ChildIds = Record<string, string>;

/** Creates the children's records, allocates their workers, sets statuses and flags. */
export async function createChildren(as: Cast): Promise<ChildIds> {
  const ids: ChildIds = {};
  const bea = await as(WHO.bea);
  const jordan = await as(WHO.jordan);
  for (const c of DEMO_CHILDREN) {
    const input = CreateChildBody.parse({
      givenName: c.givenName,
      familyName: c.familyName,
      knownAs: c.knownAs ?? [],
      dateOfBirth: when.born(c.age[0], c.age[1]),
      sex: c.sex,
      school: c.school,
      ethnicity: c.ethnicity ?? null,
      firstLanguage: c.firstLanguage ?? null,
      careStatus: c.careStatus ?? 'not_looked_after',
      strengths: c.strengths,
      interests: c.interests,
      address: {
        line1: c.address.line1,
        town: 'Fernbridge',
        postcode: c.address.postcode,
        fromDate: when.day(c.address.sinceDaysAgo),
      },
    });
    const id = await createChild(bea, input);
    ids[c.key] = id;
    if (c.lead) await allocate(jordan, id, { userId: (await as(WHO[c.lead])).user.id, kind: 'lead_worker' });
    if (c.coWorker)
      await allocate(jordan, id, {
        userId: (await as(WHO[c.coWorker])).user.id,
        kind: 'co_worker',
        roleTitle: 'Specialist co-worker',
      });
    for (const who of c.involved ?? [])
      await allocate(jordan, id, { userId: (await as(WHO[who])).user.id, kind: 'involved_professional' });
    if (c.status)
      await setStatutoryStatus(jordan, id, {
        status: c.status.status,
        startedOn: when.day(c.status.daysAgo),
        reason: c.status.reason,
      });
  }
  const alex = await as(WHO.alex);
  for (const [key, flag] of Object.entries(DEMO_FLAGS)) {
    const lead = DEMO_CHILDREN.find((c) => c.key === key)?.lead ?? 'alex';
    const by = lead === 'alex' ? alex : await as(WHO[lead]);
    await setFlag(by, ids[key] as string, {
      ...flag,
      exchange: { ...flag.exchange, gainedBy: [...flag.exchange.gainedBy] },
    });
  }
  return ids;
}
