import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseLexicon, buildLexicon } from '../../src/domain/language/index.ts';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness } from '../support/harness.ts';

const POCKET_MONEY = {
  id: 'pocket-money-framing',
  family: 'exchange',
  severity: 'medium',
  patterns: ['earn|earns|earned|earning ...1 pocket money'],
  message: 'Money given by an adult who is abusing a child is not pocket money she earned.',
  suggestions: ['[who] gives her money as part of grooming her'],
  source: 'Fernbridge partnership practice note (fictional)',
  negation: 'adjacent',
  examples: { flagged: ['She earns pocket money from the men.'], clean: ['She earns money at the bakery.'] },
};

interface RuleView {
  id: string;
  enabled: boolean;
  origin: string;
  change: { disabled: boolean; reason: string | null } | null;
}

async function ruleIds(c: Client, text: string): Promise<{ version: string; ruleIds: string[] }> {
  const res = await c.post('/api/language/check', { text });
  expect(res.status).toBe(200);
  return {
    version: res.json.lexiconVersion,
    ruleIds: res.json.findings.map((f: { ruleId: string }) => f.ruleId),
  };
}

describe(`language: the partnership's lexicon (${describeDatabase()})`, () => {
  let h: Harness;
  let admin: Client;
  let adminId: string;
  let writer: Client;

  const languageAudit = () =>
    h.db.selectFrom('audit_log').selectAll().where('action', 'like', 'language.%').orderBy('seq').execute();
  const changeRows = () => h.db.selectFrom('language_rule_changes').selectAll().orderBy('rule_id').execute();
  const storedVersion = async () =>
    (await h.db.selectFrom('language_lexicon_state').select('version').executeTakeFirstOrThrow()).version;

  beforeAll(async () => {
    h = await Harness.start();
    const a = await h.user(['administrator'], 'other');
    adminId = a.id;
    admin = await h.signedIn(a);
    writer = await h.signedIn(await h.user(['practitioner'], 'childrens_social_care'));
  });
  afterAll(() => h?.close());

  it('lists every rule with its family, message, suggestions, source and whether it is in force', async () => {
    const res = await writer.get('/api/language/lexicon');
    expect(res.status).toBe(200);
    expect(res.json.version).toBe(baseLexicon.version);
    expect(res.json.baseVersion).toBe(baseLexicon.version);
    expect(res.json.rules.length).toBe(baseLexicon.rules.length);
    const rule = res.json.rules.find((r: RuleView) => r.id === 'absconded');
    expect(rule).toMatchObject({
      family: 'criminalising',
      familyTitle: 'Criminalising and dehumanising words',
      severity: 'medium',
      origin: 'base',
      enabled: true,
      change: null,
    });
    expect(rule.message.length).toBeGreaterThan(10);
    expect(rule.suggestions.length).toBeGreaterThan(0);
    expect(rule.source).toMatch(/Cardiff/);
    expect((await h.client().get('/api/language/lexicon')).status).toBe(401);
  });

  it('a practitioner cannot change the lexicon (403), and nothing changes', async () => {
    const before = { rows: await changeRows(), version: await storedVersion() };
    const disable = await writer.request('PUT', '/api/language/lexicon/rules/absconded/disabled', {
      disabled: true,
      reason: 'We prefer it',
    });
    expect(disable.status).toBe(403);
    const add = await writer.post('/api/language/lexicon/rules', POCKET_MONEY);
    expect(add.status).toBe(403);
    expect({ rows: await changeRows(), version: await storedVersion() }).toEqual(before);
    expect(await languageAudit()).toEqual([]);
    const denied = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'access.denied')
      .execute();
    expect(denied.map((d) => d.details.attempted)).toEqual(['agency.manage', 'agency.manage']);
    expect((await ruleIds(writer, 'She absconded from the unit.')).ruleIds).toEqual(['absconded']);
    // Without a session: 401 before anything else.
    expect(
      (
        await h
          .client()
          .request('PUT', '/api/language/lexicon/rules/absconded/disabled', { disabled: true, reason: 'x' })
      ).status,
    ).toBe(401);
  });

  it('an administrator disables a rule: the next check no longer reports it, with a new version; audited', async () => {
    const before = await ruleIds(writer, 'She absconded from the unit at 22:00.');
    expect(before).toEqual({ version: '1.0.0', ruleIds: ['absconded'] });

    const res = await admin.request('PUT', '/api/language/lexicon/rules/absconded/disabled', {
      disabled: true,
      reason: 'Our residential units use "went missing" already; the term is retired in local guidance.',
    });
    expect(res.status).toBe(200);
    const expectedVersion = buildLexicon(baseLexicon, { disabled: ['absconded'] }).version;
    expect(res.json.version).toBe(expectedVersion);
    expect(res.json.rule).toMatchObject({ id: 'absconded', enabled: false, change: { disabled: true } });

    const after = await ruleIds(writer, 'She absconded from the unit at 22:00.');
    expect(after).toEqual({ version: expectedVersion, ruleIds: [] });
    expect(after.version).not.toBe(before.version);
    const listed = await writer.get('/api/language/lexicon');
    expect(listed.json.version).toBe(expectedVersion);
    expect(listed.json.rules.find((r: RuleView) => r.id === 'absconded').enabled).toBe(false);

    const [entry] = await languageAudit();
    expect(entry).toMatchObject({
      action: 'language.rule_disabled',
      actor_user_id: adminId,
      record_type: 'language_rule',
      record_id: 'absconded',
      reason: 'Our residential units use "went missing" already; the term is retired in local guidance.',
      outcome: 'success',
    });
    expect(entry?.details).toMatchObject({
      origin: 'base',
      lexiconVersion: expectedVersion,
      previousVersion: '1.0.0',
    });
  });

  it('switching the rule back on needs a reason too, and restores the base version', async () => {
    const noReason = await admin.request('PUT', '/api/language/lexicon/rules/absconded/disabled', {
      disabled: false,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.fields).toEqual([{ path: 'reason', message: 'is required' }]);
    const blank = await admin.request('PUT', '/api/language/lexicon/rules/absconded/disabled', {
      disabled: false,
      reason: '   ',
    });
    expect(blank.json.error.fields).toEqual([{ path: 'reason', message: 'must not be empty' }]);

    const res = await admin.request('PUT', '/api/language/lexicon/rules/absconded/disabled', {
      disabled: false,
      reason: 'The board asked for it back.',
    });
    expect(res.status).toBe(200);
    expect(res.json.version).toBe('1.0.0');
    expect(await ruleIds(writer, 'She absconded.')).toEqual({ version: '1.0.0', ruleIds: ['absconded'] });
    expect((await languageAudit()).map((e) => e.action)).toEqual([
      'language.rule_disabled',
      'language.rule_enabled',
    ]);
  });

  it('an unknown rule is not found (404), and a malformed id is refused (400)', async () => {
    const unknown = await admin.request('PUT', '/api/language/lexicon/rules/no-such-rule/disabled', {
      disabled: true,
      reason: 'Typo',
    });
    expect(unknown.status).toBe(404);
    const malformed = await admin.request('PUT', '/api/language/lexicon/rules/Not_A_Rule/disabled', {
      disabled: true,
      reason: 'Typo',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.fields[0].path).toBe('id');
  });

  it('refuses an invalid rule, naming the field (400), and changes nothing', async () => {
    const before = {
      rows: await changeRows(),
      version: await storedVersion(),
      audit: (await languageAudit()).length,
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...POCKET_MONEY, id: 'Pocket Money' }, 'id'],
      [{ ...POCKET_MONEY, family: 'feelings' }, 'family'],
      [{ ...POCKET_MONEY, severity: 'extreme' }, 'severity'],
      [{ ...POCKET_MONEY, patterns: [] }, 'patterns'],
      [{ ...POCKET_MONEY, message: 'Too short' }, 'message'],
      [{ ...POCKET_MONEY, suggestions: [] }, 'suggestions'],
      [{ ...POCKET_MONEY, source: undefined }, 'source'],
      [{ ...POCKET_MONEY, examples: { flagged: ['She earns pocket money.'] } }, 'examples.clean'],
      [{ ...POCKET_MONEY, colour: 'red' }, 'colour'],
      // Checked by the pattern parser: an unknown word set, a pattern that ends with a gap.
      [{ ...POCKET_MONEY, patterns: ['@earnings pocket money'] }, 'patterns.0'],
      [{ ...POCKET_MONEY, patterns: ['pocket money', 'pocket ...2'] }, 'patterns.1'],
      // Checked by running the rule: its examples must behave as it says.
      [
        { ...POCKET_MONEY, examples: { flagged: ['She gets pocket money.'], clean: ['At the bakery.'] } },
        'examples.flagged.0',
      ],
      [
        {
          ...POCKET_MONEY,
          examples: { flagged: ['She earns pocket money.'], clean: ['She earned pocket money.'] },
        },
        'examples.clean.0',
      ],
    ];
    for (const [rule, path] of cases) {
      const res = await admin.post('/api/language/lexicon/rules', rule);
      expect(res.status, path).toBe(400);
      expect(res.json.error.code, path).toBe('validation_failed');
      expect(
        res.json.error.fields.map((f: { path: string }) => f.path),
        path,
      ).toEqual([path]);
      expect(res.json.error.message, path).toContain(path);
    }
    const clash = await admin.post('/api/language/lexicon/rules', { ...POCKET_MONEY, id: 'absconded' });
    expect(clash.status).toBe(409);
    expect(clash.json.error.fields[0].path).toBe('id');
    expect({
      rows: await changeRows(),
      version: await storedVersion(),
      audit: (await languageAudit()).length,
    }).toEqual(before);
  });

  it('an administrator adds a rule: checks report it at once, with its source; audited', async () => {
    const text = 'She earns pocket money from the men at the flat.';
    expect((await ruleIds(writer, text)).ruleIds).toEqual([]);

    const res = await admin.post('/api/language/lexicon/rules', POCKET_MONEY);
    expect(res.status).toBe(201);
    expect(res.json.rule).toMatchObject({ id: 'pocket-money-framing', origin: 'local', enabled: true });
    expect(res.json.version).toMatch(/^1\.0\.0\+local\.[0-9a-f]{8}$/);

    const check = await writer.post('/api/language/check', { text });
    expect(check.json.lexiconVersion).toBe(res.json.version);
    expect(check.json.findings).toMatchObject([
      {
        ruleId: 'pocket-money-framing',
        text: 'earns pocket money',
        source: 'Fernbridge partnership practice note (fictional)',
        suggestions: ['[who] gives her money as part of grooming her'],
      },
    ]);
    const again = await admin.post('/api/language/lexicon/rules', POCKET_MONEY);
    expect(again.status).toBe(409);

    // A local rule can be switched off like any other.
    const off = await admin.request('PUT', '/api/language/lexicon/rules/pocket-money-framing/disabled', {
      disabled: true,
      reason: 'Trial ended',
    });
    expect(off.status).toBe(200);
    expect(off.json.rule).toMatchObject({ origin: 'local', enabled: false });
    expect(await ruleIds(writer, text)).toEqual({ version: '1.0.0', ruleIds: [] });

    const audit = await languageAudit();
    expect(audit.slice(-2).map((e) => [e.action, e.record_id, e.actor_user_id])).toEqual([
      ['language.rule_added', 'pocket-money-framing', adminId],
      ['language.rule_disabled', 'pocket-money-framing', adminId],
    ]);
    // Every language change in the log is an administrator's, and names the version it produced.
    for (const entry of audit) {
      expect(entry.actor_user_id).toBe(adminId);
      expect(typeof entry.details.lexiconVersion).toBe('string');
    }
  });

  it('every app server applies the rules in the database: a change made elsewhere is used at the next check', async () => {
    // Another app server's change, written straight to the database as it would be.
    const version = buildLexicon(baseLexicon, { disabled: ['hard-to-engage'] }).version;
    await sql`INSERT INTO language_rule_changes (rule_id, disabled, reason) VALUES ('hard-to-engage', true, 'elsewhere')
      ON CONFLICT (rule_id) DO UPDATE SET disabled = true`.execute(h.db);
    await sql`UPDATE language_lexicon_state SET version = ${version}`.execute(h.db);
    const res = await writer.post('/api/language/check', { text: 'She is hard to engage.' });
    expect(res.json).toEqual({ lexiconVersion: version, findings: [] });
  });
});
