import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness, type TestUser } from '../support/harness.ts';
import { childBody, createChild, type People, people, snapshot } from './fixtures.ts';

const flag = {
  kind: 'criminal',
  powerImbalance: 'Adults aged about 25 control where he goes and hold his phone.',
  exchange: {
    what: 'Cash and trainers; the adults gain from drug sales',
    gainedBy: ['child', 'perpetrator'],
  },
  ageUnder18: true,
  setting: 'both',
  harmStatus: 'suspected',
  harmRationale: 'Found with cash and a second phone in another town after being missing.',
};

describe(`flags, harm status and closure (${describeDatabase()})`, () => {
  let h: Harness;
  let p: People;
  let csc: Client;
  let manager: Client;
  let otherManager: TestUser;
  let childId: string;

  beforeAll(async () => {
    h = await Harness.start();
    p = await people(h);
    csc = await h.signedIn(p.csc);
    manager = await h.signedIn(p.cscManager);
    otherManager = await h.user(['manager'], 'police', { name: 'Inspector Jo Kettering' });
    childId = (await createChild(csc, childBody({ givenName: 'Theo', familyName: 'Brightwell' }))).id;
    const lead = await manager.post(`/api/children/${childId}/professionals`, {
      userId: p.csc.id,
      kind: 'lead_worker',
    });
    expect(lead.status, lead.text).toBe(201);
  });
  afterAll(() => h.close());

  it('sets a flag against the policy definition and records harm status with who decided and when', async () => {
    const res = await csc.post(`/api/children/${childId}/flags`, flag);
    expect(res.status, res.text).toBe(201);
    const f = res.json.child.flags[0];
    expect(f.exchange.gainedBy).toEqual(['child', 'perpetrator']);
    expect(f.harmStatus).toBe('suspected');
    expect(f.harmDecidedBy.name).toBe('Priya Fernside');
    expect(res.json.child.harmStatus).toBe('suspected');

    const known = await csc.post(`/api/children/${childId}/flags/${f.id}/harm-status`, {
      harmStatus: 'known',
      rationale: 'Theo told his worker the adults make him sell drugs.',
    });
    expect(known.status).toBe(200);
    expect(known.json.child.harmStatus).toBe('known');
    expect(known.json.child.flags[0].harmHistory.map((x: { harmStatus: string }) => x.harmStatus)).toEqual([
      'suspected',
      'known',
    ]);
    // No risk level anywhere: harmed is harmed.
    expect(JSON.stringify(known.json)).not.toMatch(/high risk/i);
  });

  it('refuses a flag that names no exchange or says the child is 18 or over', async () => {
    const before = await snapshot(h);
    const noExchange = await csc.post(`/api/children/${childId}/flags`, {
      ...flag,
      exchange: { what: '', gainedBy: [] },
    });
    expect(noExchange.status).toBe(400);
    const adult = await csc.post(`/api/children/${childId}/flags`, { ...flag, ageUnder18: false });
    expect(adult.status).toBe(400);
    expect(adult.json.error.fields[0].path).toBe('ageUnder18');
    const offence = await csc.post(`/api/children/${childId}/flags`, { ...flag, offence: 'Section 48' });
    expect(offence.status).toBe(400);
    expect(await snapshot(h)).toEqual(before);
  });

  it('refuses "disengaged" as a closure reason', async () => {
    const before = await snapshot(h);
    const res = await csc.post(`/api/children/${childId}/closure`, {
      reason: 'disengaged',
      detail: 'Would not meet.',
    });
    expect(res.status).toBe(400);
    expect(res.json.error.fields[0].path).toBe('reason');
    expect(await snapshot(h)).toEqual(before);
    const reference = await csc.get('/api/reference/case-record');
    expect(JSON.stringify(reference.json.closureReasons)).not.toMatch(
      /disengag|not engaging|non-engagement/i,
    );
  });

  it('"services have not yet found a way to engage" keeps the case open with an outreach action for the lead worker', async () => {
    const res = await csc.post(`/api/children/${childId}/closure`, {
      reason: 'services_not_yet_found_a_way_to_engage',
      detail: 'Three visits, no answer.',
    });
    expect(res.status).toBe(200);
    expect(res.json.outcome).toBe('kept_open');
    expect(res.json.child.caseStatus).toBe('open');
    const work = await csc.get('/api/my-work');
    expect(
      work.json.tasks.some(
        (t: { id: string; kind: string }) => t.id === res.json.taskId && t.kind === 'outreach',
      ),
    ).toBe(true);
  });

  it('closure needs a manager: a practitioner cannot approve, a manager of the holding agency can; reopening keeps the history', async () => {
    const asked = await csc.post(`/api/children/${childId}/closure`, {
      reason: 'support_complete_child_safe',
      detail: 'Plan complete; Theo is safe and settled at college.',
    });
    expect(asked.status).toBe(200);
    expect(asked.json.child.caseStatus).toBe('closure_requested');

    const before = await snapshot(h);
    const byPractitioner = await csc.post(`/api/children/${childId}/closure/approve`, {});
    expect(byPractitioner.status).toBe(403);
    expect(await snapshot(h)).toEqual(before);
    expect((await csc.get(`/api/children/${childId}`)).json.child.caseStatus).toBe('closure_requested');

    const other = await h.signedIn(otherManager);
    // A police manager may read the record (front door) but the case is not held by their agency.
    expect((await other.post(`/api/children/${childId}/closure/approve`, {})).status).toBe(403);

    const approved = await manager.post(`/api/children/${childId}/closure/approve`, { note: 'Agreed.' });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json.child.caseStatus).toBe('closed');

    const reopened = await csc.post(`/api/children/${childId}/reopen`, {
      reason: 'New concern from college.',
    });
    expect(reopened.status).toBe(200);
    expect(reopened.json.child.caseStatus).toBe('open');
    const kinds = (await csc.get(`/api/children/${childId}/chronology`)).json.entries.map(
      (e: { kind: string }) => e.kind,
    );
    expect(kinds).toContain('closure');
    expect(kinds).toContain('reopening');
    const closures = await h.db
      .selectFrom('case_closures')
      .select(['status', 'reopened_at'])
      .where('child_id', '=', childId)
      .execute();
    expect(closures.map((c) => c.status)).toEqual(['approved']);
  });
});
