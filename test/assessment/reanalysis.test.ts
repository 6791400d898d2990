import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  missingEpisodeEvents,
  reanalysesDueFor,
  reanalysisFor,
} from '../../src/server/assessment/reanalysis.ts';
import { labelsFor, relationshipTo } from '../../src/server/children/access.ts';
import { loadSignedInUser, viewerOf } from '../../src/server/http/access.ts';
import { childBody, createChild, daysAgo, daysAhead, referralBody } from '../children/fixtures.ts';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness, type TestUser } from '../support/harness.ts';
import { completeRaf, rafDraft } from './helpers.ts';

const DAY = 86_400_000;

describe(`re-analysis when things change (${describeDatabase()})`, () => {
  let h: Harness;
  let worker: TestUser;
  let manager: TestUser;
  let csc: Client;
  let mgr: Client;
  let police: Client;
  let policeUser: TestUser;
  let childId: string;
  let entryId: string;

  const triggers = async (c: Client) => {
    const res = await c.get(`/api/children/${childId}/reanalysis`);
    expect(res.status, res.text).toBe(200);
    return res.json as { due: boolean; overdue: boolean; reasons: { trigger: string; summary?: string }[] };
  };

  beforeAll(async () => {
    h = await Harness.start();
    const agencyId = await h.agency('childrens_social_care');
    const team = await h.team(agencyId, 'Child Exploitation Team');
    worker = await h.user(['practitioner'], 'childrens_social_care', { name: 'Rowan Lake', teamIds: [team] });
    manager = await h.user(['manager'], 'childrens_social_care', { name: 'Casey Moor', teamIds: [team] });
    policeUser = await h.user(['practitioner'], 'police', { name: 'PC Sam Ferris' });
    csc = await h.signedIn(worker);
    mgr = await h.signedIn(manager);
    police = await h.signedIn(policeUser);
    childId = (await createChild(csc, childBody({ givenName: 'Kai', familyName: 'Underwood', knownAs: [] })))
      .id;
    for (const [u, kind] of [
      [worker, 'lead_worker'],
      [policeUser, 'involved_professional'],
    ] as const) {
      expect((await mgr.post(`/api/children/${childId}/professionals`, { userId: u.id, kind })).status).toBe(
        201,
      );
    }
    const entry = await csc.post(`/api/children/${childId}/chronology`, {
      occurredAt: `${daysAgo(2)}T09:00:00Z`,
      title: 'Found in another town with a new phone',
      summary: 'Police found him 20 miles away with cash and a second phone.',
      source: 'Police incident log',
      verification: 'verified',
    });
    entryId = entry.json.id;
  });
  afterAll(() => h.close());

  it('nothing is due before a first analysis, and nothing straight after one', async () => {
    expect((await h.client().get(`/api/children/${childId}/reanalysis`)).status).toBe(401);
    expect((await triggers(csc)).due).toBe(false);
    await completeRaf(csc, childId, rafDraft(entryId));
    const status = await triggers(csc);
    expect(status).toMatchObject({ due: false, overdue: false, reasons: [] });
  });

  it('new information in the chronology makes it due — for those who may see it', async () => {
    await police.post(`/api/children/${childId}/chronology`, {
      occurredAt: new Date().toISOString(),
      title: 'Intelligence: seen with older males at the station',
      summary: 'Seen at Fernbridge station with two males aged about 25.',
      source: 'Police intelligence log',
      verification: 'unverified',
      sensitivity: 'police_intelligence',
    });
    // The lead worker may not see police intelligence: nothing is revealed to them by the reasons.
    expect((await triggers(csc)).due).toBe(false);
    const forPolice = await triggers(police);
    expect(forPolice.due).toBe(true);
    expect(forPolice.reasons.map((r) => r.trigger)).toEqual(['new_intelligence']);

    await csc.post(`/api/children/${childId}/chronology`, {
      occurredAt: new Date().toISOString(),
      title: 'School: absent three days',
      summary: 'Absent Monday to Wednesday; not at home either.',
      source: 'Attendance officer',
    });
    expect((await triggers(csc)).reasons.map((r) => r.trigger)).toEqual(['new_intelligence']);
  });

  it('a new address, a placement, new harm and a new referral each make it due', async () => {
    const address = await csc.post(`/api/children/${childId}/addresses`, {
      line1: '4 Heron Court',
      town: 'Fernbridge',
      postcode: 'FB2 7QT',
      fromDate: daysAgo(0),
    });
    expect(address.status, address.text).toBe(201);
    expect((await triggers(csc)).reasons.map((r) => r.trigger)).toContain('address_change');

    const placed = await mgr.post(`/api/children/${childId}/statutory-statuses`, {
      status: 'looked_after',
      startedOn: daysAgo(0),
      reason: 'Placed with foster carers for his safety.',
    });
    expect(placed.status, placed.text).toBe(201);
    expect((await triggers(csc)).reasons.map((r) => r.trigger)).toContain('placement_change');

    const flag = await csc.post(`/api/children/${childId}/flags`, {
      kind: 'criminal',
      powerImbalance: 'Adults aged about 25 control where he goes and hold his phone.',
      exchange: {
        what: 'Cash and trainers; the adults gain from drug sales',
        gainedBy: ['child', 'perpetrator'],
      },
      ageUnder18: true,
      setting: 'both',
      harmStatus: 'known',
      harmRationale: 'He told his worker the adults make him carry drugs.',
    });
    expect(flag.status, flag.text).toBe(201);
    expect((await triggers(csc)).reasons.map((r) => r.trigger)).toContain('new_harm_recorded');

    const { child: _child, ...rest } = referralBody();
    const referral = await csc.post('/api/referrals', { ...rest, childId });
    expect(referral.status, referral.text).toBe(201);
    const status = await triggers(csc);
    expect(status.reasons.map((r) => r.trigger)).toContain('new_referral');
    expect(status.due).toBe(true);
    // New harm asks for a new analysis within a day: not overdue yet.
    expect(status.overdue).toBe(false);
  });

  it('a missing episode makes it due, read from the missing episodes table only if there is one', async () => {
    await sql`
      INSERT INTO missing_episodes (child_id, config_version, reported_at, reported_by, missing_from_kind,
        protocol_category, recorded_by, recorded_agency_id)
      VALUES (${childId}, '2025.1', now(), '{"name": "Foster carer"}', 'home', 'missing', ${worker.id},
        ${worker.agencyId})
    `.execute(h.db);
    expect((await triggers(csc)).reasons.map((r) => r.trigger)).toContain('missing_episode');
    expect(await missingEpisodeEvents(h.db, childId)).toHaveLength(1);
    // Without the table (a database where that capability is not installed) there is simply nothing to count.
    await expect(
      h.db.transaction().execute(async (trx) => {
        await sql`ALTER TABLE missing_episodes RENAME TO missing_episodes_elsewhere`.execute(trx);
        expect(await missingEpisodeEvents(trx, childId)).toEqual([]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await missingEpisodeEvents(h.db, childId)).toHaveLength(1);
  });

  it('review dates fall due on the cadence, and the plan’s review date brings them forward', async () => {
    const user = await loadSignedInUser(h.db, worker.id);
    const viewer = viewerOf(user as NonNullable<typeof user>);
    const found = await relationshipTo(h.db, viewer, childId);
    const labels = labelsFor(viewer, found?.rel as NonNullable<typeof found>['rel']);
    // The last analysis was "significant": reviewed every month. Long after, the review date is a reason and
    // the earliest deadlines have passed.
    const later = await reanalysisFor(h.db, childId, labels, new Date(Date.now() + 40 * DAY));
    expect(later.reasons.map((r) => r.trigger)).toContain('review_date');
    expect(later.overdue).toBe(true);

    const plan = await csc.post(`/api/children/${childId}/plans`, {
      reviewDate: daysAhead(10),
      sections: {
        disruption_and_investigation: {
          objectives: [
            {
              id: 'o-cawn',
              aim: 'Police serve a Child Abduction Warning Notice on the adults who control where he goes.',
              owner: { name: 'PC Sam Ferris' },
              agency: { name: 'Fernbridge Police' },
              dueDate: daysAhead(7),
              status: { status: 'not_started' },
            },
          ],
        },
      },
    });
    expect(plan.status, plan.text).toBe(201);
    const inTwelveDays = await reanalysisFor(h.db, childId, labels, new Date(Date.now() + 12 * DAY));
    expect(inTwelveDays.reasons.filter((r) => r.trigger === 'review_date').map((r) => r.summary)).toEqual([
      'The plan’s review date',
    ]);
  });

  it('due re-analyses appear on the worker’s and the team manager’s lists of work', async () => {
    const mine = await reanalysesDueFor(h.db, {
      userId: worker.id,
      agencyId: worker.agencyId,
      agencyType: 'childrens_social_care',
      roles: ['practitioner'],
      teamIds: [],
    });
    expect(mine.map((m) => [m.child.name, m.via])).toEqual([['Kai Underwood', 'allocated']]);
    expect(mine[0]?.reasons.length).toBeGreaterThan(0);
    const user = await loadSignedInUser(h.db, manager.id);
    const managed = await reanalysesDueFor(h.db, viewerOf(user as NonNullable<typeof user>));
    expect(managed.map((m) => [m.child.name, m.via])).toEqual([['Kai Underwood', 'team']]);
    // Someone with nothing to do with the child sees nothing.
    const stranger = await h.user(['practitioner'], 'health', { name: 'Jo Strand' });
    expect(
      await reanalysesDueFor(h.db, {
        userId: stranger.id,
        agencyId: stranger.agencyId,
        agencyType: 'health',
        roles: ['practitioner'],
        teamIds: [],
      }),
    ).toEqual([]);
  });
});
