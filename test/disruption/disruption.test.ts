import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disruptionWorkFor } from '../../src/server/disruption/work.ts';
import {
  type Cast,
  cast,
  counts,
  daysAgo,
  newChild,
  newContext,
  personBody,
  placeBody,
  yearsAgo,
} from '../contexts/fixtures.ts';
import { describeDatabase } from '../support/database.ts';
import { Harness } from '../support/harness.ts';

const daysAhead = (n: number) => daysAgo(-n);

describe(`the disruption tracker (${describeDatabase()})`, () => {
  let h: Harness;
  let c: Cast;
  let child: string;
  let adult: string;
  let seventeen: string;
  let takeaway: string;

  beforeAll(async () => {
    h = await Harness.start();
    c = await cast(h);
    child = await newChild(c.cscC, { dateOfBirth: yearsAgo(14) });
    adult = await newContext(c.intelC, personBody({ dateOfBirth: yearsAgo(31) }));
    seventeen = await newContext(
      c.intelC,
      personBody({ name: 'Rory Dunmore', aliases: [], phones: [], dateOfBirth: yearsAgo(17) }),
    );
    takeaway = await newContext(c.intelC, placeBody());
    await c.managerC.post(`/api/children/${child}/professionals`, { userId: c.csc.id, kind: 'lead_worker' });
  }, 180_000);
  afterAll(() => h?.close());

  const cawn = (overrides: Record<string, unknown> = {}) => ({
    measure: 'cawn',
    targetId: adult,
    protectedChildIds: [child],
    applicant: 'police',
    status: 'issued',
    issuedOn: daysAgo(3),
    sensitivity: 'standard',
    ...overrides,
  });
  const shpo = (overrides: Record<string, unknown> = {}) => ({
    measure: 'shpo',
    targetId: adult,
    protectedChildIds: [child],
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
    ...overrides,
  });

  it('refuses a CAWN for a 17-year-old subject, naming the rule, and saves nothing', async () => {
    const before = await counts(h);
    const res = await c.intelC.post('/api/disruptions', cawn({ targetId: seventeen }));
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain('[cawn.subject-18-or-over]');
    expect(res.json.error.message).toContain('17');
    expect(await counts(h)).toEqual(before);
  });

  it('refuses an order that expires before it was issued, naming the rule, and saves nothing', async () => {
    const before = await counts(h);
    const res = await c.intelC.post(
      '/api/disruptions',
      shpo({ issuedOn: daysAgo(10), expiresOn: daysAgo(20) }),
    );
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain('[disruption.expiry-after-issue]');
    expect(res.json.error.fields[0].path).toBe('expiresOn');
    const wrongTarget = await c.intelC.post('/api/disruptions', cawn({ targetId: takeaway }));
    expect(wrongTarget.status).toBe(400);
    expect(wrongTarget.json.error.message).toContain('[disruption.target-kind]');
    const noChild = await c.intelC.post('/api/disruptions', cawn({ protectedChildIds: [] }));
    expect(noChild.json.error.message).toContain('[disruption.named-child]');
    expect(await counts(h)).toEqual(before);
  });

  it('records an eligible CAWN; the lifecycle and breaches follow the domain’s rules', async () => {
    const res = await c.intelC.post('/api/disruptions', cawn());
    expect(res.status).toBe(201);
    const d = res.json.disruption;
    expect(d).toMatchObject({
      measure: 'cawn',
      status: 'issued',
      target: { id: adult },
      protectedChildren: [{ id: child }],
    });
    expect(d.eligibility.eligible).toBe(true);
    expect(d.nextStatuses.map((s: { id: string }) => s.id)).toContain('served');

    const early = await c.intelC.post(`/api/disruptions/${d.id}/breaches`, {
      date: daysAgo(5),
      description: 'Seen with the child outside school',
    });
    expect(early.status).toBe(400);
    expect(early.json.error.message).toContain('[disruption.breach-after-issue]');
    const served = await c.intelC.post(`/api/disruptions/${d.id}/status`, { to: 'served', on: daysAgo(2) });
    expect(served.status).toBe(200);
    const back = await c.intelC.post(`/api/disruptions/${d.id}/status`, { to: 'requested' });
    expect(back.status).toBe(400);
    expect(back.json.error.message).toContain('[disruption.status-transition]');
    const breach = await c.intelC.post(`/api/disruptions/${d.id}/breaches`, {
      date: daysAgo(1),
      description: 'Seen with the child outside school',
    });
    expect(breach.status).toBe(201);
    const breachId = breach.json.disruption.breaches[0].id;
    let work = await disruptionWorkFor(h.db, {
      userId: c.intel.id,
      agencyId: c.intel.agencyId,
      agencyType: 'police',
      roles: ['intelligence_officer'],
      teamIds: [],
    });
    expect(work.breachesAwaitingResponse.map((b) => b.breachId)).toContain(breachId);
    const responded = await c.intelC.patch(`/api/disruptions/${d.id}/breaches/${breachId}`, {
      response: 'Arrested for child abduction; charged',
    });
    expect(responded.json.disruption.breaches[0].response).toMatch(/Arrested/);
    work = await disruptionWorkFor(h.db, {
      userId: c.intel.id,
      agencyId: c.intel.agencyId,
      agencyType: 'police',
      roles: ['intelligence_officer'],
      teamIds: [],
    });
    expect(work.breachesAwaitingResponse).toEqual([]);
    const completed = await c.intelC.post(`/api/disruptions/${d.id}/status`, { to: 'completed' });
    expect(completed.status).toBe(400);
    expect(completed.json.error.message).toContain('[disruption.outcome-required]');
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', d.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['disruption.created', 'disruption.status_changed']);
  });

  it('a proposal may wait for facts; requesting it needs every rule to pass', async () => {
    const proposed = await c.intelC.post(
      '/api/disruptions',
      shpo({
        status: 'proposed',
        requestedOn: undefined,
        issuedOn: undefined,
        expiresOn: undefined,
        facts: {},
      }),
    );
    expect(proposed.status).toBe(201);
    expect(proposed.json.disruption.eligibility.eligible).toBe(false);
    const missing = proposed.json.disruption.eligibility.failures.map(
      (f: { rule: string; status: string }) => `${f.rule}:${f.status}`,
    );
    expect(missing).toContain('shpo.conviction-or-caution:unknown');
    const id = proposed.json.disruption.id;
    const requested = await c.intelC.post(`/api/disruptions/${id}/status`, { to: 'requested' });
    expect(requested.status).toBe(400);
    expect(requested.json.error.message).toContain('[shpo.conviction-or-caution]');
    const facts = await c.intelC.patch(`/api/disruptions/${id}`, { facts: shpo().facts });
    expect(facts.status).toBe(200);
    expect(facts.json.disruption.eligibility.eligible).toBe(true);
    expect((await c.intelC.post(`/api/disruptions/${id}/status`, { to: 'requested' })).status).toBe(200);
  });

  it('puts expiring orders on the owner’s and the protected children’s lead workers’ work lists', async () => {
    const res = await c.intelC.post('/api/disruptions', shpo());
    expect(res.status).toBe(201);
    const id = res.json.disruption.id;
    const mine = await c.intelC.get('/api/disruptions/work');
    const item = mine.json.expiring.find((x: { disruption: { id: string } }) => x.disruption.id === id);
    expect(item).toMatchObject({ daysLeft: 10, overdue: false, why: ['You own it'] });
    const lead = await c.cscC.get('/api/disruptions/work');
    const theirs = lead.json.expiring.find((x: { disruption: { id: string } }) => x.disruption.id === id);
    expect(theirs.why[0]).toMatch(/^You work with .*, whom it protects$/);
    const other = await c.policeC.get('/api/disruptions/work');
    expect(other.json.expiring).toEqual([]);
    const soonOnly = await c.intelC.get('/api/disruptions/work?days=5');
    expect(soonOnly.json.expiring.map((x: { disruption: { id: string } }) => x.disruption.id)).not.toContain(
      id,
    );
  });

  it('names an order’s target only to those who may see it, on the record, the list and the work list', async () => {
    // An order the lead worker may read (it protects their child, and is labelled standard) against a
    // person of concern known only to police intelligence.
    const covert = await newContext(
      c.intelC,
      personBody({
        name: 'Quillon Marsh',
        aliases: [],
        phones: [],
        dateOfBirth: yearsAgo(38),
        sensitivity: 'police_intelligence',
      }),
    );
    const res = await c.intelC.post('/api/disruptions', shpo({ targetId: covert }));
    expect(res.status).toBe(201);
    const id = res.json.disruption.id;
    expect((await c.intelC.get(`/api/disruptions/${id}`)).json.disruption.target).toMatchObject({
      id: covert,
      name: 'Quillon Marsh',
    });

    const record = await c.cscC.get(`/api/disruptions/${id}`);
    expect(record.status).toBe(200);
    expect(record.json.disruption.target).toBeNull();
    const listed = await c.cscC.get(`/api/disruptions?childId=${child}`);
    const summary = listed.json.disruptions.find((x: { id: string }) => x.id === id);
    expect(summary.target).toBeNull();
    const work = await c.cscC.get('/api/disruptions/work');
    const item = work.json.expiring.find((x: { disruption: { id: string } }) => x.disruption.id === id);
    expect(item.disruption.target).toBeNull();
    for (const body of [record.text, listed.text, work.text]) {
      expect(body).not.toContain('Quillon');
      expect(body).not.toContain(covert);
    }
  });

  it('checks eligibility without saving, for the form', async () => {
    const before = await counts(h);
    const res = await c.intelC.post(
      '/api/disruption/eligibility',
      cawn({ targetId: seventeen, status: 'proposed' }),
    );
    expect(res.status).toBe(200);
    expect(res.json.eligibility.failures[0].rule).toBe('cawn.subject-18-or-over');
    const attention = await c.intelC.post(
      '/api/disruption/eligibility',
      cawn({
        measure: 'increased_police_attention',
        targetId: seventeen,
        protectedChildIds: [],
        status: 'proposed',
        issuedOn: undefined,
      }),
    );
    expect(attention.json.eligibility.eligible).toBe(true);
    expect(attention.json.eligibility.readyToApply).toBe(false);
    expect(attention.json.eligibility.requirements.map((r: { rule: string }) => r.rule)).toContain(
      'child-subject.welfare-first',
    );
    expect(await counts(h)).toEqual(before);
    const reference = await c.cscC.get('/api/disruption/reference');
    expect(reference.json.measures).toHaveLength(17);
    expect(
      reference.json.measures.flatMap((m: { rules: unknown[] }) => m.rules).length,
    ).toBeGreaterThanOrEqual(56);
  });

  it('401 without a session, 400 for bad input, 403 without the right, 404 for what the viewer cannot see', async () => {
    const hidden = await newContext(
      c.intelC,
      personBody({ name: 'Covert Subject', aliases: [], phones: [], sensitivity: 'police_intelligence' }),
    );
    const before = await counts(h);
    expect((await h.client().post('/api/disruptions', cawn())).status).toBe(401);
    expect((await h.client().get('/api/disruptions/work')).status).toBe(401);
    expect((await c.intelC.post('/api/disruptions', { ...cawn(), measure: 'banishment' })).status).toBe(400);
    // A youth worker with no part in the child's case.
    const youth = await c.youthC.post('/api/disruptions', cawn());
    expect(youth.status).toBe(404);
    // A children's social care practitioner may see the child but not record disruption for them…
    const csc = await c.cscC.post(
      '/api/disruptions',
      cawn({
        protectedChildIds: [],
        targetId: takeaway,
        measure: 'premises_closure',
        applicant: 'local_authority',
        status: 'proposed',
      }),
    );
    expect(csc.status).toBe(403);
    const onHidden = await c.managerC.post('/api/disruptions', cawn({ targetId: hidden }));
    expect(onHidden.status).toBe(404);
    expect(onHidden.json.error.message).toContain('[disruption.target-visible]');
    expect(await counts(h)).toEqual(before);
    const secret = await c.intelC.post(
      '/api/disruptions',
      cawn({ sensitivity: 'police_intelligence', status: 'proposed', issuedOn: undefined }),
    );
    expect(secret.status).toBe(201);
    expect((await c.managerC.get(`/api/disruptions/${secret.json.disruption.id}`)).status).toBe(404);
    expect((await c.intelC.get(`/api/disruptions/${secret.json.disruption.id}`)).status).toBe(200);
    expect((await c.intelC.get(`/api/disruptions/${randomUUID()}`)).status).toBe(404);
    const listed = await c.managerC.get(`/api/disruptions?childId=${child}`);
    expect(listed.json.disruptions.map((x: { id: string }) => x.id)).not.toContain(secret.json.disruption.id);
  });
});
