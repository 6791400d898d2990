import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekName, statsRange, ukDate, weekStartOf } from '../../src/server/language/counts.ts';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness, type TestUser } from '../support/harness.ts';

interface StatsRow {
  agency: { id: string; name: string };
  team: { id: string; name: string } | null;
  week: string;
  ruleId: string;
  family: string | null;
  flagged: number;
  accepted: number;
}

describe('language statistics: ISO weeks in UK time', () => {
  it('names weeks as ISO 8601 does, across year ends', () => {
    expect(weekStartOf('2025-01-15')).toBe('2025-01-13');
    expect(weekStartOf('2025-01-19')).toBe('2025-01-13'); // a Sunday belongs to the week before
    expect(isoWeekName('2025-01-13')).toBe('2025-W03');
    expect(isoWeekName(weekStartOf('2024-12-30'))).toBe('2025-W01');
    expect(isoWeekName(weekStartOf('2021-01-03'))).toBe('2020-W53');
    expect(isoWeekName(weekStartOf('2026-12-31'))).toBe('2026-W53');
  });

  it('reads the date in UK time: late on a summer Sunday is still Sunday', () => {
    expect(ukDate(new Date('2025-07-13T22:30:00Z'))).toBe('2025-07-13');
    expect(ukDate(new Date('2025-07-13T23:30:00Z'))).toBe('2025-07-14');
    expect(ukDate(new Date('2025-01-12T23:30:00Z'))).toBe('2025-01-12');
  });

  it('covers whole weeks, and refuses a period backwards or too long', () => {
    expect(statsRange({ from: '2025-01-15', to: '2025-01-29' }).weeks.map((w) => w.week)).toEqual([
      '2025-W03',
      '2025-W04',
      '2025-W05',
    ]);
    expect(() => statsRange({ from: '2025-02-01', to: '2025-01-01' })).toThrow(
      /from: must be on or before to/,
    );
    expect(() => statsRange({ from: '2020-01-01', to: '2025-01-01' })).toThrow(
      /from: the period can be at most/,
    );
    expect(statsRange({}).weeks.length).toBe(12);
  });
});

