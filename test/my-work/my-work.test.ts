/**
 * My work, against the real server: each section lists what belongs to the signed-in person, and
 * nothing to someone unrelated. People, places and children are fictional (Fernbridge).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeRaf, rafDraft } from '../assessment/helpers.ts';
import { childBody, createChild, daysAgo } from '../children/fixtures.ts';
import { newContext, personBody, yearsAgo } from '../contexts/fixtures.ts';
import { type Json, maceMeeting, world as meetingWorld, moveIntoPast } from '../mace/fixtures.ts';
import { episodeBody, hoursAgo } from '../missing/fixtures.ts';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness, type TestUser } from '../support/harness.ts';

const daysAhead = (n: number) => daysAgo(-n);
const ids = (list: { child?: { id: string }; id?: string; episodeId?: string }[]) =>
  list.map((x) => x.episodeId ?? x.child?.id ?? x.id);

describe(`My work: re-analyses, disruption, meetings and return interviews (${describeDatabase()})`, () => {
  let h: Harness;
  let worker: TestUser;
  let manager: TestUser;
  let workerC: Client;
  let managerC: Client;
  let intelC: Client;
  let strangerC: Client;
  let otherManagerC: Client;
  let kai: string;
  let episodeId: string;

  const myWork = async (c: Client) => {
    const res = await c.get('/api/my-work');
    expect(res.status, res.text).toBe(200);
    return res.json as Json;
  };

  beforeAll(async () => {
    h = await Harness.start();
    const agencyId = await h.agency('childrens_social_care');
    const team = await h.team(agencyId, 'Child Exploitation Team');
    const otherTeam = await h.team(agencyId, 'Early Help Team');
    worker = await h.user(['practitioner'], 'childrens_social_care', { name: 'Rowan Lake', teamIds: [team] });
    manager = await h.user(['manager'], 'childrens_social_care', { name: 'Casey Moor', teamIds: [team] });
    const otherManager = await h.user(['manager'], 'childrens_social_care', {
      name: 'Ellis Tarn',
      teamIds: [otherTeam],
    });
    const intel = await h.user(['intelligence_officer'], 'police', { name: 'Dana Crowther' });
    const stranger = await h.user(['practitioner'], 'health', { name: 'Jo Strand' });
    workerC = await h.signedIn(worker);
    managerC = await h.signedIn(manager);
    otherManagerC = await h.signedIn(otherManager);
    intelC = await h.signedIn(intel);
    strangerC = await h.signedIn(stranger);

    kai = (await createChild(workerC, childBody({ givenName: 'Kai', familyName: 'Underwood', knownAs: [] })))
      .id;
    const allocated = await managerC.post(`/api/children/${kai}/professionals`, {
      userId: worker.id,
      kind: 'lead_worker',
    });
    expect(allocated.status, allocated.text).toBe(201);
  }, 180_000);
  afterAll(() => h?.close());

  it('starts empty for everyone, with every section present', async () => {
    for (const c of [workerC, strangerC]) {
      const work = await myWork(c);
      expect(work.reanalyses).toEqual({ managesTeams: false, mine: [], team: [] });
      expect(work.disruption.expiring).toEqual([]);
      expect(work.disruption.breachesAwaitingResponse).toEqual([]);
      expect(work.meetings).toEqual({ invited: [], actions: [] });
      expect(work.returnInterviews).toEqual([]);
    }
    expect((await myWork(managerC)).reanalyses.managesTeams).toBe(true);
  });

  it('lists an overdue return interview for the lead worker only', async () => {
    const res = await workerC.post(
      '/api/missing/episodes',
      episodeBody(kai, {
        reportedAt: hoursAgo(100),
        lastSeenAt: hoursAgo(101),
        returned: { at: hoursAgo(90), how: 'found_by_police', whoWith: [] },
      }),
    );
    expect(res.status, res.text).toBe(201);
    episodeId = res.json.episode.id;
    const work = await myWork(workerC);
    expect(work.returnInterviews).toHaveLength(1);
    expect(work.returnInterviews[0]).toMatchObject({
      episodeId,
      child: { id: kai, name: 'Kai Underwood' },
      state: 'overdue',
    });
    expect(new Date(work.returnInterviews[0].dueAt).getTime()).toBeLessThan(Date.now());
    // The manager does not carry Kai, and the health practitioner has nothing to do with him.
    expect((await myWork(managerC)).returnInterviews).toEqual([]);
    expect((await myWork(strangerC)).returnInterviews).toEqual([]);

    // Once an interview is offered it leaves the list.
    const offered = await workerC.post('/api/missing/interviews', {
      episodeId,
      status: 'offered',
      offer: {
        offeredAt: hoursAgo(1),
        offeredBy: { name: 'Jess Whitcombe', role: 'Return interview worker' },
      },
    });
    expect(offered.status, offered.text).toBe(201);
    expect((await myWork(workerC)).returnInterviews).toEqual([]);
  });

  it('lists a return interview still in time as due, not overdue', async () => {
    const res = await workerC.post(
      '/api/missing/episodes',
      episodeBody(kai, {
        reportedAt: hoursAgo(10),
        lastSeenAt: hoursAgo(11),
        returned: { at: hoursAgo(5), how: 'came_back_themselves', whoWith: [] },
      }),
    );
    expect(res.status, res.text).toBe(201);
    const work = await myWork(workerC);
    expect(work.returnInterviews.map((r: Json) => [r.episodeId, r.state])).toEqual([
      [res.json.episode.id, 'due'],
    ]);
  });

  it('lists re-analyses due for the lead worker, and overdue ones for their team manager only', async () => {
    const entry = await workerC.post(`/api/children/${kai}/chronology`, {
      occurredAt: `${daysAgo(70)}T09:00:00Z`,
      title: 'Seen getting into a grey car near school',
      summary: 'A teacher saw him get into a grey hatchback driven by an adult man.',
      source: 'Head of year, Fernbridge Academy',
      verification: 'unverified',
    });
    expect(entry.status, entry.text).toBe(201);
    const rafId = await completeRaf(workerC, kai, rafDraft(entry.json.id));
    // The analysis was done two months ago: its review date has passed.
    // A completed analysis is kept as it was (a trigger refuses changes), so the test steps around it.
    await h.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      await trx
        .updateTable('assessments')
        .set({ completed_at: new Date(Date.now() - 60 * 86_400_000) })
        .where('id', '=', rafId)
        .execute();
    });

    const mine = (await myWork(workerC)).reanalyses;
    expect(ids(mine.mine)).toEqual([kai]);
    expect(mine.mine[0]).toMatchObject({ child: { name: 'Kai Underwood' }, overdue: true });
    expect(mine.mine[0].reasons.length).toBeGreaterThan(0);
    expect(mine.team).toEqual([]);

    const managed = (await myWork(managerC)).reanalyses;
    expect(managed.mine).toEqual([]);
    expect(ids(managed.team)).toEqual([kai]);
    // A manager of another team, and someone from another agency, see nothing.
    expect((await myWork(otherManagerC)).reanalyses).toMatchObject({ mine: [], team: [] });
    expect((await myWork(strangerC)).reanalyses).toMatchObject({ mine: [], team: [] });
  });

  it('lists disruption expiring soon for its owner and the lead worker of the child it protects', async () => {
    const adult = await newContext(intelC, personBody({ dateOfBirth: yearsAgo(31) }));
    const res = await intelC.post('/api/disruptions', {
      measure: 'shpo',
      targetId: adult,
      protectedChildIds: [kai],
      applicant: 'police',
      status: 'issued',
      requestedOn: daysAgo(60),
      issuedOn: daysAgo(30),
      expiresOn: daysAhead(10),
      conditions: ['Not to contact the named child by any means'],
      sensitivity: 'standard',
      facts: {
        subject: { offences: [{ category: 'sexual', outcome: 'conviction' }] },
        judgements: { necessaryToProtect: true },
      },
    });
    expect(res.status, res.text).toBe(201);
    const id = res.json.disruption.id;

    const owner = (await myWork(intelC)).disruption;
    expect(ids(owner.expiring)).toEqual([id]);
    expect(owner.expiring[0]).toMatchObject({ daysLeft: 10, overdue: false, why: ['You own it'] });
    const lead = (await myWork(workerC)).disruption;
    expect(ids(lead.expiring)).toEqual([id]);
    expect(lead.expiring[0].why).toEqual(['You work with Kai Underwood, whom it protects']);
    expect(lead.expiring[0].target).toEqual({ id: adult, name: 'Tyrell Vance' });
    expect((await myWork(strangerC)).disruption.expiring).toEqual([]);
    expect((await myWork(managerC)).disruption.expiring).toEqual([]);

    // Against someone known only to police intelligence: the lead worker is told of the order protecting
    // the child they work with, but not who it is against.
    const covert = await newContext(
      intelC,
      personBody({
        name: 'Marcus Vane',
        aliases: [],
        phones: [],
        dateOfBirth: yearsAgo(40),
        sensitivity: 'police_intelligence',
      }),
    );
    const second = await intelC.post('/api/disruptions', {
      measure: 'shpo',
      targetId: covert,
      protectedChildIds: [kai],
      applicant: 'police',
      status: 'issued',
      requestedOn: daysAgo(60),
      issuedOn: daysAgo(30),
      expiresOn: daysAhead(5),
      conditions: ['Not to contact the named child by any means'],
      sensitivity: 'standard',
      facts: {
        subject: { offences: [{ category: 'sexual', outcome: 'conviction' }] },
        judgements: { necessaryToProtect: true },
      },
    });
    expect(second.status, second.text).toBe(201);
    const both = (await myWork(workerC)).disruption.expiring;
    expect(both.map((d: Json) => [d.id, d.target?.name ?? null])).toEqual([
      [second.json.disruption.id, null],
      [id, 'Tyrell Vance'],
    ]);
    expect(JSON.stringify(both)).not.toContain('Marcus Vane');
    expect((await myWork(intelC)).disruption.expiring.map((d: Json) => d.target?.name)).toEqual([
      'Marcus Vane',
      'Tyrell Vance',
    ]);
  });

  it('lists the meetings I am invited to and the actions I own, overdue first', async () => {
    const w = await meetingWorld(h);
    const m = maceMeeting(w);
    const created = await w.chair.post('/api/mace/meetings', m.body);
    expect(created.status, created.text).toBe(201);
    const meetingId = created.json.id;
    const saved = await w.chair.request('PUT', `/api/mace/meetings/${meetingId}`, {
      ...m.body,
      actions: [
        {
          itemId: m.items.tyler,
          title: 'Arrange a trusted adult for Tyler at school',
          owner: { name: w.schoolTeacher.name, personId: w.schoolTeacher.id },
          agencyId: w.schoolTeacher.agencyId,
          dueDate: daysAhead(5),
        },
      ],
    });
    expect(saved.status, saved.text).toBe(204);

    const teacher = await myWork(w.school);
    expect(teacher.meetings.invited.map((x: Json) => [x.id, x.type])).toEqual([[meetingId, 'mace']]);
    expect(teacher.meetings.actions).toHaveLength(1);
    expect(teacher.meetings.actions[0]).toMatchObject({
      title: 'Arrange a trusted adult for Tyler at school',
      overdue: false,
      meeting: { id: meetingId, name: 'MACE meeting, Fernbridge' },
    });
    expect((await myWork(strangerC)).meetings).toEqual({ invited: [], actions: [] });

    // Held and past its action's due date: the meeting leaves the list, the action shows as overdue.
    await moveIntoPast(h, meetingId, 20, 10);
    const later = await myWork(w.school);
    expect(later.meetings.invited).toEqual([]);
    expect(later.meetings.actions.map((a: Json) => [a.overdue, a.dueDate])).toEqual([[true, daysAgo(10)]]);
    expect((await myWork(strangerC)).meetings).toEqual({ invited: [], actions: [] });
  });
});
