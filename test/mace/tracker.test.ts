import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSignedInUser, viewerOf } from '../../src/server/http/access.ts';
import { meetingWorkFor } from '../../src/server/mace/tracker.ts';
import { daysAgoAt, episodeBody } from '../missing/fixtures.ts';
import { describeDatabase } from '../support/database.ts';
import { Harness } from '../support/harness.ts';
import { dateIn, inDays, type Json, maceMeeting, moveIntoPast, type World, world } from './fixtures.ts';

describe(`meetings: action tracker, overdue escalation, triage list, participation (${describeDatabase()})`, () => {
  let h: Harness;
  let w: World;
  let meetingId: string;
  let actionId: string;
  let m: ReturnType<typeof maceMeeting>;

  beforeAll(async () => {
    h = await Harness.start();
    w = await world(h);
    m = maceMeeting(w);
    const created = await w.chair.post('/api/mace/meetings', m.body);
    expect(created.status, created.text).toBe(201);
    meetingId = created.json.id;
    const saved = await w.chair.request('PUT', `/api/mace/meetings/${meetingId}`, {
      ...m.body,
      actions: [
        {
          itemId: m.items.tyler,
          title: 'Arrange a trusted adult for Tyler at school',
          owner: { name: w.schoolTeacher.name, personId: w.schoolTeacher.id },
          agencyId: w.schoolTeacher.agencyId,
          dueDate: dateIn(5),
        },
        {
          itemId: m.items.ava,
          title: 'Share the safety plan with Ava’s carers',
          owner: { name: w.p.csc.name, personId: w.p.csc.id },
          agencyId: w.p.csc.agencyId,
          dueDate: dateIn(6),
        },
      ],
    });
    expect(saved.status, saved.text).toBe(204);
  });
  afterAll(() => h.close());

  it('lists every action in one tracker, filterable by agency, owner and child', async () => {
    const all = await w.chair.get('/api/mace/actions');
    expect(all.status, all.text).toBe(200);
    expect(all.json.actions).toHaveLength(2);
    const bySchool = await w.chair.get(`/api/mace/actions?agencyId=${w.schoolTeacher.agencyId}`);
    expect(bySchool.json.actions.map((a: Json) => a.title)).toEqual([
      'Arrange a trusted adult for Tyler at school',
    ]);
    actionId = bySchool.json.actions[0].id;
    const byOwner = await w.chair.get(`/api/mace/actions?ownerId=${w.p.csc.id}`);
    expect(byOwner.json.actions).toHaveLength(1);
    const byChild = await w.chair.get(`/api/mace/actions?childId=${w.ava}`);
    expect(byChild.json.actions.map((a: Json) => a.childId)).toEqual([w.ava]);
    // The teacher sees their own agency's actions only.
    const mine = await w.school.get('/api/mace/actions');
    expect(mine.json.actions.map((a: Json) => a.id)).toEqual([actionId]);
  });

  it('gives My work the actions I own and the meetings I am invited to', async () => {
    const user = await loadSignedInUser(h.db, w.schoolTeacher.id);
    if (!user) throw new Error('no user');
    const work = await meetingWorkFor(h.db, viewerOf(user));
    expect(work.actions.map((a) => a.id)).toEqual([actionId]);
    expect(work.actions[0]?.overdue).toBe(false);
    expect(work.meetings.map((x) => x.id)).toEqual([meetingId]);
  });

  it('escalates overdue actions to the chair and the owner’s manager, once', async () => {
    await moveIntoPast(h, meetingId, 20, 10);
    const overdue = await w.chair.get('/api/mace/actions?overdue=true');
    expect(overdue.json.actions).toHaveLength(2);
    expect(overdue.json.actions[0].daysOverdue).toBe(10);

    const res = await w.chair.post('/api/mace/escalations', {});
    expect(res.status, res.text).toBe(200);
    const forSchoolAction = res.json.raised.filter((r: Json) => r.actionId === actionId);
    expect(forSchoolAction.map((r: Json) => r.recipientId).sort()).toEqual(
      [w.chairUser.id, w.schoolManager.id].sort(),
    );
    const tasks = await h.db
      .selectFrom('tasks')
      .select(['assigned_to', 'title'])
      .where('kind', '=', 'mace_action_overdue')
      .execute();
    expect(tasks.some((t) => t.assigned_to === w.schoolManager.id && t.title.includes('trusted adult'))).toBe(
      true,
    );
    // The CSC owner has no manager in a team with them: the gap is said plainly.
    expect(res.json.escalations.find((e: Json) => e.actionId !== actionId).gaps[0]).toMatch(
      /No manager is recorded/,
    );

    const again = await w.chair.post('/api/mace/escalations', {});
    expect(again.json.raised).toHaveLength(0);
    const teacher = await w.school.post('/api/mace/escalations', {});
    expect(teacher.status).toBe(403);
  });

  it('counts an action carried over to a later meeting', async () => {
    const next = await w.chair.post(
      '/api/mace/meetings',
      maceMeeting(w, { startsAt: inDays(30), endsAt: inDays(30, 12) }).body,
    );
    expect(next.status, next.text).toBe(201);
    const res = await w.chair.post(`/api/mace/meetings/${meetingId}/carry-over`, {
      actionId,
      toMeetingId: next.json.id,
      newDueDate: dateIn(35),
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.carriedOver).toBe(1);
    const carried = await w.chair.get('/api/mace/actions?carriedOver=true');
    expect(carried.json.actions.map((a: Json) => [a.id, a.carriedOver, a.meetingId])).toEqual([
      [actionId, 1, next.json.id],
    ]);
  });

  it('builds the triage list from the records, with reasons, and records triage decisions', async () => {
    for (const days of [70, 40, 5]) {
      const ep = await w.police.post(
        '/api/missing/episodes',
        episodeBody(w.ava, { reportedAt: daysAgoAt(days), lastSeenAt: undefined }),
      );
      expect(ep.status, ep.text).toBe(201);
    }
    const res = await w.chair.get('/api/mace/triage');
    expect(res.status, res.text).toBe(200);
    const ava = res.json.children.find((c: Json) => c.subject.childId === w.ava);
    expect(ava.reasons.map((r: Json) => r.rule)).toContain('missing_episodes');
    expect(ava.reasons.find((r: Json) => r.rule === 'missing_episodes').message).toMatch(
      /Went missing 3 times in 90 days/,
    );
    // The action on Ava's item is still overdue; Tyler's was carried over with a new due date.
    expect(ava.reasons.map((r: Json) => r.rule)).toContain('overdue_actions');
    expect(res.json.children.find((c: Json) => c.subject.childId === w.tyler)).toBeUndefined();
    expect((await w.school.get('/api/mace/triage')).status).toBe(403);

    const noReason = await w.chair.post('/api/mace/triage/decisions', {
      subject: { kind: 'child', childId: w.ava },
      decision: 'no_further_mace_action',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.message).toMatch(/reasons are required/);
    const decided = await w.chair.post('/api/mace/triage/decisions', {
      subject: { kind: 'child', childId: w.ava },
      decision: 'discuss_at_mace',
      reasons: ['Three missing episodes in ten weeks'],
    });
    expect(decided.status, decided.text).toBe(201);
    // Ava is on a Child Protection plan: no referral task.
    expect(decided.json.referralTaskId).toBeNull();
  });

  it('records the young person’s participation in their own strategy meeting, and refuses bad records', async () => {
    const strategy = await w.chair.post('/api/mace/meetings', {
      title: 'Strategy meeting: Ava',
      type: 'strategy',
      groupId: w.ava,
      childId: w.ava,
      startsAt: inDays(2),
      endsAt: inDays(2, 11),
      agenda: [{ kind: 'child', childId: w.ava, heading: 'Ava Linton' }],
    });
    expect(strategy.status, strategy.text).toBe(201);
    const url = `/api/mace/meetings/${strategy.json.id}/participation`;
    const missingPart = await w.chair.post(url, {
      participant: { kind: 'young_person' },
      participation: 'attended_part',
    });
    expect(missingPart.status).toBe(400);
    expect(missingPart.json.error.message).toMatch(/partAttended is required/);
    const notInvited = await w.chair.post(url, {
      participant: { kind: 'young_person' },
      participation: 'not_invited',
    });
    expect(notInvited.status).toBe(400);
    expect(notInvited.json.error.message).toMatch(/notInvited.reason is required/);
    const ok = await w.chair.post(url, {
      participant: { kind: 'young_person' },
      participation: 'represented',
      representedBy: {
        name: 'Lee Advocate',
        relationshipOrRole: 'Independent advocate',
        chosenBy: 'young_person',
      },
      toldOutcome: { by: { name: 'Priya Fernside' }, at: inDays(2, 14), how: 'in_person' },
    });
    expect(ok.status, ok.text).toBe(201);
    const view = await w.chair.get(`/api/mace/meetings/${strategy.json.id}`);
    expect(view.json.participation).toHaveLength(1);
    expect(view.json.participation[0].representedBy.name).toBe('Lee Advocate');
    const onMace = await w.chair.post(`/api/mace/meetings/${meetingId}/participation`, {
      childId: w.tyler,
      participant: { kind: 'young_person' },
      participation: 'attended_all',
    });
    expect(onMace.status).toBe(400);
    expect(onMace.json.error.message).toMatch(/young person's own meetings/);
  });
});
