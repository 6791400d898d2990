import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness } from '../support/harness.ts';
import {
  childBody,
  createChild,
  daysAgo,
  daysAhead,
  type People,
  people,
  referAndLink,
  snapshot,
} from './fixtures.ts';

describe(`the child's record (${describeDatabase()})`, () => {
  let h: Harness;
  let p: People;
  let csc: Client;
  let manager: Client;
  let health: Client;
  let childId: string;

  beforeAll(async () => {
    h = await Harness.start();
    p = await people(h);
    csc = await h.signedIn(p.csc);
    manager = await h.signedIn(p.cscManager);
    health = await h.signedIn(p.health);
    const child = await createChild(
      csc,
      childBody({
        givenName: 'Freya',
        familyName: 'Lindqvist',
        knownAs: ['Fi'],
        firstLanguage: 'Swedish',
        interpreterNeeded: true,
        careStatus: 'looked_after',
        strengths: 'Brilliant at football; kind to younger children.',
        interests: 'Drawing, the Fernbridge Rovers girls’ team',
      }),
    );
    childId = child.id;
  });
  afterAll(() => h.close());

  it('reads the record with strengths, roles (child first) and what the viewer may do; the read is audited', async () => {
    const res = await csc.get(`/api/children/${childId}`);
    expect(res.status).toBe(200);
    const c = res.json.child;
    expect(c.strengths).toMatch(/football/);
    expect(c.roles[0].role).toBe('child');
    expect(c.permissions.update).toBe(true);
    expect(c.permissions.merge).toBe(false);
    const reads = await h.db
      .selectFrom('audit_log')
      .select('fields')
      .where('action', '=', 'child.read')
      .where('child_id', '=', childId)
      .execute();
    expect(reads.length).toBeGreaterThan(0);
  });

  it('keeps the safeguarding side first when the same child also harms another child', async () => {
    const res = await csc.post(`/api/children/${childId}/roles`, {
      role: 'person_of_concern',
      note: 'Made to introduce a younger child to the adults harming her.',
    });
    expect(res.status).toBe(201);
    expect(res.json.child.roles.map((r: { role: string }) => r.role)).toEqual(['child', 'person_of_concern']);
    const childRole = await csc.post(`/api/children/${childId}/roles`, { role: 'child' });
    expect(childRole.status).toBe(400);
  });

  it('refuses a date of birth in the future, naming the field, and saves nothing', async () => {
    const before = await snapshot(h);
    const res = await csc.post(
      '/api/children',
      childBody({ givenName: 'Nova', familyName: 'Pike', dateOfBirth: daysAhead(10) }),
    );
    expect(res.status).toBe(400);
    expect(res.json.error.fields[0].path).toBe('dateOfBirth');
    expect(res.json.error.message).toMatch(/future/);
    const patch = await csc.patch(`/api/children/${childId}`, { dateOfBirth: daysAhead(1) });
    expect(patch.status).toBe(400);
    expect(await snapshot(h)).toEqual(before);
  });

  it('changes details and keeps address history', async () => {
    const res = await csc.patch(`/api/children/${childId}`, {
      school: 'Fernbridge College',
      religion: 'Lutheran',
    });
    expect(res.status).toBe(200);
    expect(res.json.child.school).toBe('Fernbridge College');
    const moved = await csc.post(`/api/children/${childId}/addresses`, {
      line1: 'Willow House children’s home',
      town: 'Fernbridge',
      postcode: 'FB7 1CC',
      fromDate: daysAgo(5),
    });
    expect(moved.status).toBe(201);
    expect(moved.json.child.addresses).toHaveLength(2);
    expect(moved.json.child.addresses.filter((a: { current: boolean }) => a.current)).toHaveLength(1);
  });

  it('changes a date of birth to an estimated age, and back; not both at once', async () => {
    const both = await csc.patch(`/api/children/${childId}`, { dateOfBirth: '2010-01-01', estimatedAge: 14 });
    expect(both.status).toBe(400);
    expect(both.json.error.fields[0].path).toBe('estimatedAge');
    const estimated = await csc.patch(`/api/children/${childId}`, { estimatedAge: 14 });
    expect(estimated.status, estimated.text).toBe(200);
    expect(estimated.json.child.dateOfBirthEstimated).toBe(true);
    expect(estimated.json.child.age).toBe(14);
    const known = await csc.patch(`/api/children/${childId}`, {
      dateOfBirth: '2011-04-09',
      dateOfBirthEstimated: false,
    });
    expect(known.status).toBe(200);
    expect(known.json.child.dateOfBirth).toBe('2011-04-09');
    expect(known.json.child.dateOfBirthEstimated).toBe(false);
  });

  it('records statutory status history', async () => {
    const started = await csc.post(`/api/children/${childId}/statutory-statuses`, {
      status: 'looked_after',
      startedOn: daysAgo(20),
      reason: 'Section 20 accommodation agreed.',
    });
    expect(started.status).toBe(201);
    const s = started.json.child.statutoryStatus.current[0];
    expect(s.status).toBe('looked_after');
    const ended = await csc.post(`/api/children/${childId}/statutory-statuses/${s.id}/end`, {
      endedOn: daysAgo(1),
      reason: 'Returned home.',
    });
    expect(ended.status).toBe(200);
    expect(ended.json.child.statutoryStatus.current).toEqual([]);
    expect(ended.json.child.statutoryStatus.history[0].endedOn).toBe(daysAgo(1));
  });

  it('allocates a lead worker and a co-worker; allocation opens the record to them and fills My work', async () => {
    expect((await health.get(`/api/children/${childId}`)).status).toBe(404);
    const byPractitioner = await csc.post(`/api/children/${childId}/professionals`, {
      userId: p.health.id,
      kind: 'co_worker',
    });
    expect(byPractitioner.status).toBe(403);
    const lead = await manager.post(`/api/children/${childId}/professionals`, {
      userId: p.csc.id,
      kind: 'lead_worker',
    });
    expect(lead.status, lead.text).toBe(201);
    const co = await manager.post(`/api/children/${childId}/professionals`, {
      userId: p.health.id,
      kind: 'co_worker',
      roleTitle: 'Specialist nurse',
    });
    expect(co.status).toBe(201);
    expect(co.json.child.leadWorker.user.id).toBe(p.csc.id);
    expect(co.json.child.coWorker.user.id).toBe(p.health.id);
    expect((await health.get(`/api/children/${childId}`)).status).toBe(200);
    const work = await health.get('/api/my-work');
    expect(work.json.children.map((c: { id: string }) => c.id)).toContain(childId);
    const referrer = await h.user(['referrer'], 'education');
    const bad = await manager.post(`/api/children/${childId}/professionals`, {
      userId: referrer.id,
      kind: 'involved_professional',
    });
    expect(bad.status).toBe(400);
  });

  it('search finds by known-as name, only for those who may search', async () => {
    const res = await csc.get('/api/children?q=Fi Lindqvist');
    expect(res.status).toBe(200);
    expect(res.json.children.map((c: { id: string }) => c.id)).toContain(childId);
    expect((await csc.get('/api/children?q=a')).status).toBe(400);
  });

  it('the chronology shows provenance and verification; unverified stays marked until someone verifies it', async () => {
    const before = await snapshot(h);
    const future = await csc.post(`/api/children/${childId}/chronology`, {
      occurredAt: new Date(Date.now() + 3_600_000).toISOString(),
      title: 'x',
      summary: 'x',
      source: 'x',
    });
    expect(future.status).toBe(400);
    expect(future.json.error.fields[0].path).toBe('occurredAt');
    expect(await snapshot(h)).toEqual(before);

    const added = await csc.post(`/api/children/${childId}/chronology`, {
      occurredAt: `${daysAgo(4)}T21:00:00Z`,
      title: 'Reported to be using cannabis',
      summary: 'Her aunt said Freya is using cannabis.',
      source: 'Told by the child’s aunt, by phone',
    });
    expect(added.status).toBe(201);
    const list = await csc.get(`/api/children/${childId}/chronology?verification=unverified`);
    const entry = list.json.entries.find((e: { id: string }) => e.id === added.json.id);
    expect(entry).toMatchObject({
      verification: 'unverified',
      verificationName: 'Unverified',
      source: 'Told by the child’s aunt, by phone',
      sensitivity: 'standard',
    });
    expect(entry.author.name).toBe('Priya Fernside');
    expect(entry.sourceAgency.id).toBe(p.csc.agencyId);
    expect(new Date(entry.recordedAt).getTime()).toBeGreaterThan(new Date(entry.occurredAt).getTime());

    const disputed = await csc.post(`/api/children/${childId}/chronology/${added.json.id}/verification`, {
      verification: 'disputed',
      reason: 'Freya and her carer say this is not true.',
    });
    expect(disputed.status).toBe(204);
    const after = await csc.get(`/api/children/${childId}/chronology?verification=disputed`);
    const changed = after.json.entries.find((e: { id: string }) => e.id === added.json.id);
    expect(changed.lastVerificationChange.reason).toMatch(/not true/);
    const noReason = await csc.post(`/api/children/${childId}/chronology/${added.json.id}/verification`, {
      verification: 'verified',
    });
    expect(noReason.status).toBe(400);
  });

  it('tasks from a decision appear in My work and can be completed only by their assignee', async () => {
    const school = await h.signedIn(p.school);
    const { referralId } = await referAndLink(school, csc, {
      child: { givenName: 'Rowan', familyName: 'Eastcote', dateOfBirth: '2013-03-03' },
    });
    await csc.post(`/api/referrals/${referralId}/decision`, {
      decision: 'childrens_services_assessment',
      reasons: 'Needs assessment.',
      feedbackToReferrer: 'A social worker will assess.',
    });
    const work = await csc.get('/api/my-work');
    const task = work.json.tasks.find((t: { referralId: string }) => t.referralId === referralId);
    expect(task.overdue).toBe(false);
    expect(task.child.name).toBe('Rowan Eastcote');
    expect((await manager.post(`/api/tasks/${task.id}/complete`)).status).toBe(404);
    expect((await csc.post(`/api/tasks/${task.id}/complete`)).status).toBe(204);
    expect((await csc.post(`/api/tasks/${task.id}/complete`)).status).toBe(409);
  });
});
