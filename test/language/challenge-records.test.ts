/**
 * Challenge and amend beyond case notes: a referral's narrative, a completed assessment's rationale and
 * harm description, a plan's objectives, and a held meeting's shareable minute. Each: raised by someone who may read the
 * record, decided by its author or their manager, amended as a new version with the original kept, and
 * every view and export using the amended text. People and places are fictional (Fernbridge).
 */
import { Buffer } from 'node:buffer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { world as assessmentWorld, completeRaf, rafDraft } from '../assessment/helpers.ts';
import { count, people, referAndLink } from '../children/fixtures.ts';
import { pdfText } from '../children/pdf-text.ts';
import { type Json, maceMeeting, world as meetingWorld } from '../mace/fixtures.ts';
import { objective, planBody } from '../plans/helpers.ts';
import { describeDatabase } from '../support/database.ts';
import { Harness } from '../support/harness.ts';

const span = (text: string, from: string) => ({
  start: from.indexOf(text),
  end: from.indexOf(text) + text.length,
  text,
});

/** Everything a refused request must leave alone. */
async function state(h: Harness) {
  const [challenges, versions, tasks, meetings] = await Promise.all([
    h.db.selectFrom('wording_challenges').selectAll().orderBy('raised_at').execute(),
    h.db.selectFrom('wording_versions').selectAll().orderBy('created_at').execute(),
    count(h, 'tasks'),
    h.db.selectFrom('mace_meetings').select(['id', 'document', 'updated_at']).orderBy('id').execute(),
  ]);
  return { challenges, versions, tasks, meetings };
}

