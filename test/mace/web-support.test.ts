/**
 * What the meeting pages need from the server: who may convene, prepare triage and escalate (decided
 * by the server, never copied into the web), the people who can be invited, the names of the form
 * choices, a default slot group when convening, and the triage decisions already recorded.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkBody, newContext, newLink, placeBody } from '../contexts/fixtures.ts';
import { describeDatabase } from '../support/database.ts';
import { Harness } from '../support/harness.ts';
import { inDays, invite, type Json, type World, world } from './fixtures.ts';

describe(`meetings: what the web pages are told (${describeDatabase()})`, () => {
  let h: Harness;
  let w: World;

  beforeAll(async () => {
    h = await Harness.start();
    w = await world(h);
  });
  afterAll(() => h.close());

  it('tells each person what they may do with meetings', async () => {
    const chair = await w.chair.get('/api/mace/meetings');
    expect(chair.status, chair.text).toBe(200);
    expect(chair.json.permissions).toEqual({
      convene: ['strategy', 'mace_triage', 'mace', 'review'],
      triage: true,
      escalate: true,
    });
    // A social worker convenes strategy and review meetings for the children whose case they carry.
    const worker = await w.csc.get('/api/mace/meetings');
    expect(worker.json.permissions).toEqual({
      convene: ['strategy', 'review'],
      triage: false,
      escalate: false,
    });
    // A teacher is invited to meetings; they convene none.
    const teacher = await w.school.get('/api/mace/meetings');
    expect(teacher.json.permissions).toEqual({ convene: [], triage: false, escalate: false });
  });

  it('lists the people who can be invited, with their agency, only to someone who convenes meetings', async () => {
    const res = await w.chair.get('/api/mace/people');
    expect(res.status, res.text).toBe(200);
    const teacher = res.json.people.find((p: Json) => p.id === w.schoolTeacher.id);
    expect(teacher).toMatchObject({
      name: 'Ms Rowan Teach',
      agencyName: 'Fernbridge Academy',
      agencyType: 'education',
      agencyId: w.schoolTeacher.agencyId,
    });
    expect((await w.school.get('/api/mace/people')).status).toBe(403);
  });

  it('names the choices the forms offer', async () => {
    const res = await w.school.get('/api/mace/config');
    expect(res.status, res.text).toBe(200);
    expect(res.json.options.triageDecisions.discuss_at_mace).toBe('Discuss at the MACE meeting');
    expect(res.json.options.participation.represented).toBe('Represented by a person they chose');
    expect(res.json.options.viewsShared.through_worker).toMatch(/their own words/);
    expect(res.json.options.contextKinds.person_of_concern).toBe('Person of concern');
  });

  it('keeps MACE meetings convened without a group in one partnership slot, and refuses an overlap naming the date', async () => {
    const body = (title: string, hour: number) => ({
      title,
      type: 'mace',
      startsAt: inDays(20, hour),
      endsAt: inDays(20, hour + 2),
      agenda: [{ id: randomUUID(), kind: 'child', childId: w.ava, heading: 'Ava Linton' }],
      invitations: [invite(w.p.csc, 'childrens_social_care', 'Fernbridge Children’s Services')],
    });
    const first = await w.chair.post('/api/mace/meetings', body('MACE, first', 10));
    expect(first.status, first.text).toBe(201);
    const clash = await w.chair.post('/api/mace/meetings', body('MACE, overlapping', 11));
    expect(clash.status).toBe(409);
    expect(clash.json.error.fields).toEqual([
      {
        path: 'startsAt',
        message: expect.stringMatching(/^another MACE meeting for this group is already booked on /),
      },
    ]);
    // Back to back is fine.
    const next = await w.chair.post('/api/mace/meetings', body('MACE, afterwards', 12));
    expect(next.status, next.text).toBe(201);
  });

  it('keeps a strategy meeting convened without a group in the child’s own slot', async () => {
    const strategy = (childId: string, heading: string) => ({
      title: `Strategy meeting for ${heading}`,
      type: 'strategy',
      childId,
      startsAt: inDays(21),
      endsAt: inDays(21, 11),
      agenda: [{ kind: 'child', childId, heading }],
      invitations: [invite(w.p.csc, 'childrens_social_care', 'Fernbridge Children’s Services')],
    });
    const tyler = await w.chair.post('/api/mace/meetings', strategy(w.tyler, 'Tyler'));
    expect(tyler.status, tyler.text).toBe(201);
    // Another child's strategy meeting at the same time is a different slot.
    const ava = await w.chair.post('/api/mace/meetings', strategy(w.ava, 'Ava'));
    expect(ava.status, ava.text).toBe(201);
    expect((await w.chair.post('/api/mace/meetings', strategy(w.tyler, 'Tyler'))).status).toBe(409);
  });

  it('returns the triage decisions already recorded with the triage list', async () => {
    const decided = await w.chair.post('/api/mace/triage/decisions', {
      subject: { kind: 'child', childId: w.tyler },
      decision: 'no_further_mace_action',
      reasons: ['The strategy meeting next week is the right place for this.'],
    });
    expect(decided.status, decided.text).toBe(201);
    const list = await w.chair.get('/api/mace/triage');
    expect(list.status, list.text).toBe(200);
    expect(list.json.decisions[0]).toMatchObject({
      subject: { kind: 'child', childId: w.tyler },
      decision: 'no_further_mace_action',
      reasons: ['The strategy meeting next week is the right place for this.'],
      decidedBy: 'Sam Carter',
    });
  });

  it('fills in the places and persons of concern each child is linked to, so the meeting sees those shared by two children', async () => {
    const place = await newContext(w.chair, placeBody({ name: 'Kestrel Fried Chicken' }));
    const source = { agencyId: w.p.csc.agencyId, authorId: w.p.csc.id };
    for (const child of [w.tyler, w.ava]) {
      await newLink(w.csc, linkBody({ kind: 'child', id: child }, { kind: 'place', id: place }, source));
    }
    const res = await w.chair.post('/api/mace/meetings', {
      title: 'MACE meeting, with links from the records',
      type: 'mace',
      startsAt: inDays(30),
      endsAt: inDays(30, 12),
      agenda: [
        { kind: 'child', childId: w.tyler, heading: 'Tyler Brookfield' },
        { kind: 'child', childId: w.ava, heading: 'Ava Linton' },
      ],
      invitations: [invite(w.p.csc, 'childrens_social_care', 'Fernbridge Children’s Services')],
    });
    expect(res.status, res.text).toBe(201);
    const view = await w.chair.get(`/api/mace/meetings/${res.json.id}`);
    expect(view.json.sharedContexts.map((c: Json) => [c.label, c.items.length])).toEqual([
      ['Kestrel Fried Chicken', 2],
    ]);
    expect(view.json.record.agenda[0].linkedContexts).toEqual([
      { contextId: place, kind: 'place', label: 'Kestrel Fried Chicken', sensitivity: 'standard' },
    ]);
  });
});
