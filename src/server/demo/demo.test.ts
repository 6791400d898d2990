import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabase, freshDatabase } from '../../../test/support/database.ts';
import { mfaRequired } from '../../domain/access/policy.ts';
import { AGENCY_TYPES, type AgencyType } from '../../domain/access/types.ts';
import { checkText } from '../../domain/language/index.ts';
import { verifyAuditLog } from '../audit/audit.ts';
import { searchChildren } from '../children/record.ts';
import { findContexts } from '../contexts/records.ts';
import { groupsView, networkView } from '../contexts/views.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import type { DB } from '../db/schema.ts';
import { tracker } from '../mace/tracker.ts';
import { dueInterviews } from '../missing/views.ts';
import { demoTextSources } from './cases.ts';
import { type Cast, castOf, WHO, when } from './cast.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmpty, loadDemo } from './demo.ts';

const AGENCY_TYPE_OF: Record<string, AgencyType> = {
  csc: 'childrens_social_care',
  police: 'police',
  health: 'health',
  school: 'education',
  yjs: 'youth_justice',
  vol: 'voluntary_sector',
  partnership: 'other',
};

describe('the demo partnership', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

  it('is listed in the README with the password and whether two-factor authentication is required', () => {
    expect(readme).toContain(DEMO_PASSWORD);
    for (const account of DEMO_ACCOUNTS) {
      const agencyType = AGENCY_TYPE_OF[account.agency];
      expect(AGENCY_TYPES).toContain(agencyType);
      const row = readme.split('\n').find((line) => line.startsWith(`| ${account.email} |`));
      expect(row, `README row for ${account.email}`).toBeDefined();
      const expected = mfaRequired({ agencyType: agencyType as AgencyType, roles: account.roles })
        ? 'required'
        : 'optional';
      expect(row?.trim().endsWith(`| ${expected} |`), `${account.email} should say ${expected}`).toBe(true);
    }
  });

  it('uses only obviously fictional, reserved addresses', () => {
    for (const account of DEMO_ACCOUNTS) expect(account.email).toMatch(/\.example$/);
  });
});

async function opened() {
  const fresh = await freshDatabase();
  const database = await openDatabase(fresh.target);
  await migrate(database);
  return {
    database,
    async close() {
      await database.close();
      await fresh.drop();
    },
  };
}

