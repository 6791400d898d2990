import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../../src/domain/language/index.ts';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness } from '../support/harness.ts';
import { countsOf, tablesHolding } from './helpers.ts';

const SENTENCE = 'She is putting herself at risk with her boyfriend who is 24';

describe(`language: checking text (${describeDatabase()})`, () => {
  let h: Harness;
  let writer: Client;

  beforeAll(async () => {
    h = await Harness.start();
    writer = await h.signedIn(await h.user(['practitioner'], 'childrens_social_care'));
  });
  afterAll(() => h?.close());

  it('reports what the library finds, with positions, reasons, sources and suggestions', async () => {
    const res = await writer.post('/api/language/check', { text: SENTENCE });
    expect(res.status).toBe(200);
    const expected = checkText(SENTENCE);
    expect(res.json.lexiconVersion).toBe(expected.lexiconVersion);
    expect(res.json.findings).toEqual(expected.findings.map((f) => ({ ...f, key: `${f.ruleId}#1` })));
    expect(res.json.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual([
      'putting-self-at-risk',
      'boyfriend-girlfriend',
    ]);
    const [first] = res.json.findings;
    expect(first).toMatchObject({
      start: 7,
      end: 30,
      line: 1,
      column: 8,
      endLine: 1,
      endColumn: 31,
      text: 'putting herself at risk',
      severity: 'high',
      family: 'responsibility',
    });
    expect(first.source).toMatch(/Seed 000/);
    expect(first.suggestions).toContain('is being exploited by [who]');
  });

  it('reads the child’s age from the record when the text does not give it', async () => {
    const text = 'She has been seeing her 17-year-old boyfriend.';
    const without = await writer.post('/api/language/check', { text });
    const withAge = await writer.post('/api/language/check', { text, childAge: 13 });
    expect(without.json.findings).toEqual([]);
    expect(withAge.json.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['boyfriend-girlfriend']);
  });

  it('never flags quoted speech: the child’s own words', async () => {
    const res = await writer.post('/api/language/check', {
      text: 'She said “he is my boyfriend and I am putting myself at risk, I know”.',
      field: 'note.body',
    });
    expect(res.status).toBe(200);
    expect(res.json.findings).toEqual([]);
  });

  it('gives each finding a key that stays the same as the text around it changes', async () => {
    const a = await writer.post('/api/language/check', {
      text: 'She is hard to engage. He is hard to engage.',
    });
    const b = await writer.post('/api/language/check', {
      text: 'At school on Monday she is hard to engage. He is hard to engage too.',
    });
    expect(a.json.findings.map((f: { key: string }) => f.key)).toEqual([
      'hard-to-engage#1',
      'hard-to-engage#2',
    ]);
    expect(b.json.findings.map((f: { key: string }) => f.key)).toEqual([
      'hard-to-engage#1',
      'hard-to-engage#2',
    ]);
  });

  it('refuses a request without a session (401)', async () => {
    const res = await h.client().post('/api/language/check', { text: SENTENCE });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('unauthenticated');
  });

  it('refuses a text over 100,000 characters, naming the field (400); accepts one of exactly that length', async () => {
    const tooLong = await writer.post('/api/language/check', { text: 'a'.repeat(100_001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error.code).toBe('validation_failed');
    expect(tooLong.json.error.fields).toEqual([
      { path: 'text', message: 'must be at most 100000 characters' },
    ]);

    const longest = await writer.post('/api/language/check', {
      text: `${'The plan was reviewed. '.repeat(4347)}She is hard to engage.`.slice(-100_000),
    });
    expect(longest.status).toBe(200);
  });

  it('refuses other bad input, naming the field (400)', async () => {
    for (const [body, path] of [
      [{}, 'text'],
      [{ text: 1 }, 'text'],
      [{ text: 'x', childAge: -1 }, 'childAge'],
      [{ text: 'x', childAge: 12.5 }, 'childAge'],
      [{ text: 'x', field: 'a field with spaces' }, 'field'],
      [{ text: 'x', extra: true }, 'extra'],
    ] as const) {
      const res = await writer.post('/api/language/check', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.fields.map((f: { path: string }) => f.path)).toEqual([path]);
    }
  });

  it('stores nothing of the text: no table holds it, not even the audit log', async () => {
    const marker = `Zephyrine Quillfeather ${Date.now()}`;
    const text = `${marker} is putting herself at risk with her boyfriend who is 24. Her address is 4 Larkspur Row.`;
    const res = await writer.post('/api/language/check', { text });
    expect(res.status).toBe(200);
    expect(res.json.findings.length).toBe(2);
    expect(await tablesHolding(h.db, ['Zephyrine', 'Quillfeather', 'Larkspur', 'putting herself'])).toEqual(
      [],
    );
    // The search does find what is stored: the rule was counted.
    expect(await tablesHolding(h.db, ['putting-self-at-risk'])).toEqual(['language_counts']);
  });

  it('counts each finding once for the writer’s team and week, however often the text is checked', async () => {
    const teamAgency = await h.agency('health', 'Counting Health Trust');
    const teamId = await h.team(teamAgency, 'Sexual Health Outreach');
    const member = await h.user(['practitioner'], 'health', {
      agencyName: 'Counting Health Trust',
      teamIds: [teamId],
    });
    const c = await h.signedIn(member);

    // As the person types, the assistant checks again and again, passing the keys it has seen.
    const seen: string[] = [];
    for (const text of [
      'She is hard to',
      'She is hard to engage',
      'She is hard to engage and keeps going missing',
    ]) {
      const res = await c.post('/api/language/check', { text, seen });
      for (const f of res.json.findings) if (!seen.includes(f.key)) seen.push(f.key);
    }
    expect(seen).toEqual(['hard-to-engage#1', 'keeps-going-back#1']);
    expect(await countsOf(h.db, { teamId })).toEqual([
      { rule_id: 'hard-to-engage', flagged: 1, accepted: 0 },
      { rule_id: 'keeps-going-back', flagged: 1, accepted: 0 },
    ]);

    // A check without `seen` (another client, a one-off check) counts what it finds.
    await c.post('/api/language/check', { text: 'She is hard to engage.' });
    expect((await countsOf(h.db, { teamId }))[0]).toEqual({
      rule_id: 'hard-to-engage',
      flagged: 2,
      accepted: 0,
    });

    // Counted under the first team, with no trace of who.
    const rows = await sql<
      Record<string, unknown>
    >`SELECT * FROM language_counts WHERE team_id = ${teamId}`.execute(h.db);
    for (const row of rows.rows) {
      expect(Object.keys(row).sort()).toEqual([
        'accepted',
        'agency_id',
        'flagged',
        'rule_id',
        'team_id',
        'week_start',
      ]);
      expect(JSON.stringify(row)).not.toContain(member.id);
    }
  });

  it('counts a suggestion taken up, and refuses a rule that is not in the lexicon', async () => {
    const agencyId = await h.agency('education', 'Counting Academy');
    const teacher = await h.user(['referrer'], 'education', { agencyName: 'Counting Academy' });
    const c = await h.signedIn(teacher);
    await c.post('/api/language/check', { text: 'She is hard to engage.' });
    const accepted = await c.post('/api/language/suggestions/accepted', { ruleId: 'hard-to-engage' });
    expect(accepted.status).toBe(204);
    // Someone in no team is counted under their agency.
    expect(await countsOf(h.db, { agencyId, teamId: null })).toEqual([
      { rule_id: 'hard-to-engage', flagged: 1, accepted: 1 },
    ]);

    const unknown = await c.post('/api/language/suggestions/accepted', { ruleId: 'no-such-rule' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.fields).toEqual([
      { path: 'ruleId', message: 'is not a rule in the lexicon in force' },
    ]);
    const malformed = await c.post('/api/language/suggestions/accepted', { ruleId: 'Not A Rule' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.fields[0].path).toBe('ruleId');
    expect(
      (await h.client().post('/api/language/suggestions/accepted', { ruleId: 'hard-to-engage' })).status,
    ).toBe(401);
  });

  it('counts every check when many arrive at once', async () => {
    const agencyId = await h.agency('youth_justice', 'Parallel Youth Justice');
    const c = await h.signedIn(
      await h.user(['practitioner'], 'youth_justice', { agencyName: 'Parallel Youth Justice' }),
    );
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        c.post('/api/language/check', { text: 'She keeps going missing and is hard to engage.' }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    expect(await countsOf(h.db, { agencyId, teamId: null })).toEqual([
      { rule_id: 'hard-to-engage', flagged: 12, accepted: 0 },
      { rule_id: 'keeps-going-back', flagged: 12, accepted: 0 },
    ]);
  });
});
