import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeRaf, rafDraft, rules, snapshot, type World, world } from '../assessment/helpers.ts';
import { daysAgo, daysAhead } from '../children/fixtures.ts';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness } from '../support/harness.ts';
import { disruption, objective, planBody } from './helpers.ts';

describe(`the young person’s plain-language plan (${describeDatabase()})`, () => {
  let h: Harness;
  let w: World;
  let frontDoor: Client;
  let planId: string;
  let docId: string;

  beforeAll(async () => {
    h = await Harness.start();
    w = await world(h);
    frontDoor = await h.signedIn(
      await h.user(['practitioner'], 'childrens_social_care', { name: 'Bo Screen' }),
    );
    await completeRaf(w.csc, w.childId, rafDraft(w.entryId));
    // A co-worker from the police adds an intelligence-led objective that must never reach the child's copy.
    await w.manager.post(`/api/children/${w.childId}/professionals`, {
      userId: w.p.police.id,
      kind: 'co_worker',
    });
    const body = planBody();
    const covert = objective('o-covert', 'Police watch the flat on Quarry Lane on Friday nights.', {
      owner: { name: 'PC Robin Hale' },
      agency: { name: 'Fernbridge Police' },
    });
    const res = await w.police.post(`/api/children/${w.childId}/plans`, {
      ...body,
      sections: {
        ...body.sections,
        disruption_and_investigation: { objectives: [disruption({ shareWithYoungPerson: true }), covert] },
        other_children_affected: {
          objectives: [objective('o-peers', 'Check on the two other girls collected by the same car.')],
        },
      },
      labels: { 'o-covert': 'police_intelligence' },
    });
    expect(res.status, res.text).toBe(201);
    planId = res.json.plan.id;
  });
  afterAll(() => h.close());

  const base = () => `/api/children/${w.childId}/plans/${planId}/plain-language`;

  it('generates it from the plan: second person, who does what by when, never the child’s fault', async () => {
    const before = await snapshot(h);
    expect((await h.client().post(base())).status).toBe(401);
    expect((await frontDoor.post(base())).status).toBe(403);
    expect(await snapshot(h)).toEqual(before);
    expect((await w.csc.get(base())).json.document).toBeNull();

    const res = await w.csc.post(base());
    expect(res.status, res.text).toBe(201);
    const doc = res.json.document;
    docId = doc.id;
    expect(doc.planVersion).toBe(1);
    const text = doc.sections.map((s: { text: string }) => s.text).join('\n');
    expect(doc.sections[0].heading).toBe('Your plan');
    expect(text).toContain('What has happened is not your fault.');
    expect(text).toContain('Lee Grant from Safe Steps will do this by');
    expect(text).toContain('We will offer you a specialist worker');
    // Labelled work and other children never reach the young person's copy.
    expect(text).not.toContain('Quarry Lane');
    expect(text).not.toContain('two other girls');
    expect(text).toContain('That is our job, not yours.');
    expect(text).toContain('“I want to go to college to do hair and beauty.”');
    expect(doc.sections.every((s: { edited: boolean }) => !s.edited)).toBe(true);
  });

  it('the worker edits it; the generated text is kept beside the edit', async () => {
    const before = await snapshot(h);
    const url = `${base()}/${docId}`;
    expect((await frontDoor.patch(url, { key: 'intro', text: 'Hello' })).status).toBe(403);
    expect((await w.csc.patch(url, { key: 'nonsense', text: 'Hello' })).status).toBe(400);
    expect(await snapshot(h)).toEqual(before);
    const res = await w.csc.patch(url, {
      key: 'intro',
      text: 'This is your plan, Amelia. It says what we will all do to keep you safe.\nWhat has happened is not your fault.',
    });
    expect(res.status, res.text).toBe(200);
    const intro = res.json.document.sections[0];
    expect(intro.edited).toBe(true);
    expect(intro.generatedText).toContain('It says what we will do to keep you safe');
    expect(res.json.document.editedBy).toBe('Priya Fernside');
    const jargon = await w.csc.patch(url, { key: 'intro', text: 'You are at the MACE because of CSE.' });
    expect(jargon.json.issues.map((i: { kind: string }) => i.kind)).toContain('jargon');
  });

  it('records what the young person said, in their words, and why their views were not followed', async () => {
    const url = `${base()}/${docId}/responses`;
    const response = {
      sawItOn: daysAgo(0),
      howShared: 'in_person',
      hadTimeToQuestion: true,
      said: { status: 'in_their_words', words: 'I don’t want the police coming to my school.' },
      viewsFollowed: 'partly',
      whyNot: 'The police need to speak to the school, but they will come in plain clothes after lessons.',
    };
    const before = await snapshot(h);
    expect((await h.client().post(url, response)).status).toBe(401);
    expect((await frontDoor.post(url, response)).status).toBe(403);
    const noReason = await w.csc.post(url, { ...response, whyNot: undefined });
    expect(rules(noReason)).toEqual(['views-not-followed-reason']);
    const summarised = await w.csc.post(url, {
      ...response,
      said: { status: 'in_their_words', words: 'YP states she does not want police at school.' },
    });
    expect(rules(summarised)).toEqual(['young-person-words-verbatim']);
    const noTime = await w.csc.post(url, { ...response, hadTimeToQuestion: false });
    expect(rules(noTime)).toEqual(['time-to-question']);
    expect(await snapshot(h)).toEqual(before);

    const res = await w.csc.post(url, response);
    expect(res.status, res.text).toBe(201);
    expect(res.json.responses[0].response).toMatchObject({
      viewsFollowed: 'partly',
      said: { words: 'I don’t want the police coming to my school.' },
      recordedBy: { name: 'Priya Fernside' },
    });
    // Saying nothing is their right.
    const quiet = await w.csc.post(url, {
      ...response,
      said: { status: 'chose_not_to_say' },
      viewsFollowed: 'yes',
      whyNot: undefined,
      hadTimeToQuestion: false,
      followUpBy: daysAhead(7),
    });
    expect(quiet.status, quiet.text).toBe(201);
  });

  it('the next version shows back what they said last time, and why it was not followed', async () => {
    await w.csc.post(`${base()}/${docId}/responses`, {
      sawItOn: daysAgo(0),
      howShared: 'in_person',
      hadTimeToQuestion: true,
      said: { status: 'in_their_words', words: 'I want my nan to be told first.' },
      viewsFollowed: 'no',
      whyNot: 'We have to tell your mum first because she has parental responsibility.',
    });
    const res = await w.csc.post(base());
    const say = res.json.document.sections.find((s: { key: string }) => s.key === 'your_say');
    expect(say.text).toContain('Last time you said: “I want my nan to be told first.”');
    expect(say.text).toContain('This is why: We have to tell your mum first');
    const read = await w.police.get(base());
    expect(read.status).toBe(200);
    expect(read.json.document.id).toBe(res.json.document.id);
  });
});
