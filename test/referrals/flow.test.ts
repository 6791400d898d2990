import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type People, people, referAndLink, referralBody, snapshot } from '../children/fixtures.ts';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness } from '../support/harness.ts';

describe(`referral → decision → status (${describeDatabase()})`, () => {
  let h: Harness;
  let p: People;
  let school: Client;
  let csc: Client;

  beforeAll(async () => {
    h = await Harness.start();
    p = await people(h);
    school = await h.signedIn(p.school);
    csc = await h.signedIn(p.csc);
  });
  afterAll(() => h.close());

  const expected = {
    no_further_action: { status: [], tasks: 1 },
    early_help_assessment: { status: ['early_help'], tasks: 2 },
    childrens_services_assessment: { status: ['child_in_need'], tasks: 3 },
    strategy_discussion: { status: [], tasks: 2 },
    immediate_police_action: { status: [], tasks: 2 },
  } as const;

  for (const [decision, want] of Object.entries(expected)) {
    it(`${decision}: records reasons, sets the status where it applies and creates the follow-on tasks`, async () => {
      const { referralId, childId } = await referAndLink(school, csc, {
        child: {
          givenName: `Kit${decision.length}`,
          familyName: `Vale-${decision}`,
          dateOfBirth: '2012-02-02',
        },
      });
      const res = await csc.post(`/api/referrals/${referralId}/decision`, {
        decision,
        reasons: 'Concerns described by the school fit the policy definition; see the referral.',
        advice:
          decision === 'no_further_action'
            ? 'Keep talking with Kit; call the front door if anything changes.'
            : undefined,
        feedbackToReferrer: 'Thank you. We have decided what happens next.',
      });
      expect(res.status, res.text).toBe(200);
      expect(res.json.referral.status).toBe('decided');
      expect(res.json.referral.outcome.decision).toBe(decision);
      expect(res.json.referral.tasks).toHaveLength(want.tasks);

      const child = await csc.get(`/api/children/${childId}`);
      expect(child.status).toBe(200);
      expect(child.json.child.statutoryStatus.current.map((s: { status: string }) => s.status)).toEqual(
        want.status,
      );

      const chronology = await csc.get(`/api/children/${childId}/chronology`);
      expect(chronology.status).toBe(200);
      const kinds = chronology.json.entries.map((e: { kind: string }) => e.kind);
      expect(kinds).toContain('referral');
      expect(kinds).toContain('screening_decision');

      // The referrer hears back: status and outcome, in the words written for them.
      const mine = await school.get(`/api/referrals/${referralId}`);
      expect(mine.status).toBe(200);
      expect(mine.json.referral.view).toBe('referrer');
      expect(mine.json.referral.outcome.feedback).toBe('Thank you. We have decided what happens next.');
      expect(mine.json.referral.reasons).toBeUndefined();
    });
  }

  it('refuses a decision without reasons, naming the field, and saves nothing', async () => {
    const { referralId } = await referAndLink(school, csc, {
      child: { givenName: 'Noor', familyName: 'Ellery', dateOfBirth: '2013-07-07' },
    });
    const before = await snapshot(h);
    const res = await csc.post(`/api/referrals/${referralId}/decision`, {
      decision: 'early_help_assessment',
      reasons: '',
      feedbackToReferrer: 'Thanks',
    });
    expect(res.status).toBe(400);
    expect(res.json.error.fields[0].path).toBe('reasons');
    expect(await snapshot(h)).toEqual(before);
  });

  it('refuses no further action without advice', async () => {
    const { referralId } = await referAndLink(school, csc, {
      child: { givenName: 'Ola', familyName: 'Brant', dateOfBirth: '2012-01-09' },
    });
    const before = await snapshot(h);
    const res = await csc.post(`/api/referrals/${referralId}/decision`, {
      decision: 'no_further_action',
      reasons: 'No current concern.',
      feedbackToReferrer: 'Thanks',
    });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/^advice:/);
    expect(await snapshot(h)).toEqual(before);
  });

  it('an immediate-danger referral says what to do now and is first in the queue', async () => {
    await school.post('/api/referrals', referralBody({ child: { givenName: 'Ruby', familyName: 'Quill' } }));
    const urgent = await school.post(
      '/api/referrals',
      referralBody({ immediateDanger: true, child: { givenName: 'Isla', familyName: 'Drover' } }),
    );
    expect(urgent.status).toBe(201);
    expect(urgent.json.whatToDoNow.title).toMatch(/police/i);
    const queue = await csc.get('/api/referrals/queue');
    expect(queue.status).toBe(200);
    expect(queue.json.referrals[0].id).toBe(urgent.json.referral.id);
    expect(queue.json.referrals[0].waiting.timescaleWorkingDays).toBe(1);
  });
});