async function count(database: Database, table: keyof DB) {
  const q = database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n'));
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Every string in a value, with where it is. */
function texts(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
  return [];
}

function findings(items: { path: string; text: string }[]) {
  // Checked as it stands and as about a 14-year-old (the age lets the checker see an age gap).
  return items.flatMap(({ path, text }) =>
    [...checkText(text).findings, ...checkText(text, { childAge: 14 }).findings].map((f) => ({
      path,
      text,
      finding: `${f.ruleId}: "${f.text}"`,
    })),
  );
}

describe(`the demo case data (${describeDatabase()})`, () => {
  let db: Awaited<ReturnType<typeof opened>>;
  let database: Database;
  let as: Cast;
  beforeAll(async () => {
    db = await opened();
    database = db.database;
    await loadDemo(database.db);
    as = castOf(database.db);
  }, 300_000);
  afterAll(() => db?.close());

  const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(database.db)).rows;

  it('has eight children with details, an address, a school, strengths, interests and workers', async () => {
    const children = await rows<{ id: string; school: string; strengths: string; interests: string }>(
      sql`SELECT p.id, p.school, p.strengths, p.interests FROM people p
          JOIN person_roles r ON r.person_id = p.id AND r.role = 'child'`,
    );
    expect(children).toHaveLength(8);
    for (const c of children) expect(c.school && c.strengths && c.interests).toBeTruthy();
    expect(await count(database, 'person_addresses')).toBeGreaterThanOrEqual(8);
    const workers = await rows<{ kind: string; n: string }>(
      sql`SELECT kind, count(*) AS n FROM child_professionals WHERE ended_at IS NULL GROUP BY kind`,
    );
    const byKind = Object.fromEntries(workers.map((w) => [w.kind, Number(w.n)]));
    expect(byKind.lead_worker).toBeGreaterThanOrEqual(6);
    expect(byKind.co_worker).toBeGreaterThanOrEqual(6);
    const statuses = await rows<{ status: string }>(
      sql`SELECT DISTINCT status FROM statutory_statuses WHERE ended_on IS NULL`,
    );
    expect(statuses.map((s) => s.status).sort()).toEqual(
      expect.arrayContaining(['child_in_need', 'child_protection', 'early_help', 'looked_after']),
    );
    expect(await count(database, 'exploitation_flags')).toBeGreaterThanOrEqual(3);
  });

  it('has referrals awaiting screening and decided, with indicator prompts ticked as observations', async () => {
    const statuses = await rows<{ status: string; linked: boolean; n: string }>(
      sql`SELECT status, child_id IS NOT NULL AS linked, count(*) AS n FROM referrals GROUP BY 1, 2`,
    );
    const n = (status: string, linked: boolean) =>
      Number(statuses.find((s) => s.status === status && s.linked === linked)?.n ?? 0);
    expect(n('decided', true)).toBeGreaterThanOrEqual(3);
    expect(n('awaiting_decision', true)).toBeGreaterThanOrEqual(1);
    expect(n('awaiting_decision', false)).toBeGreaterThanOrEqual(1);
    expect(await count(database, 'observations')).toBeGreaterThanOrEqual(8);
    expect(await count(database, 'referral_decisions')).toBe(n('decided', true));
  });

  it('has chronology entries, and finalised and draft case notes', async () => {
    expect(await count(database, 'chronology_entries')).toBeGreaterThanOrEqual(20);
    const notes = await rows<{ status: string; n: string }>(
      sql`SELECT status, count(*) AS n FROM notes GROUP BY status`,
    );
    expect(notes.map((x) => x.status).sort()).toEqual(['draft', 'final']);
  });

  it('has a completed RAF and MACE risk assessments, and an agreed plan with disruption and a plain-language version', async () => {
    const done = await rows<{ instrument_id: string; child_id: string }>(
      sql`SELECT instrument_id, child_id FROM assessments WHERE status = 'completed'`,
    );
    expect(done.filter((a) => a.instrument_id === 'raf')).toHaveLength(1);
    const mace = done.filter((a) => a.instrument_id === 'mace-risk-assessment');
    expect(new Set(mace.map((a) => a.child_id)).size).toBe(2);
    const plans = await rows<{ agreed_version: number | null }>(sql`SELECT agreed_version FROM plans`);
    expect(plans).toHaveLength(1);
    expect(plans[0]?.agreed_version).not.toBeNull();
    const disruption = await rows<{ n: string }>(
      sql`SELECT count(*) AS n FROM plan_objectives WHERE section = 'disruption_and_investigation'`,
    );
    expect(Number(disruption[0]?.n)).toBeGreaterThanOrEqual(1);
    expect(await count(database, 'plain_language_plans')).toBe(1);
    expect(await count(database, 'young_person_responses')).toBe(1);
  });

  it('has missing episodes, a return home interview held and one due', async () => {
    expect(await count(database, 'missing_episodes')).toBeGreaterThanOrEqual(3);
    const held = await rows<{ n: string }>(
      sql`SELECT count(*) AS n FROM missing_interviews WHERE status = 'completed'`,
    );
    expect(Number(held[0]?.n)).toBeGreaterThanOrEqual(1);
    const due = await dueInterviews(await as(WHO.alex), 'mine');
    expect(JSON.stringify(due)).toContain('Pellworth');
  });

  it('shows a network with graded links, and a connected group for MACE', async () => {
    const priya = await as(WHO.priya);
    const kayla = await rows<{ id: string }>(sql`SELECT id FROM people WHERE family_name = 'Thistlewood'`);
    const network = await networkView(priya, { centre: kayla[0]?.id as string, steps: 2 });
    expect(network.links.length).toBeGreaterThanOrEqual(4);
    expect(network.nodes.filter((n) => n.kind === 'child').length).toBeGreaterThanOrEqual(2);
    const groups = await groupsView(priya, { from: when.day(365), to: when.day(0) });
    // Kayla, Maisie, Jayden and Tyrese are joined through the takeaway, the adult and the skate park
    // group; Callum's link is below the default grade and joins only when the minimum is lowered.
    expect(groups.groups.map((g) => g.children.length)).toEqual([4]);
    const lowered = await groupsView(priya, {
      from: when.day(365),
      to: when.day(0),
      minSource: '3',
      minIntelligence: 'C',
    });
    expect(lowered.groups.map((g) => g.children.length)).toEqual([5]);
    expect(await count(database, 'contexts')).toBeGreaterThanOrEqual(6);
    expect(await count(database, 'context_actions')).toBeGreaterThanOrEqual(3);
  });

  it('lets the MACE chair find Kayla and the adult harming her, as the meeting pages need', async () => {
    const sam = await as(WHO.sam);
    const found = await searchChildren(sam, 'Kayla');
    expect(JSON.stringify(found)).toContain('Thistlewood');
    const { contexts } = await findContexts(sam, 'Dale', 'person_of_concern');
    expect(contexts.map((c) => c.name)).toContain('Dale Crowthorne');
  });

  it('has a Child Abduction Warning Notice, issued and eligible', async () => {
    const cawn = await rows<{ status: string }>(sql`SELECT status FROM disruptions WHERE measure = 'cawn'`);
    expect(cawn).toEqual([{ status: 'issued' }]);
    expect(await count(database, 'disruption_children')).toBeGreaterThanOrEqual(3);
  });

  it('has a MACE meeting in the coming week, and a past one with minutes and an overdue action', async () => {
    const meetings = await rows<{ status: string; starts_at: Date }>(
      sql`SELECT status, starts_at FROM mace_meetings ORDER BY starts_at`,
    );
    expect(meetings.map((m) => m.status)).toEqual(['held', 'scheduled']);
    const [past, next] = meetings.map((m) => new Date(m.starts_at).getTime() - Date.now());
    expect(past).toBeLessThan(0);
    expect(next).toBeGreaterThan(0);
    expect(next).toBeLessThan(7 * 86_400_000);
    const sam = await as(WHO.sam);
    const overdue = await tracker(database.db, sam.actor, sam.viewer, { overdue: true });
    expect(overdue.length).toBeGreaterThanOrEqual(1);
  });

  it('leaves the audit chain intact', async () => {
    const result = await verifyAuditLog(database.db);
    expect(result.problem).toBeNull();
    expect(result.entries).toBeGreaterThan(100);
  });

  it('loads only into an empty database, and a second load changes nothing', async () => {
    expect(await isEmpty(database.db)).toBe(false);
    const before = await count(database, 'audit_log');
    await expect(loadDemo(database.db)).rejects.toThrow(/only into an empty database/);
    expect(await count(database, 'audit_log')).toBe(before);
  });

  it('writes no victim-blaming language: every demo text passes the language checker', async () => {
    // The check itself finds what it should (so an empty result means something).
    expect(findings(texts({ note: 'She keeps putting herself at risk.' }))).not.toEqual([]);
    expect(findings(texts(demoTextSources()))).toEqual([]);
  });

  it('stores no victim-blaming language either, including what the services wrote from it', async () => {
    const stored = await rows<{ t: string; doc: unknown }>(sql`
      SELECT 'note' AS t, to_jsonb(v.body) AS doc FROM note_versions v
      UNION ALL SELECT 'chronology', to_jsonb(ARRAY[e.title, e.summary, e.source]) FROM chronology_entries e
      UNION ALL SELECT 'referral', to_jsonb(ARRAY[r.narrative, r.without_consent_reason]) FROM referrals r
      UNION ALL SELECT 'decision', to_jsonb(ARRAY[d.reasons, d.feedback_to_referrer]) FROM referral_decisions d
      UNION ALL SELECT 'assessment', a.content::jsonb FROM assessments a
      UNION ALL SELECT 'plain language', p.document::jsonb FROM plain_language_plans p
      UNION ALL SELECT 'interview', to_jsonb(ARRAY[i.what_happened, i.childs_account]) FROM missing_interviews i
      UNION ALL SELECT 'meeting', m.document::jsonb FROM mace_meetings m
      UNION ALL SELECT 'response', y.response::jsonb FROM young_person_responses y
      UNION ALL SELECT 'context', to_jsonb(c) FROM contexts c
      UNION ALL SELECT 'context action', to_jsonb(a.action) FROM context_actions a`);
    expect(findings(stored.flatMap((r) => texts(r.doc, r.t)))).toEqual([]);
  });
});

describe(`loading the demo is all or nothing (${describeDatabase()})`, () => {
  it('a failure part-way leaves the database empty, and it can be loaded again', async () => {
    const { database, close } = await opened();
    try {
      const before = await count(database, 'audit_log');
      const failing = loadDemo(database.db, {
        onProgress: (m) => {
          if (m === 'Demo MACE meetings') throw new Error('stopped part-way');
        },
      });
      await expect(failing).rejects.toThrow('stopped part-way');
      expect(await isEmpty(database.db)).toBe(true);
      expect(await count(database, 'people')).toBe(0);
      expect(await count(database, 'audit_log')).toBe(before);
      await loadDemo(database.db);
      expect(await count(database, 'mace_meetings')).toBe(2);
      expect((await verifyAuditLog(database.db)).problem).toBeNull();
    } finally {
      await close();
    }
  }, 300_000);
});
