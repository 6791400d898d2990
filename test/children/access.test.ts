import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness } from '../support/harness.ts';
import { childBody, createChild, type People, people, referAndLink } from './fixtures.ts';
import { pdfText } from './pdf-text.ts';

const INTEL =
  'Intelligence log: a vehicle registered to a known adult collected the child from Fernbridge Parade';
const STANDARD = 'Seen at the youth club with a worker; seemed tired';

describe(`who sees what on a child's record (${describeDatabase()})`, () => {
  let h: Harness;
  let p: People;
  const c = {} as Record<keyof People, Client>;
  let childId: string;
  let referralId: string;

  beforeAll(async () => {
    h = await Harness.start();
    p = await people(h);
    for (const key of Object.keys(p) as (keyof People)[]) c[key] = await h.signedIn(p[key]);
    ({ referralId, childId } = await referAndLink(c.school, c.csc, {
      child: {
        givenName: 'Tia',
        familyName: 'Ravensworth',
        dateOfBirth: '2011-08-19',
        school: 'Fernbridge Academy',
      },
    }));
    // Police record intelligence on the same child; children's services record a standard event.
    const intel = await c.police.post(`/api/children/${childId}/chronology`, {
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      title: 'Vehicle sighting',
      summary: INTEL,
      source: 'Police intelligence report',
      sensitivity: 'police_intelligence',
    });
    expect(intel.status, intel.text).toBe(201);
    const standard = await c.csc.post(`/api/children/${childId}/chronology`, {
      occurredAt: new Date(Date.now() - 7_200_000).toISOString(),
      title: 'Youth club',
      summary: STANDARD,
      source: 'Youth worker, by phone',
    });
    expect(standard.status).toBe(201);
    const decided = await c.csc.post(`/api/referrals/${referralId}/decision`, {
      decision: 'strategy_discussion',
      reasons: 'School concern together with the police information.',
      feedbackToReferrer: 'Agencies will meet to plan Tia’s safety; we may contact you.',
    });
    expect(decided.status).toBe(200);
  });
  afterAll(() => h.close());

  it('a school referrer sees the status and outcome of their own referral', async () => {
    const res = await c.school.get(`/api/referrals/${referralId}`);
    expect(res.status).toBe(200);
    expect(res.json.referral.view).toBe('referrer');
    expect(res.json.referral.status).toBe('decided');
    expect(res.json.referral.outcome.decision).toBe('strategy_discussion');
    expect(res.json.referral.outcome.feedback).toMatch(/plan Tia’s safety/);
    expect(res.text).not.toContain(INTEL);
    expect(res.json.referral.reasons).toBeUndefined();
    expect(res.json.referral.child).toBeUndefined();
    const mine = await c.school.get('/api/referrals/mine');
    expect(mine.json.referrals.map((r: { id: string }) => r.id)).toContain(referralId);
  });

  it('a school referrer cannot open the child’s record, chronology or notes, and cannot search', async () => {
    expect((await c.school.get(`/api/children/${childId}`)).status).toBe(404);
    expect((await c.school.get(`/api/children/${childId}/chronology`)).status).toBe(404);
    expect((await c.school.get(`/api/children/${childId}/notes`)).status).toBe(404);
    expect((await c.school.get('/api/children?q=Ravensworth')).status).toBe(403);
  });

  it('a practitioner of an unrelated agency sees nothing: 404 on the child, absent from search and lists', async () => {
    expect((await c.housing.get(`/api/children/${childId}`)).status).toBe(404);
    expect((await c.housing.get(`/api/children/${childId}/chronology`)).status).toBe(404);
    expect((await c.housing.get(`/api/referrals/${referralId}`)).status).toBe(404);
    const search = await c.housing.get('/api/children?q=Ravensworth');
    expect(search.status).toBe(200);
    expect(search.json.children).toEqual([]);
    const matches = await c.housing.post('/api/children/matches', {
      givenName: 'Tia',
      familyName: 'Ravensworth',
      dateOfBirth: '2011-08-19',
    });
    expect(matches.json.matches).toEqual([]);
    const work = await c.housing.get('/api/my-work');
    expect(work.json.children).toEqual([]);
    expect(work.json.referralsAwaitingDecision).toEqual([]);
  });

  it('the denial of a record is audited', async () => {
    const before = await h.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'access.denied')
      .where('child_id', '=', childId)
      .execute();
    await c.health.get(`/api/children/${childId}`);
    const after = await h.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'access.denied')
      .where('child_id', '=', childId)
      .execute();
    expect(after.length).toBe(before.length + 1);
  });

  it('a police intelligence officer sees police intelligence that a children’s services practitioner does not', async () => {
    const intel = await c.intel.get(`/api/children/${childId}/chronology`);
    expect(intel.status).toBe(200);
    expect(intel.json.entries.map((e: { summary: string }) => e.summary)).toContain(INTEL);
    const csc = await c.csc.get(`/api/children/${childId}/chronology`);
    expect(csc.status).toBe(200);
    expect(csc.text).not.toContain(INTEL);
    expect(csc.json.entries.map((e: { summary: string }) => e.summary)).toContain(STANDARD);
  });

  it('an involved professional from another agency reads the record once allocated, without special category fields', async () => {
    const child = await createChild(
      c.csc,
      childBody({ givenName: 'Oren', familyName: 'Castleby', ethnicity: 'White British', religion: 'None' }),
    );
    expect(child.ethnicity).toBe('White British');
    expect((await c.housing.get(`/api/children/${child.id}`)).status).toBe(404);
    const housingManager = await h.user(['manager'], 'housing');
    const hm = await h.signedIn(housingManager);
    // A children's social care manager allocates the housing practitioner as an involved professional.
    const manager = c.cscManager;
    const alloc = await manager.post(`/api/children/${child.id}/professionals`, {
      userId: p.housing.id,
      kind: 'involved_professional',
    });
    expect(alloc.status, alloc.text).toBe(201);
    const seen = await c.housing.get(`/api/children/${child.id}`);
    expect(seen.status).toBe(200);
    // Named on the record: special category is visible to involved professionals.
    expect(seen.json.child.ethnicity).toBe('White British');
    // A colleague in the same agency (agency involved) reads the record, but not special category fields.
    const colleague = await hm.get(`/api/children/${child.id}`);
    expect(colleague.status).toBe(200);
    expect('ethnicity' in colleague.json.child).toBe(false);
    expect('religion' in colleague.json.child).toBe(false);
    const work = await c.housing.get('/api/my-work');
    expect(work.json.children.map((x: { id: string }) => x.id)).toContain(child.id);
  });

  it('a chronology PDF holds only what its reader may see', async () => {
    // The police practitioner is the lead worker here, so may export.
    await c.cscManager.post(`/api/children/${childId}/professionals`, {
      userId: p.police.id,
      kind: 'co_worker',
    });
    await c.cscManager.post(`/api/children/${childId}/professionals`, {
      userId: p.csc.id,
      kind: 'lead_worker',
    });
    const policePdf = await c.police.request('GET', `/api/children/${childId}/chronology.pdf`);
    expect(policePdf.status).toBe(200);
    expect(policePdf.headers.get('content-type')).toMatch(/application\/pdf/);
    const cscPdf = await fetchPdf(c.csc, `/api/children/${childId}/chronology.pdf`);
    const policeText = pdfText(await fetchPdf(c.police, `/api/children/${childId}/chronology.pdf`));
    const cscText = pdfText(cscPdf);
    expect(policeText).toContain('Vehicle sighting');
    expect(cscText).toContain('Youth club');
    expect(cscText).toContain('[UNVERIFIED]');
    expect(cscText).not.toContain('Vehicle sighting');
    expect(cscText).not.toContain('Fernbridge Parade');
    // The export is audited with what it held.
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'chronology.exported')
      .where('child_id', '=', childId)
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('someone who may read the record but not export it is refused the PDF', async () => {
    const res = await c.intel.request('GET', `/api/children/${childId}/chronology.pdf`);
    expect(res.status).toBe(403);
  });
});

async function fetchPdf(client: Client, path: string): Promise<Buffer> {
  const res = await fetch(client.baseUrl + path, { headers: { cookie: client.cookie ?? '' } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}