describe(`language: challenge and amend of referrals, assessments and minutes (${describeDatabase()})`, () => {
  let h: Harness;

  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(() => h.close());

  describe('a referral’s narrative', () => {
    const NARRATIVE =
      'Amelia was seen getting into a car with two adult men outside Fernbridge Academy. She is promiscuous and puts herself at risk.';
    const WORDS = 'She is promiscuous and puts herself at risk.';
    const BETTER = 'The men may be sexually exploiting her.';
    let referralId: string;
    let childId: string;
    let base: string;
    let csc: Awaited<ReturnType<Harness['signedIn']>>;
    let school: Awaited<ReturnType<Harness['signedIn']>>;
    let health: Awaited<ReturnType<Harness['signedIn']>>;

    beforeAll(async () => {
      const p = await people(h);
      csc = await h.signedIn(p.csc);
      school = await h.signedIn(p.school);
      health = await h.signedIn(p.health);
      ({ referralId, childId } = await referAndLink(school, csc, {
        narrative: NARRATIVE,
        child: { givenName: 'Amelia', familyName: 'Rookwood', dateOfBirth: '2011-05-14' },
      }));
      base = `/api/children/${childId}/referrals/${referralId}`;
      // The practitioner becomes Amelia's lead worker, so may export her chronology.
      const manager = await h.signedIn(p.cscManager);
      const allocated = await manager.post(`/api/children/${childId}/professionals`, {
        userId: p.csc.id,
        kind: 'lead_worker',
      });
      expect(allocated.status, allocated.text).toBe(201);
    });

    it('lets the front door challenge it and the referrer accept: the referral, its chronology entry and the PDF show the amended words; the original is kept', async () => {
      const wording = await csc.get(`${base}/wording`);
      expect(wording.status, wording.text).toBe(200);
      expect(wording.json).toMatchObject({ field: 'narrative', text: NARRATIVE, version: 1, mayRaise: true });
      // The assistant finds the blaming words in the referral as it reads now.
      expect(wording.json.findings.map((f: Json) => f.text)).toEqual(
        expect.arrayContaining(['puts herself at risk']),
      );

      const raised = await csc.post(`${base}/challenges`, {
        version: 1,
        span: span(WORDS, NARRATIVE),
        reason: 'Blames Amelia for what adults are doing to her.',
        suggestedWording: BETTER,
      });
      expect(raised.status, raised.text).toBe(201);
      expect(raised.json.challenge).toMatchObject({
        record: { type: 'referral', id: referralId, childId, field: 'narrative' },
        status: 'open',
        permissions: { withdraw: true, decide: false },
      });
      const challengeId = raised.json.challenge.id as string;

      // The referrer decides: it is on their list, and they have a task.
      const toDecide = await school.get('/api/wording-challenges');
      expect(toDecide.status, toDecide.text).toBe(200);
      expect(toDecide.json.challenges.map((c: Json) => c.id)).toEqual([challengeId]);
      expect(toDecide.json.challenges[0].subject).toMatchObject({ type: 'referral', id: referralId });
      // The person who raised it may not decide it.
      expect(
        (await csc.post(`${base}/challenges/${challengeId}/decision`, { decision: 'accept' })).status,
      ).toBe(403);

      const accepted = await school.post(`${base}/challenges/${challengeId}/decision`, {
        decision: 'accept',
      });
      expect(accepted.status, accepted.text).toBe(200);
      expect(accepted.json.challenge).toMatchObject({ status: 'accepted', amendedVersion: 2 });
      const amended = NARRATIVE.replace(WORDS, BETTER);

      // Every view uses the amended text: the front door's, the referrer's, the chronology and its PDF.
      for (const reader of [csc, school]) {
        const view = await reader.get(`/api/referrals/${referralId}`);
        expect(view.status, view.text).toBe(200);
        expect(view.json.referral.narrative).toBe(amended);
        // Both know where the challenges to these words are kept, the referrer included.
        expect(view.json.referral.wording).toEqual({ childId });
      }
      const chronology = await h.db
        .selectFrom('chronology_entries')
        .select('summary')
        .where('record_type', '=', 'referral')
        .where('record_id', '=', referralId)
        .executeTakeFirstOrThrow();
      expect(chronology.summary).toContain(amended);
      expect(chronology.summary).not.toContain('promiscuous');
      const pdf = await fetch(`${h.url}/api/children/${childId}/chronology.pdf`, {
        headers: { cookie: csc.cookie ?? '' },
      });
      expect(pdf.status).toBe(200);
      const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
      expect(text.replace(/\s+/g, ' ')).toContain('The men may be sexually exploiting her.');
      expect(text).not.toContain('promiscuous');

      // The referral itself is never rewritten; its history keeps the original for auditors.
      const row = await h.db
        .selectFrom('referrals')
        .select('narrative')
        .where('id', '=', referralId)
        .executeTakeFirstOrThrow();
      expect(row.narrative).toBe(NARRATIVE);
      const list = await csc.get(`${base}/challenges`);
      expect(list.json.history.map((v: Json) => [v.version, v.text, v.challengeId])).toEqual([
        [1, NARRATIVE, null],
        [2, amended, challengeId],
      ]);
      expect(list.json.fields).toEqual([
        { field: 'narrative', fieldName: expect.any(String), version: 2, mayRaise: true, whyNot: null },
      ]);
      const task = await h.db
        .selectFrom('wording_challenges as wc')
        .innerJoin('tasks as t', 't.id', 'wc.task_id')
        .select(['t.status', 't.assigned_to'])
        .where('wc.id', '=', challengeId)
        .executeTakeFirstOrThrow();
      expect(task.status).toBe('done');

      // Each step is audited against the child, without the words.
      const audit = await h.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('record_id', '=', referralId)
        .where('action', 'like', 'language.%')
        .orderBy('seq')
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'language.challenge_raised',
        'language.challenge_accepted',
      ]);
      expect(JSON.stringify(audit)).not.toContain('promiscuous');
    });

    it('keeps a referral labelled police intelligence from a screener who may not see the label, and lets its referrer read it', async () => {
      const p = await people(h);
      const police = await h.signedIn(p.police);
      const labelled = await referAndLink(police, csc, {
        sensitivity: 'police_intelligence',
        narrative: 'Intelligence puts Amelia in a flat on Quarry Lane with two adult men.',
        child: { givenName: 'Amelia', familyName: 'Rookwood', dateOfBirth: '2011-05-14' },
      });
      const url = `/api/children/${labelled.childId}/referrals/${labelled.referralId}`;
      const screener = await csc.get(`${url}/wording`);
      expect(screener.status, screener.text).toBe(404);
      expect(screener.text).not.toContain('Quarry Lane');
      expect((await csc.get(`${url}/challenges`)).status).toBe(404);
      const own = await police.get(`${url}/wording`);
      expect(own.status, own.text).toBe(200);
      expect(own.json.text).toContain('Quarry Lane');
    });

    it('refuses a challenge to a version that is no longer current, and hides the referral from someone who may not read it; neither leaves a trace', async () => {
      const before = await state(h);
      const stale = await csc.post(`${base}/challenges`, {
        version: 1,
        reason: 'Still blaming.',
        suggestedWording: 'Amelia was seen with two adult men.',
      });
      expect(stale.status, stale.text).toBe(409);
      expect(stale.json.error.fields[0].path).toBe('version');
      const hidden = await health.post(`${base}/challenges`, {
        version: 2,
        reason: 'Blaming.',
        suggestedWording: 'Amelia was seen with two adult men.',
      });
      expect(hidden.status, hidden.text).toBe(404);
      expect((await health.get(`${base}/wording`)).status).toBe(404);
      expect(await state(h)).toEqual(before);
    });
  });

  describe('a completed assessment’s rationale and harm description', () => {
    const RATIONALE = 'An adult is targeting her and she is choosing to get into his car.';
    const WORDS = 'she is choosing to get into his car';
    const BETTER = 'he is taking her away in his car';
    let w: Awaited<ReturnType<typeof assessmentWorld>>;
    let assessmentId: string;
    let base: string;

    beforeAll(async () => {
      w = await assessmentWorld(h, { givenName: 'Isla', familyName: 'Quenby' });
      const draft = rafDraft(w.entryId);
      assessmentId = await completeRaf(w.csc, w.childId, {
        ...draft,
        judgement: { ...draft.judgement, rationale: RATIONALE },
      });
      base = `/api/children/${w.childId}/assessments/${assessmentId}`;
    });

    it('offers both texts, and refuses a field that is not one of them, naming it', async () => {
      const list = await w.police.get(`${base}/challenges`);
      expect(list.status, list.text).toBe(200);
      expect(list.json.fields.map((f: Json) => f.field)).toEqual(['judgement.rationale', 'harm.description']);
      expect(list.json.mayRaise).toBe(true);
      const before = await state(h);
      const wrong = await w.police.post(`${base}/challenges`, {
        field: 'analysis.summary',
        version: 1,
        reason: 'Blaming.',
        suggestedWording: 'Something else.',
      });
      expect(wrong.status, wrong.text).toBe(400);
      expect(wrong.json.error.fields[0]).toMatchObject({ path: 'field' });
      expect(wrong.json.error.fields[0].message).toContain('judgement.rationale');
      expect(await state(h)).toEqual(before);
    });

    it('is challenged by an involved professional and accepted by the author’s manager: every read uses the amended rationale, the completed record is untouched', async () => {
      const raised = await w.police.post(`${base}/challenges`, {
        field: 'judgement.rationale',
        version: 1,
        span: span(WORDS, RATIONALE),
        reason: 'She is not choosing: an adult is exploiting her.',
        suggestedWording: BETTER,
      });
      expect(raised.status, raised.text).toBe(201);
      const challengeId = raised.json.challenge.id as string;
      expect(raised.json.challenge.record).toMatchObject({
        type: 'assessment',
        field: 'judgement.rationale',
      });

      // The manager of the author's agency decides (the author could too).
      const listed = await w.manager.get('/api/wording-challenges');
      expect(listed.json.challenges.map((c: Json) => c.id)).toContain(challengeId);
      const accepted = await w.manager.post(`${base}/challenges/${challengeId}/decision`, {
        decision: 'accept',
        reason: 'Agreed: the rationale should name what the adult is doing.',
      });
      expect(accepted.status, accepted.text).toBe(200);

      const amended = RATIONALE.replace(WORDS, BETTER);
      const read = await w.csc.get(base);
      expect(read.status, read.text).toBe(200);
      expect(JSON.stringify(read.json)).toContain(amended);
      expect(JSON.stringify(read.json)).not.toContain(WORDS);
      // Compared with a later analysis, the earlier one reads with its amended rationale.
      const later = await completeRaf(w.csc, w.childId, rafDraft(w.entryId));
      const compare = await w.csc.get(
        `/api/children/${w.childId}/assessments/compare?a=${assessmentId}&b=${later}`,
      );
      expect(compare.status, compare.text).toBe(200);
      expect(JSON.stringify(compare.json)).toContain(amended);
      expect(JSON.stringify(compare.json)).not.toContain(WORDS);

      // The completed record itself is kept exactly as it was completed.
      const row = await h.db
        .selectFrom('assessments')
        .select('content')
        .where('id', '=', assessmentId)
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(row.content)).toContain(WORDS);
      const versions = await h.db
        .selectFrom('wording_versions')
        .select(['field', 'version', 'text'])
        .where('record_id', '=', assessmentId)
        .orderBy('version')
        .execute();
      expect(versions).toEqual([
        { field: 'judgement.rationale', version: 1, text: RATIONALE },
        { field: 'judgement.rationale', version: 2, text: amended },
      ]);
      // Versions are never changed.
      await expect(
        h.db
          .updateTable('wording_versions')
          .set({ text: 'rewritten' })
          .where('record_id', '=', assessmentId)
          .execute(),
      ).rejects.toThrow(/kept as they were written/);
    });

    it('leaves the harm description to its own challenge, and refuses a draft assessment', async () => {
      const list = await w.police.get(`${base}/challenges`);
      const harm = list.json.fields.find((f: Json) => f.field === 'harm.description');
      expect(harm.version).toBe(1);
      const started = await w.csc.post(`/api/children/${w.childId}/assessments`, {
        instrumentId: 'raf',
        instrumentVersion: '2025.1',
      });
      expect(started.status, started.text).toBe(201);
      const draftBase = `/api/children/${w.childId}/assessments/${started.json.id}`;
      const saved = await w.csc.request('PUT', draftBase, rafDraft(w.entryId));
      expect(saved.status, saved.text).toBe(200);
      const before = await state(h);
      const refused = await w.police.post(`${draftBase}/challenges`, {
        version: 1,
        reason: 'Blaming.',
        suggestedWording: 'Something else.',
      });
      expect(refused.status, refused.text).toBe(409);
      expect(refused.json.error.fields[0]).toMatchObject({ path: 'status' });
      expect(refused.json.error.message).toContain('draft');
      expect(await state(h)).toEqual(before);
    });
  });

  describe('a plan’s objective', () => {
    const AIM = 'Offer Amelia a specialist worker from Safe Steps if she engages with us.';
    const WORDS = 'if she engages with us';
    const BETTER = 'at her pace, for as long as she wants one';
    const COVERT = 'Police watch the flat on Quarry Lane on Friday nights.';
    let w: Awaited<ReturnType<typeof assessmentWorld>>;
    let planId: string;
    let base: string;
    let planInput: Record<string, unknown>;

    beforeAll(async () => {
      w = await assessmentWorld(h, { givenName: 'Amelia', familyName: 'Harrowgate' });
      await completeRaf(w.csc, w.childId, rafDraft(w.entryId));
      // The police co-worker writes the plan, with one objective labelled police intelligence.
      const made = await w.manager.post(`/api/children/${w.childId}/professionals`, {
        userId: w.p.police.id,
        kind: 'co_worker',
      });
      expect(made.status, made.text).toBe(201);
      const body = planBody();
      planInput = {
        ...body,
        sections: {
          ...body.sections,
          disruption_and_investigation: {
            objectives: [
              objective(
                'o-cawn',
                'Police serve a Child Abduction Warning Notice on the man in the grey car.',
              ),
              objective('o-covert', COVERT, {
                owner: { name: 'PC Robin Hale' },
                agency: { name: 'Fernbridge Police' },
              }),
            ],
          },
          support_and_therapeutic_help: {
            objectives: [
              objective('o-advocate', AIM, { owner: { name: 'Lee Grant' }, agency: { name: 'Safe Steps' } }),
            ],
          },
        },
        labels: { 'o-covert': 'police_intelligence' },
      };
      const plan = await w.police.post(`/api/children/${w.childId}/plans`, planInput);
      expect(plan.status, plan.text).toBe(201);
      planId = plan.json.plan.id;
      base = `/api/children/${w.childId}/plans/${planId}`;
      // Amelia has her own plan, and her worker has edited its introduction.
      const doc = await w.csc.post(`${base}/plain-language`);
      expect(doc.status, doc.text).toBe(201);
      const edited = await w.csc.patch(`${base}/plain-language/${doc.json.document.id}`, {
        key: 'intro',
        text: 'This is your plan, Amelia. What has happened is not your fault.',
      });
      expect(edited.status, edited.text).toBe(200);
    });

    it('offers the adults’ objectives a reader may see and how we will know, never the young person’s goal in her own words', async () => {
      const list = await w.csc.get(`${base}/challenges`);
      expect(list.status, list.text).toBe(200);
      const fields = list.json.fields.map((f: Json) => f.field);
      expect(fields).toEqual(
        expect.arrayContaining(['objective.o-advocate', 'objective.o-cawn', 'howWeWillKnow']),
      );
      expect(fields).not.toContain('objective.g-college');
      // The labelled objective is offered to the police, who may read it, and to no one else.
      expect(fields).not.toContain('objective.o-covert');
      expect(JSON.stringify(list.json)).not.toContain('Quarry Lane');
      const police = await w.police.get(`${base}/challenges`);
      expect(police.json.fields.map((f: Json) => f.field)).toContain('objective.o-covert');
      const before = await state(h);
      const own = await w.csc.post(`${base}/challenges`, {
        field: 'objective.g-college',
        version: 1,
        reason: 'Reword.',
        suggestedWording: 'College.',
      });
      expect(own.status, own.text).toBe(400);
      expect(own.json.error.fields[0].path).toBe('field');
      expect(await state(h)).toEqual(before);
    });

    it('never shows a challenge to a labelled objective, or its words, to a reader who may not see the label', async () => {
      const raised = await w.police.post(`${base}/challenges`, {
        field: 'objective.o-covert',
        version: 1,
        reason: 'Name the address only in the restricted part of the plan.',
        suggestedWording: 'Police watch the address on Friday nights.',
      });
      expect(raised.status, raised.text).toBe(201);
      const list = await w.csc.get(`${base}/challenges`);
      expect(list.json.challenges.map((c: Json) => c.id)).not.toContain(raised.json.challenge.id);
      expect(JSON.stringify(list.json)).not.toContain('Quarry Lane');
      expect(JSON.stringify(list.json)).not.toContain('the address');
      const withdrawn = await w.csc.post(`${base}/challenges/${raised.json.challenge.id}/withdraw`);
      expect(withdrawn.status, withdrawn.text).toBe(404);
      expect((await w.police.post(`${base}/challenges/${raised.json.challenge.id}/withdraw`)).status).toBe(
        200,
      );
    });

    it('is challenged by the lead worker and accepted by its writer: a new plan version, and the young person’s plan written again with the amended words', async () => {
      const raised = await w.csc.post(`${base}/challenges`, {
        field: 'objective.o-advocate',
        version: 1,
        span: span(WORDS, AIM),
        reason: 'Help for Amelia should not depend on her “engaging”: the adults keep offering.',
        suggestedWording: BETTER,
      });
      expect(raised.status, raised.text).toBe(201);
      const challengeId = raised.json.challenge.id as string;
      // The plan's writer has it to decide, with what it is about.
      const toDecide = await w.police.get('/api/wording-challenges');
      expect(toDecide.json.challenges.find((c: Json) => c.id === challengeId)).toMatchObject({
        subject: { type: 'plan', id: planId, title: 'Safety and support plan' },
        record: { field: 'objective.o-advocate' },
      });
      const accepted = await w.police.post(`${base}/challenges/${challengeId}/decision`, {
        decision: 'accept',
      });
      expect(accepted.status, accepted.text).toBe(200);
      expect(accepted.json.challenge.amendedVersion).toBe(2);

      const amended = AIM.replace(WORDS, BETTER);
      const plan = await w.csc.get(base);
      expect(plan.status, plan.text).toBe(200);
      expect(JSON.stringify(plan.json)).toContain(amended);
      expect(plan.json.plan.versions[0]).toMatchObject({ version: 2, change: 'wording_amended' });
      // Version 1 keeps the original words for auditors.
      const first = await w.csc.get(`${base}?version=1`);
      expect(first.status, first.text).toBe(200);
      expect(JSON.stringify(first.json)).toContain(AIM);
      // The labelled objective is still there, unchanged and still labelled.
      const police = await w.police.get(base);
      expect(JSON.stringify(police.json)).toContain(COVERT);

      // What Amelia reads is written from the amended plan; her worker's edit to another section stays.
      const doc = await w.csc.get(`${base}/plain-language`);
      expect(doc.status, doc.text).toBe(200);
      expect(doc.json.document.planVersion).toBe(2);
      const text = doc.json.document.sections.map((s: Json) => s.text).join('\n');
      expect(text).toContain('at her pace');
      expect(text).not.toContain('engages');
      expect(text).not.toContain('Quarry Lane');
      expect(doc.json.document.sections[0]).toMatchObject({
        key: 'intro',
        edited: true,
        text: 'This is your plan, Amelia. What has happened is not your fault.',
      });
    });
    it('supersedes an open challenge when a later version of the plan no longer has the words, closing the task', async () => {
      const raised = await w.csc.post(`${base}/challenges`, {
        field: 'howWeWillKnow',
        version: 2,
        span: span('she feels safer', 'She is not collected near school, and she tells us she feels safer.'),
        reason: 'Say what the adults will see, as well as what she tells us.',
        suggestedWording: 'she feels safer and the adults see no sign of the man',
      });
      expect(raised.status, raised.text).toBe(201);
      const { howWeWillKnow: _dropped, ...withoutMeasure } = planInput;
      const saved = await w.police.request('PUT', base, withoutMeasure);
      expect(saved.status, saved.text).toBe(200);
      const row = await h.db
        .selectFrom('wording_challenges as wc')
        .innerJoin('tasks as t', 't.id', 'wc.task_id')
        .select(['wc.status', 't.status as task_status'])
        .where('wc.id', '=', raised.json.challenge.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'superseded', task_status: 'done' });
      const audit = await h.db
        .selectFrom('audit_log')
        .select('action')
        .where('record_id', '=', planId)
        .where('action', '=', 'language.challenge_superseded')
        .execute();
      expect(audit).toHaveLength(1);
    });
  });

  describe('a held meeting’s shareable minute', () => {
    const MINUTE = 'Tyler is hard to engage. Agencies agreed he needs a trusted adult at school.';
    const WORDS = 'Tyler is hard to engage.';
    const BETTER = 'Agencies have not yet found a way to reach Tyler that works for him.';
    let w: Awaited<ReturnType<typeof meetingWorld>>;
    let m: ReturnType<typeof maceMeeting>;
    let meetingId: string;
    let base: string;

    beforeAll(async () => {
      w = await meetingWorld(h);
      m = maceMeeting(w);
      const made = await w.chair.post('/api/mace/meetings', m.body);
      expect(made.status, made.text).toBe(201);
      meetingId = made.json.id;
      base = `/api/children/${w.tyler}/meetings/${meetingId}`;
    });

    const AVA_MINUTE = 'Agencies agreed Ava needs a safe route home.';
    const minuted = (status: 'scheduled' | 'held') => ({
      ...m.body,
      status,
      minutes: [
        { itemId: m.items.tyler, shareable: MINUTE },
        { itemId: m.items.ava, shareable: AVA_MINUTE },
      ],
    });

    it('cannot be challenged before the meeting is held', async () => {
      const saved = await w.chair.request('PUT', `/api/mace/meetings/${meetingId}`, minuted('scheduled'));
      expect(saved.status, saved.text).toBe(204);
      const field = `minutes.${m.items.tyler}`;
      const before = await state(h);
      const refused = await w.school.post(`${base}/challenges`, {
        field,
        version: 1,
        reason: 'Blames Tyler.',
        suggestedWording: BETTER,
      });
      expect(refused.status, refused.text).toBe(409);
      expect(refused.json.error.message).toContain('not been held');
      const why = await w.school.get(`${base}/wording?field=${field}`);
      expect(why.json).toMatchObject({ mayRaise: false, whyNot: expect.stringContaining('not been held') });
      expect(await state(h)).toEqual(before);
    });

    it('is challenged by a member and accepted by the chair: the minutes sent from then on use the amended words', async () => {
      const saved = await w.chair.request('PUT', `/api/mace/meetings/${meetingId}`, minuted('held'));
      expect(saved.status, saved.text).toBe(204);
      const field = `minutes.${m.items.tyler}`;
      const wording = await w.school.get(`${base}/wording?field=${field}`);
      expect(wording.status, wording.text).toBe(200);
      expect(wording.json).toMatchObject({ field, text: MINUTE, version: 1 });

      const raised = await w.school.post(`${base}/challenges`, {
        field,
        version: 1,
        span: span(WORDS, MINUTE),
        reason: '“Hard to engage” puts the work on Tyler.',
        suggestedWording: BETTER,
      });
      expect(raised.status, raised.text).toBe(201);
      const challengeId = raised.json.challenge.id as string;

      // Someone not at the meeting is not told it exists.
      const housing = await h.signedIn(w.p.housing);
      expect((await housing.get(`${base}/challenges`)).status).toBe(404);

      // An amendment that would quote police intelligence from Tyler's record is refused, and changes nothing.
      const before = await state(h);
      const quoting = await w.chair.post(`${base}/challenges/${challengeId}/decision`, {
        decision: 'accept',
        wording: 'Covert source reports Tyler holding a burner phone for the Kestrel line.',
      });
      expect(quoting.status, quoting.text).toBe(400);
      expect(quoting.json.error.fields[0].path).toBe('wording');
      expect(await state(h)).toEqual(before);

      const accepted = await w.chair.post(`${base}/challenges/${challengeId}/decision`, {
        decision: 'accept',
      });
      expect(accepted.status, accepted.text).toBe(200);
      const amended = MINUTE.replace(WORDS, BETTER);

      const pdf = await fetch(`${h.url}/api/mace/meetings/${meetingId}/pack.pdf?kind=minutes`, {
        headers: { cookie: w.school.cookie ?? '' },
      });
      expect(pdf.status).toBe(200);
      const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
      expect(text).toContain('a way to reach Tyler');
      expect(text).not.toContain('hard to engage');

      const history = await w.school.get(`${base}/challenges`);
      expect(history.json.history.map((v: Json) => [v.field, v.version, v.text])).toEqual([
        [field, 1, MINUTE],
        [field, 2, amended],
      ]);
      const meeting = await w.chair.get(`/api/mace/meetings/${meetingId}`);
      expect(JSON.stringify(meeting.json.record.minutes)).toContain(amended);
    });

    it('keeps each child’s minute to that child: Ava’s page shows neither Tyler’s challenge nor his minute’s history', async () => {
      const ava = `/api/children/${w.ava}/meetings/${meetingId}`;
      const list = await w.school.get(`${ava}/challenges`);
      expect(list.status, list.text).toBe(200);
      expect(list.json.fields.map((f: Json) => f.field)).toEqual([`minutes.${m.items.ava}`]);
      expect(list.json.challenges).toEqual([]);
      expect(list.json.history).toEqual([]);
      expect(JSON.stringify(list.json)).not.toContain('Tyler');
      // Tyler's challenge cannot be reached through Ava's record either.
      const tylers = await h.db
        .selectFrom('wording_challenges')
        .select('id')
        .where('record_id', '=', meetingId)
        .execute();
      expect(tylers).toHaveLength(1);
      expect((await w.school.post(`${ava}/challenges/${tylers[0]?.id}/withdraw`)).status).toBe(404);
    });
  });
});
