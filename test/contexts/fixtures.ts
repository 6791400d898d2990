/** Builders for the contexts and disruption tests. People, places and numbers are fictional. */
import { childBody, createChild, daysAgo } from '../children/fixtures.ts';
import type { Client, Harness, TestUser } from '../support/harness.ts';

export { daysAgo };
export const yearsAgo = (years: number, days = 0) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

export interface Cast {
  intel: TestUser;
  csc: TestUser;
  cscManager: TestUser;
  police: TestUser;
  youth: TestUser;
  referrer: TestUser;
  intelC: Client;
  cscC: Client;
  managerC: Client;
  policeC: Client;
  youthC: Client;
  referrerC: Client;
}

/** An intelligence officer, a front-door practitioner and manager, a police practitioner, a youth worker, a referrer. */
export async function cast(h: Harness): Promise<Cast> {
  const intel = await h.user(['intelligence_officer'], 'police', { name: 'Dana Crowther' });
  const csc = await h.user(['practitioner'], 'childrens_social_care', { name: 'Priya Fernside' });
  const cscManager = await h.user(['manager'], 'childrens_social_care', { name: 'Morgan Ashdown' });
  const police = await h.user(['practitioner'], 'police', { name: 'PC Robin Hale' });
  const youth = await h.user(['practitioner'], 'youth_justice', { name: 'Kit Farrow' });
  const referrer = await h.user(['referrer'], 'education', { name: 'Sam Whitlow' });
  return {
    intel,
    csc,
    cscManager,
    police,
    youth,
    referrer,
    intelC: await h.signedIn(intel),
    cscC: await h.signedIn(csc),
    managerC: await h.signedIn(cscManager),
    policeC: await h.signedIn(police),
    youthC: await h.signedIn(youth),
    referrerC: await h.signedIn(referrer),
  };
}

let childCounter = 0;
const GIVEN = ['Jayden', 'Amelia', 'Tyler', 'Keira', 'Reece', 'Skye', 'Callum', 'Demi', 'Owen', 'Leah'];
const FAMILY = ['Marlow', 'Thornbury', 'Ashcombe', 'Pennick', 'Raddle', 'Wenlow', 'Corrick', 'Hadley'];

/** A new child's record, made by a front-door practitioner; distinct names so no match blocks it. */
export async function newChild(c: Client, overrides: Record<string, unknown> = {}) {
  const n = childCounter++;
  const child = await createChild(
    c,
    childBody({
      givenName: `${GIVEN[n % GIVEN.length]}${String.fromCharCode(97 + (n % 26))}`,
      familyName: `${FAMILY[n % FAMILY.length]}-${n}`,
      knownAs: [],
      dateOfBirth: yearsAgo(14, n),
      address: undefined,
      ...overrides,
    }),
  );
  return child.id;
}

export function personBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'person_of_concern',
    sensitivity: 'standard',
    name: 'Tyrell Vance',
    aliases: ['Tee'],
    phones: ['07700 900123'],
    ...overrides,
  };
}

export function placeBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'place',
    sensitivity: 'standard',
    placeKind: 'takeaway',
    name: 'Kestrel Fried Chicken',
    addressLines: ['14 Wharf Street', 'Fernbridge'],
    postcode: 'ZX1 4AB',
    ...overrides,
  };
}

/** A link from a child (or context) to a context, sourced and graded. */
export function linkBody(
  from: { kind: string; id: string },
  to: { kind: string; id: string },
  source: { agencyId: string; authorId: string },
  overrides: Record<string, unknown> = {},
) {
  return {
    from,
    to,
    nature: from.kind === 'child' ? (to.kind === 'place' ? 'frequents' : 'seen_with') : 'seen_at',
    firstSeen: daysAgo(20),
    lastSeen: daysAgo(10),
    source: { agencyId: source.agencyId, authorId: source.authorId },
    grading: { source: '1', intelligence: 'A', handling: 'P' },
    sensitivity: 'standard',
    ...overrides,
  };
}

type Created = { context: { id: string }; link: { id: string } };

export async function created(res: { status: number; text: string; json: unknown }, what: string) {
  if (res.status !== 201) throw new Error(`${what} failed: ${res.status} ${res.text}`);
  return res.json as Created;
}

/** Creates a context as `c` and returns its id. */
export async function newContext(c: Client, body: Record<string, unknown>) {
  const json = await created(await c.post('/api/contexts', body), 'context');
  return json.context.id as string;
}

/** Creates a link as `c` and returns its id. */
export async function newLink(c: Client, body: Record<string, unknown>) {
  const json = await created(await c.post('/api/links', body), 'link');
  return json.link.id as string;
}

export const CONTEXT_TABLES = [
  'contexts',
  'context_identifiers',
  'context_links',
  'context_merges',
  'context_actions',
  'disruptions',
  'disruption_children',
  'disruption_breaches',
];

/** Row counts of every table this capability writes, to prove a refused request changed nothing. */
export async function counts(h: Harness): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of CONTEXT_TABLES) {
    const row = await h.db
      .selectFrom(t as 'contexts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(row.n);
  }
  return out;
}
