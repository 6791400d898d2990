/** Builders for the meeting tests. People, places and children are fictional (Fernbridge). */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { type People, people } from '../children/fixtures.ts';
import { childWithLead } from '../missing/fixtures.ts';
import type { Client, Harness, TestUser } from '../support/harness.ts';

export const inDays = (n: number, hour = 10) => {
  const d = new Date(Date.now() + n * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};
export const dateIn = (n: number) => inDays(n).slice(0, 10);

export const RESTRICTED_INTEL =
  'Tyler was seen getting into a grey Audi registered to Marcus Vane at Gullet Lane';
export const RECORD_INTEL = 'Covert source reports Tyler holding a burner phone for the Kestrel line';
export const SHAREABLE = 'Agencies agreed Tyler needs a trusted adult at school and a safe route home.';

export interface World {
  p: People;
  chairUser: TestUser;
  schoolManager: TestUser;
  schoolTeacher: TestUser;
  chair: Client;
  csc: Client;
  school: Client;
  intel: Client;
  police: Client;
  tyler: string;
  ava: string;
  groupId: string;
  poc: { contextId: string; kind: 'person_of_concern'; label: string; sensitivity: 'standard' };
}

/** Everyone and everything the meeting tests share: a chair, agencies, two children, one person of concern. */
export async function world(h: Harness): Promise<World> {
  const p = await people(h);
  const chairUser = await h.user(['mace_chair'], 'childrens_social_care', { name: 'Sam Carter' });
  const schoolAgency = await h.agency('education', 'Fernbridge Academy');
  const team = await h.team(schoolAgency, 'Pastoral team');
  const schoolManager = await h.user(['manager'], 'education', {
    agencyName: 'Fernbridge Academy',
    teamIds: [team],
    name: 'Jo Pastoral',
  });
  const schoolTeacher = await h.user(['practitioner'], 'education', {
    agencyName: 'Fernbridge Academy',
    teamIds: [team],
    name: 'Ms Rowan Teach',
  });
  const chair = await h.signedIn(chairUser);
  const csc = await h.signedIn(p.csc);
  const manager = await h.signedIn(p.cscManager);
  const tyler = await childWithLead(csc, manager, p.csc, { givenName: 'Tyler', familyName: 'Brookfield' });
  const ava = await childWithLead(csc, manager, p.csc, { givenName: 'Ava', familyName: 'Linton' });
  // Ava is on a Child Protection plan; Tyler is on none.
  await h.db
    .insertInto('statutory_statuses')
    .values({
      child_id: ava,
      status: 'child_protection',
      started_on: '2026-01-05',
      reason: 'Conference decision',
      recorded_by: p.csc.id,
    })
    .execute();
  // Police intelligence already on Tyler's record: a shareable minute must not quote it.
  await h.db
    .insertInto('chronology_entries')
    .values({
      child_id: tyler,
      kind: 'event',
      title: 'Intelligence report',
      summary: RECORD_INTEL,
      source: 'Police intelligence',
      occurred_at: new Date(Date.now() - 5 * 86_400_000),
      author_user_id: p.intel.id,
      source_agency_id: p.intel.agencyId,
      verification: 'unverified',
      sensitivity: 'police_intelligence',
    })
    .execute();
  return {
    p,
    chairUser,
    schoolManager,
    schoolTeacher,
    chair,
    csc,
    school: await h.signedIn(schoolTeacher),
    intel: await h.signedIn(p.intel),
    police: await h.signedIn(p.police),
    tyler,
    ava,
    groupId: randomUUID(),
    poc: {
      contextId: randomUUID(),
      kind: 'person_of_concern',
      label: 'Person of concern A',
      sensitivity: 'standard',
    },
  };
}

export const invite = (u: TestUser, agencyType: string, agencyName: string) => ({
  id: randomUUID(),
  person: { name: u.name, personId: u.id, agencyId: u.agencyId },
  agencyId: u.agencyId,
  agencyType,
  agencyName,
});

/** A MACE meeting about Tyler and Ava, both linked to the same person of concern. */
export function maceMeeting(w: World, overrides: Record<string, unknown> = {}) {
  const items = { tyler: randomUUID(), ava: randomUUID() };
  const invitations = {
    school: invite(w.schoolTeacher, 'education', 'Fernbridge Academy'),
    intel: invite(w.p.intel, 'police', 'Fernbridge Police'),
    police: invite(w.p.police, 'police', 'Fernbridge Police'),
    csc: invite(w.p.csc, 'childrens_social_care', 'Fernbridge Children’s Services'),
  };
  const body = {
    title: 'MACE meeting, Fernbridge',
    type: 'mace',
    groupId: w.groupId,
    startsAt: inDays(3),
    endsAt: inDays(3, 12),
    agenda: [
      {
        id: items.tyler,
        kind: 'child',
        childId: w.tyler,
        heading: 'Tyler Brookfield',
        linkedContexts: [w.poc],
      },
      { id: items.ava, kind: 'child', childId: w.ava, heading: 'Ava Linton', linkedContexts: [w.poc] },
    ],
    invitations: Object.values(invitations),
    ...overrides,
  };
  return { body, items, invitations };
}

/** Moves a meeting (and its actions' due dates) into the past, as if it was held `days` ago. */
export async function moveIntoPast(h: Harness, meetingId: string, days: number, dueDaysAgo: number) {
  const row = await h.db
    .selectFrom('mace_meetings')
    .select('document')
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  const doc = (typeof row.document === 'string' ? JSON.parse(row.document) : row.document) as Json;
  const startsAt = new Date(Date.now() - days * 86_400_000);
  const endsAt = new Date(startsAt.getTime() + 2 * 3_600_000);
  doc.startsAt = startsAt.toISOString();
  doc.endsAt = endsAt.toISOString();
  const due = new Date(Date.now() - dueDaysAgo * 86_400_000).toISOString().slice(0, 10);
  doc.actions = (doc.actions ?? []).map((a: Record<string, unknown>) => ({ ...a, dueDate: due }));
  await sql`UPDATE mace_meetings SET starts_at = ${startsAt.toISOString()}::timestamptz, ends_at = ${endsAt.toISOString()}::timestamptz,
    document = ${JSON.stringify(doc)}::jsonb WHERE id = ${meetingId}`.execute(h.db);
}

/** JSON from the API, read by the assertions. */
// biome-ignore lint/suspicious/noExplicitAny: the assertions check its shape
export type Json = any;
