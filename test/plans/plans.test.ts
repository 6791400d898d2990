import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeRaf, rafDraft, rules, snapshot, type World, world } from '../assessment/helpers.ts';
import { daysAgo } from '../children/fixtures.ts';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness } from '../support/harness.ts';
import { disruption, objective, planBody } from './helpers.ts';

describe(`the child’s plan (${describeDatabase()})`, () => {
  let h: Harness;
  let w: World;
  let unrelated: Client;
  let frontDoor: Client;
  let planId: string;

  beforeAll(async () => {
    h = await Harness.start();
    w = await world(h);
    unrelated = await h.signedIn(await h.user(['practitioner'], 'health', { name: 'Nurse Ola Brant' }));
    frontDoor = await h.signedIn(
      await h.user(['practitioner'], 'childrens_social_care', { name: 'Bo Screen' }),
    );
    // The analysis found exploitation suspected: the plan must disrupt those causing harm.
    await completeRaf(w.csc, w.childId, rafDraft(w.entryId));
  });
  afterAll(() => h.close());

  const base = () => `/api/children/${w.childId}/plans`;

  it('refuses a plan with an empty disruption section when harm is suspected, naming the rule', async () => {
    const before = await snapshot(h);
    const body = planBody();
    const empty = {
      ...body,
      sections: { ...body.sections, disruption_and_investigation: { objectives: [] } },
    };
    const res = await w.csc.post(base(), empty);
    expect(res.status).toBe(400);
    expect(rules(res)).toEqual(['disruption-required-when-harm']);
    expect(res.json.error.fields[0].path).toBe('sections.disruption_and_investigation.objectives');
    expect(res.json.error.message).toContain('Exploitation is recorded as suspected');
    // Harm comes from the record, never from the form.
    const claimed = await w.csc.post(base(), { ...empty, harmStatus: 'none_identified' });
    expect(claimed.status).toBe(400);
    expect(await snapshot(h)).toEqual(before);
  });

  it('refuses an objective aimed at the child’s behaviour, and says how to reframe it', async () => {
    const before = await snapshot(h);
    const body = planBody();
    const blaming = {
      ...body,
      sections: {
        ...body.sections,
        keeping_safe_now: { objectives: [objective('o-bad', 'Amelia to stop putting herself at risk.')] },
      },
    };
    const res = await w.csc.post(base(), blaming);
    expect(res.status).toBe(400);
    expect(rules(res)).toEqual(['objective-not-aimed-at-child']);
    expect(res.json.error.fields[0].path).toBe('sections.keeping_safe_now.objectives.0.aim');
    expect(res.json.error.message).toContain('Try:');
    expect(await snapshot(h)).toEqual(before);
  });

  it('makes the plan only for the people carrying the case', async () => {
    const before = await snapshot(h);
    expect((await h.client().post(base(), planBody())).status).toBe(401);
    expect((await unrelated.post(base(), planBody())).status).toBe(404);
    expect((await frontDoor.post(base(), planBody())).status).toBe(403);
    expect((await w.csc.post(base(), { ...planBody(), reviewDate: 'next month' })).status).toBe(400);
    expect(await snapshot(h)).toEqual(before);

    const res = await w.csc.post(base(), planBody({ labels: {} }));
    expect(res.status, res.text).toBe(201);
    const plan = res.json.plan;
    planId = plan.id;
    expect(plan.version).toBe(1);
    expect(plan.harmStatus).toBe('suspected');
    expect(plan.disruptionRequired).toBe(true);
    expect(plan.sections.map((s: { key: string }) => s.key)).toHaveLength(9);
    const disrupt = plan.sections.find((s: { key: string }) => s.key === 'disruption_and_investigation');
    expect(disrupt.objectives[0]).toMatchObject({
      id: 'o-cawn',
      statusName: 'Not started',
      label: 'standard',
    });
    // The young person's own goal is kept in their words.
    expect(res.json.advisories).toEqual([]);
    expect(plan.permissions).toEqual({ edit: true, updateStatus: true, agree: true, plainLanguage: true });
    // One plan per child: it is changed, not made again.
    expect((await w.csc.post(base(), planBody())).status).toBe(409);
    const list = await w.csc.get(base());
    expect(list.json.plans.map((p: { id: string }) => p.id)).toEqual([planId]);
    expect(list.json.permissions.create).toBe(false);
    expect((await unrelated.get(base())).status).toBe(404);
    expect((await w.police.get(`${base()}/${planId}`)).status).toBe(200);
  });

  it('keeps a young person’s own goal in their words, with an advisory for the adults', async () => {
    const body = planBody({ expectedVersion: 1 });
    const goals = {
      objectives: [
        objective('g-friends', 'I want to stop going missing and see my friends.', { inTheirOwnWords: true }),
      ],
    };
    const res = await w.csc.request('PUT', `${base()}/${planId}`, {
      ...body,
      sections: { ...body.sections, young_persons_goals: goals },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.plan.version).toBe(2);
    expect(res.json.advisories[0].message).toContain('young person’s own goal');
    // The same words written as a professional's objective are refused.
    const stale = await w.csc.request('PUT', `${base()}/${planId}`, planBody({ expectedVersion: 1 }));
    expect(stale.status).toBe(409);
  });

  it('updates an objective’s status; each status carries what it needs, and disruption cannot be emptied', async () => {
    const status = (id: string) => `${base()}/${planId}/objectives/${id}/status`;
    const before = await snapshot(h);
    const noDate = await w.csc.post(status('o-phone'), { status: 'done' });
    expect(noDate.status).toBe(400);
    const noReason = await w.csc.post(status('o-phone'), { status: 'no_longer_needed', reason: 'n/a' });
    expect(rules(noReason)).toEqual(['objective-no-longer-needed-reason']);
    const lastDisruption = await w.csc.post(status('o-cawn'), {
      status: 'no_longer_needed',
      reason: 'The man has moved away.',
    });
    expect(lastDisruption.status).toBe(400);
    expect(rules(lastDisruption)).toEqual(['disruption-required-when-harm']);
    expect((await w.csc.post(status('o-none'), { status: 'in_progress' })).status).toBe(404);
    expect((await frontDoor.post(status('o-phone'), { status: 'in_progress' })).status).toBe(403);
    expect(await snapshot(h)).toEqual(before);

    const done = await w.csc.post(status('o-phone'), { status: 'done', doneOn: daysAgo(0) });
    expect(done.status, done.text).toBe(200);
    const keeping = done.json.plan.sections.find((s: { key: string }) => s.key === 'keeping_safe_now');
    expect(keeping.objectives[0]).toMatchObject({
      statusName: 'Done',
      status: { status: 'done', doneOn: daysAgo(0) },
    });
    expect(done.json.plan.versions[0]).toMatchObject({ version: 3, change: 'objective_status' });
    // Every version is kept.
    const first = await w.csc.get(`${base()}/${planId}?version=1`);
    expect(first.json.plan.version).toBe(1);
  });

  it('gives an objective’s named owner a task, and closes it when the objective is done', async () => {
    const current = (await w.csc.get(`${base()}/${planId}`)).json.plan;
    const body = planBody({ expectedVersion: current.version });
    const withOwner = {
      ...body,
      sections: {
        ...body.sections,
        disruption_and_investigation: {
          objectives: [disruption({ owner: { name: 'PC Robin Hale', userId: w.p.police.id } })],
        },
      },
    };
    const res = await w.csc.request('PUT', `${base()}/${planId}`, withOwner);
    expect(res.status, res.text).toBe(200);
    const tasks = await w.police.get('/api/my-work');
    const task = tasks.json.tasks.find((t: { kind: string }) => t.kind === 'plan_objective');
    expect(task.title).toContain('Child Abduction Warning Notice');
    const nobody = await w.csc.request('PUT', `${base()}/${planId}`, {
      ...withOwner,
      expectedVersion: res.json.plan.version,
      sections: {
        ...withOwner.sections,
        disruption_and_investigation: {
          objectives: [
            disruption({ owner: { name: 'Nobody', userId: '00000000-0000-4000-8000-000000000999' } }),
          ],
        },
      },
    });
    expect(nobody.status).toBe(400);
    expect(nobody.json.error.fields[0].path).toBe(
      'sections.disruption_and_investigation.objectives.0.owner.userId',
    );

    const done = await w.police.post(`${base()}/${planId}/objectives/o-cawn/status`, {
      status: 'in_progress',
    });
    // The police officer is an involved professional, not carrying the case: the plan is not theirs to change.
    expect(done.status).toBe(403);
    await w.csc.post(`${base()}/${planId}/objectives/o-cawn/status`, { status: 'done', doneOn: daysAgo(0) });
    const after = await w.police.get('/api/my-work');
    expect(after.json.tasks.some((t: { kind: string }) => t.kind === 'plan_objective')).toBe(false);
  });

  it('objectives with a label are shown only to those entitled, and kept when others edit the plan', async () => {
    // The police officer becomes a co-worker, so may manage the plan, and adds an intelligence-led objective.
    await w.manager.post(`/api/children/${w.childId}/professionals`, {
      userId: w.p.police.id,
      kind: 'co_worker',
    });
    const current = (await w.police.get(`${base()}/${planId}`)).json.plan;
    const body = planBody({ expectedVersion: current.version });
    const covert = objective('o-covert', 'Police watch the flat on Quarry Lane on Friday nights.', {
      owner: { name: 'PC Robin Hale' },
      agency: { name: 'Fernbridge Police' },
    });
    const withCovert = {
      ...body,
      sections: { ...body.sections, disruption_and_investigation: { objectives: [disruption(), covert] } },
      labels: { 'o-covert': 'police_intelligence' },
    };
    const res = await w.police.request('PUT', `${base()}/${planId}`, withCovert);
    expect(res.status, res.text).toBe(200);

    const asLead = (await w.csc.get(`${base()}/${planId}`)).json.plan;
    const sectionOf = (plan: { sections: { key: string; objectives: { id: string }[] }[] }) =>
      plan.sections.find((s) => s.key === 'disruption_and_investigation')?.objectives.map((o) => o.id);
    expect(sectionOf(asLead)).toEqual(['o-cawn']);
    expect(JSON.stringify(asLead)).not.toContain('Quarry Lane');
    // The lead worker cannot label something they could not see themselves.
    const labelled = await w.csc.request('PUT', `${base()}/${planId}`, {
      ...planBody({ expectedVersion: asLead.version }),
      labels: { 'o-phone': 'police_intelligence' },
    });
    expect(labelled.status).toBe(400);
    // The lead worker's change keeps the objective they cannot see.
    const edit = await w.csc.request(
      'PUT',
      `${base()}/${planId}`,
      planBody({ expectedVersion: asLead.version }),
    );
    expect(edit.status, edit.text).toBe(200);
    const asPolice = (await w.police.get(`${base()}/${planId}`)).json.plan;
    expect(sectionOf(asPolice)).toEqual(['o-cawn', 'o-covert']);
    expect(
      asPolice.sections.find((s: { key: string }) => s.key === 'disruption_and_investigation').objectives[1]
        .label,
    ).toBe('police_intelligence');
  });

  it('refuses, naming the rule, to empty the disruption section once harm is known', async () => {
    const flag = await w.csc.post(`/api/children/${w.childId}/flags`, {
      kind: 'sexual',
      powerImbalance: 'An adult man about ten years older controls where she goes.',
      exchange: {
        what: 'Lifts, vapes and a phone; he gains control over her',
        gainedBy: ['child', 'perpetrator'],
      },
      ageUnder18: true,
      setting: 'both',
      harmStatus: 'known',
      harmRationale: 'She was found at the flat and told her worker what happened there.',
    });
    expect(flag.status, flag.text).toBe(201);
    // The police co-worker sees every objective, including the labelled one the lead worker cannot see.
    const current = (await w.police.get(`${base()}/${planId}`)).json.plan;
    const body = planBody({ expectedVersion: current.version });
    const before = await snapshot(h);
    const res = await w.police.request('PUT', `${base()}/${planId}`, {
      ...body,
      sections: { ...body.sections, disruption_and_investigation: { objectives: [] } },
    });
    expect(res.status).toBe(400);
    expect(rules(res)).toEqual(['disruption-required-when-harm']);
    expect(res.json.error.message).toContain('Exploitation is recorded as known');
    expect(await snapshot(h)).toEqual(before);
  });

  it('records the plan as agreed in the chronology', async () => {
    expect((await unrelated.post(`${base()}/${planId}/agree`)).status).toBe(404);
    expect((await frontDoor.post(`${base()}/${planId}/agree`)).status).toBe(403);
    const res = await w.csc.post(`${base()}/${planId}/agree`);
    expect(res.status, res.text).toBe(200);
    expect(res.json.plan.agreed.by.name).toBe('Priya Fernside');
    expect(res.json.plan.permissions.agree).toBe(false);
    expect((await w.csc.post(`${base()}/${planId}/agree`)).status).toBe(409);
    const chronology = await w.csc.get(`/api/children/${w.childId}/chronology`);
    expect(chronology.json.entries.map((e: { title: string }) => e.title)).toContain(
      'Safety and support plan agreed',
    );
  });
});