describe(`language statistics (${describeDatabase()})`, () => {
  let h: Harness;
  let outreach: string;
  let frontDoor: string;
  const people: Record<string, TestUser> = {};
  const clients: Record<string, Client> = {};

  beforeAll(async () => {
    h = await Harness.start();
    const csc = await h.agency('childrens_social_care', 'Statsbridge Children’s Services');
    outreach = await h.team(csc, 'Outreach Team');
    frontDoor = await h.team(csc, 'Front Door Team');
    const agency = { agencyName: 'Statsbridge Children’s Services' };
    people.ana = await h.user(['practitioner'], 'childrens_social_care', {
      ...agency,
      teamIds: [outreach],
      name: 'Ana Writewell',
    });
    people.ben = await h.user(['practitioner'], 'childrens_social_care', {
      ...agency,
      teamIds: [outreach],
      name: 'Ben Notetaker',
    });
    people.cat = await h.user(['practitioner'], 'childrens_social_care', {
      ...agency,
      teamIds: [frontDoor],
      name: 'Cat Screener',
    });
    people.dev = await h.user(['practitioner'], 'childrens_social_care', { ...agency, name: 'Dev Teamless' });
    people.manager = await h.user(['manager'], 'childrens_social_care', {
      ...agency,
      teamIds: [outreach],
      name: 'Mo Manager',
    });
    people.analyst = await h.user(['analyst'], 'other', { name: 'Al Analyst' });
    people.admin = await h.user(['administrator'], 'other', { name: 'Ada Admin' });
    for (const [key, user] of Object.entries(people)) clients[key] = await h.signedIn(user);

    const check = (who: string, text: string) => clients[who]?.post('/api/language/check', { text });
    await check('ana', 'She is hard to engage and is putting herself at risk.');
    await check('ben', 'He is hard to engage.');
    await clients.ben?.post('/api/language/suggestions/accepted', { ruleId: 'hard-to-engage' });
    await check('cat', 'She absconded from the unit.');
    await check('dev', 'She is hard to engage.');
  });
  afterAll(() => h?.close());

  it('counts flagged words and suggestions taken up by team, week and rule', async () => {
    for (const who of ['manager', 'analyst', 'admin']) {
      const res = await clients[who]?.get('/api/language/stats');
      expect(res?.status, who).toBe(200);
      const body = res?.json;
      const thisWeek = weekStartOf(ukDate(new Date()));
      expect(body.to).toBe(thisWeek);
      expect(body.weeks).toHaveLength(12);
      expect(body.weeks.at(-1)).toEqual({ week: isoWeekName(thisWeek), weekStart: thisWeek });
      const summary = (body.rows as StatsRow[]).map((r) => [
        r.team?.name ?? `(${r.agency.name})`,
        r.week,
        r.ruleId,
        r.family,
        r.flagged,
        r.accepted,
      ]);
      expect(summary).toEqual(
        expect.arrayContaining([
          ['Outreach Team', isoWeekName(thisWeek), 'hard-to-engage', 'engagement', 2, 1],
          ['Outreach Team', isoWeekName(thisWeek), 'putting-self-at-risk', 'responsibility', 1, 0],
          ['Front Door Team', isoWeekName(thisWeek), 'absconded', 'criminalising', 1, 0],
          ['(Statsbridge Children’s Services)', isoWeekName(thisWeek), 'hard-to-engage', 'engagement', 1, 0],
        ]),
      );
      expect(summary).toHaveLength(4);
    }
  });

  it('never names a practitioner, nor carries anyone’s id or email', async () => {
    const res = await clients.manager?.get('/api/language/stats');
    const text = JSON.stringify(res?.json);
    for (const person of Object.values(people)) {
      expect(text).not.toContain(person.name);
      expect(text).not.toContain(person.id);
      expect(text).not.toContain(person.email);
    }
    for (const row of res?.json.rows ?? []) {
      expect(Object.keys(row).sort()).toEqual([
        'accepted',
        'agency',
        'family',
        'flagged',
        'ruleId',
        'team',
        'week',
        'weekStart',
      ]);
    }
  });

  it('filters by period: weeks with nothing counted are listed, with no rows', async () => {
    const res = await clients.analyst?.get('/api/language/stats?from=2024-01-01&to=2024-01-31');
    expect(res?.status).toBe(200);
    expect(res?.json.from).toBe('2024-01-01');
    expect(res?.json.to).toBe('2024-01-29');
    expect(res?.json.weeks.map((w: { week: string }) => w.week)).toEqual([
      '2024-W01',
      '2024-W02',
      '2024-W03',
      '2024-W04',
      '2024-W05',
    ]);
    expect(res?.json.rows).toEqual([]);
  });

  it('refuses a bad period, naming the field (400)', async () => {
    for (const [query, path] of [
      ['from=yesterday', 'from'],
      ['to=2024-02-30', 'to'],
      ['from=2024-03-01&to=2024-01-01', 'from'],
      ['colour=red', 'colour'],
    ]) {
      const res = await clients.analyst?.get(`/api/language/stats?${query}`);
      expect(res?.status, query).toBe(400);
      expect(
        res?.json.error.fields.map((f: { path: string }) => f.path),
        query,
      ).toEqual([path]);
    }
  });

  it('is not for practitioners (403, audited) nor for anyone signed out (401)', async () => {
    const res = await clients.ana?.get('/api/language/stats');
    expect(res?.status).toBe(403);
    const denied = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'access.denied')
      .where('actor_user_id', '=', people.ana?.id ?? '')
      .execute();
    expect(denied).toHaveLength(1);
    expect((await h.client().get('/api/language/stats')).status).toBe(401);
  });
});
