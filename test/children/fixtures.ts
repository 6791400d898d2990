/** Shared builders for the children and referrals tests. People and places are fictional (Fernbridge). */
import type { Client, Harness, TestUser } from '../support/harness.ts';

export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
export const daysAhead = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export function referralBody(overrides: Record<string, unknown> = {}) {
  return {
    immediateDanger: false,
    child: {
      givenName: 'Amelia',
      familyName: 'Thornbury',
      dateOfBirth: '2011-05-14',
      school: 'Fernbridge Academy',
    },
    narrative:
      'Amelia was seen getting into a car with two adult men outside Fernbridge Academy after school.',
    seenOrHeardBy: 'Head of year, Fernbridge Academy',
    happenedOn: daysAgo(1),
    harmKinds: ['sexual'],
    onlineElement: 'not_known',
    childKnows: true,
    familyKnows: true,
    ...overrides,
  };
}

export function childBody(overrides: Record<string, unknown> = {}) {
  return {
    givenName: 'Jayden',
    familyName: 'Marlow',
    knownAs: ['Jay'],
    dateOfBirth: '2010-09-03',
    sex: 'male',
    school: 'Fernbridge Academy',
    address: { line1: '12 Kestrel Row', town: 'Fernbridge', postcode: 'FB1 2AA' },
    ...overrides,
  };
}

export interface People {
  csc: TestUser;
  cscManager: TestUser;
  police: TestUser;
  intel: TestUser;
  school: TestUser;
  health: TestUser;
  housing: TestUser;
}

/** One of each kind of person the access tests need. */
export async function people(h: Harness): Promise<People> {
  return {
    csc: await h.user(['practitioner'], 'childrens_social_care', { name: 'Priya Fernside' }),
    cscManager: await h.user(['manager'], 'childrens_social_care', { name: 'Morgan Ashdown' }),
    police: await h.user(['practitioner'], 'police', { name: 'PC Robin Hale' }),
    intel: await h.user(['intelligence_officer'], 'police', { name: 'Dana Crowther' }),
    school: await h.user(['referrer'], 'education', { name: 'Sam Whitlow' }),
    health: await h.user(['practitioner'], 'health', { name: 'Nurse Lee Penrose' }),
    housing: await h.user(['practitioner'], 'housing', { name: 'Alex Brook' }),
  };
}

/** Creates a child as a front-door practitioner, confirming any proposed matches are different children. */
export async function createChild(c: Client, body: Record<string, unknown> = childBody()) {
  let res = await c.post('/api/children', body);
  if (res.status === 409) {
    const ids = (res.json.error.fields[0].message as string).split(': ')[1]?.split(', ') ?? [];
    res = await c.post('/api/children', { ...body, notAMatchOf: ids });
  }
  if (res.status !== 201) throw new Error(`create child failed: ${res.status} ${res.text}`);
  return res.json.child as { id: string; [k: string]: unknown };
}

/** A referral made by `referrer`, linked by `screener` to a new record; returns both ids. */
export async function referAndLink(
  referrer: Client,
  screener: Client,
  overrides: Record<string, unknown> = {},
) {
  const made = await referrer.post('/api/referrals', referralBody(overrides));
  if (made.status !== 201) throw new Error(`referral failed: ${made.status} ${made.text}`);
  const id = made.json.referral.id as string;
  let linked = await screener.post(`/api/referrals/${id}/child`, { create: {} });
  if (linked.status === 409) {
    const ids = (linked.json.error.fields[0].message as string).split(': ')[1]?.split(', ') ?? [];
    linked = await screener.post(`/api/referrals/${id}/child`, { create: { notAMatchOf: ids } });
  }
  if (linked.status !== 200) throw new Error(`link failed: ${linked.status} ${linked.text}`);
  return { referralId: id, childId: linked.json.referral.child.id as string };
}

export async function count(h: Harness, table: string): Promise<number> {
  const row = await h.db
    .selectFrom(table as 'people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Row counts of every table this capability writes, to prove a refused request changed nothing. */
export async function snapshot(h: Harness) {
  const tables = [
    'people',
    'person_roles',
    'person_addresses',
    'statutory_statuses',
    'child_professionals',
    'referrals',
    'referral_decisions',
    'observations',
    'tasks',
    'chronology_entries',
    'chronology_verifications',
    'notes',
    'note_versions',
    'exploitation_flags',
    'harm_status_history',
    'case_closures',
    'child_merges',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = await count(h, t);
  return out;
}
