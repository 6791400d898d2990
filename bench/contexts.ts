/**
 * Contexts: how fast the network view and matching are on a large partnership.
 *
 *   npx tsx bench/contexts.ts [--scale 1] [--runs 200]
 *
 * With DATABASE_URL set, a fresh database is created on that server for the run and dropped after;
 * otherwise an in-memory embedded database is used. At the default scale 1 the partnership has
 * 100,000 people (40,000 children, 60,000 persons of concern) and 500,000 links. Prints the median and 95th percentile of the two-step neighbourhood of a person of concern
 * and of a matching query, each against the bare SQL underneath (the same walk or candidate query with
 * no visibility conditions, no filters, no presentation and no scoring). Asserts nothing: see
 * docs/contexts.md, "Performance".
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { Viewer } from '../src/domain/access/types.ts';
import { contextRecordSchema } from '../src/domain/contexts/index.ts';
import { findContextMatches } from '../src/server/contexts/matching.ts';
import { neighbourhood } from '../src/server/contexts/network.ts';
import { identifiersOf } from '../src/server/contexts/store.ts';
import { type Database, openDatabase } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import type { DB } from '../src/server/db/schema.ts';
import { contextRanges, contexts, type Ids, identifiers, links, people, sizesFor } from './contexts-data.ts';

const { values } = parseArgs({
  options: { scale: { type: 'string' }, runs: { type: 'string', default: '200' } },
});
const serverUrl = process.env.DATABASE_URL;
const scale = Number(values.scale ?? 1);
const RUNS = Number(values.runs);
const WARM_UP = 20;

const fmt = (n: number) => n.toLocaleString('en-GB');
const ms = (n: number) => `${n.toFixed(2)} ms`;

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function step<T>(what: string, work: () => Promise<T>): Promise<T> {
  process.stdout.write(`  ${what}… `);
  const start = performance.now();
  const result = await work();
  console.log(`${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

/** A fresh database on the server for this run, dropped afterwards; or an embedded one in memory. */
async function freshDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  if (!serverUrl) return { database: await openDatabase({ kind: 'memory' }), drop: async () => {} };
  const name = `lantern_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    database: await openDatabase({ kind: 'server', url: url.toString() }),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function accounts(db: Kysely<DB>): Promise<Ids> {
  const agency = await db
    .insertInto('agencies')
    .values({ name: 'Bench police', type: 'police' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const csc = await db
    .insertInto('agencies')
    .values({ name: 'Bench children’s services', type: 'childrens_social_care' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const intel = await db
    .insertInto('users')
    .values({
      agency_id: agency.id,
      name: 'Bench intelligence officer',
      email: 'intel@bench.example',
      roles: ['intelligence_officer'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const practitioner = await db
    .insertInto('users')
    .values({
      agency_id: csc.id,
      name: 'Bench practitioner',
      email: 'practitioner@bench.example',
      roles: ['practitioner'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    agencyId: agency.id,
    intelId: intel.id,
    practitionerId: practitioner.id,
    cscAgencyId: csc.id,
  } as Ids & { cscAgencyId: string };
}

async function measure(label: string, inputs: string[], run: (input: string) => Promise<unknown>) {
  for (const input of inputs.slice(0, WARM_UP)) await run(input);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const input = inputs[i % inputs.length] as string;
    const start = performance.now();
    await run(input);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  return { label, median, p95 };
}

function report(full: { label: string; median: number; p95: number }, bare: { median: number; p95: number }) {
  console.log(
    `${full.label.padEnd(44)} median ${ms(full.median).padStart(10)}   p95 ${ms(full.p95).padStart(10)}   ` +
      `bare SQL median ${ms(bare.median).padStart(9)}, p95 ${ms(bare.p95).padStart(9)}   ratio ${(full.median / bare.median).toFixed(1)}× / ${(full.p95 / bare.p95).toFixed(1)}×`,
  );
}

async function main() {
  const sizes = sizesFor(scale);
  console.log(
    `\nContexts benchmark: ${serverUrl ? 'PostgreSQL server' : 'embedded PostgreSQL (in memory)'}, scale ${scale}`,
  );
  console.log(
    `${fmt(sizes.children + sizes.persons)} people (${fmt(sizes.children)} children, ${fmt(sizes.persons)} persons of concern), ` +
      `${fmt(sizes.places + sizes.vehicles + sizes.peerGroups)} other contexts, ${fmt(sizes.childLinks + sizes.contextLinks)} links`,
  );
  const { database, drop } = await freshDatabase();
  try {
    const { db } = database;
    await step('migrating', () => migrate(database));
    const ids = (await accounts(db)) as Ids & { cscAgencyId: string };
    await db.transaction().execute(async (trx) => {
      await sql`SELECT setseed(0.42)`.execute(trx);
      await step(`${fmt(sizes.children)} children`, () => people(trx, sizes, ids));
      await step(`${fmt(contextRanges(sizes).total)} contexts`, () => contexts(trx, sizes, ids));
      await step('identifiers', () => identifiers(trx));
      await step(`${fmt(sizes.childLinks + sizes.contextLinks)} links`, () => links(trx, sizes, ids));
    });
    await step('analyse', () => sql`ANALYZE`.execute(db));
    const counted = await sql<{ n: number }>`SELECT count(*)::int AS n FROM context_links`.execute(db);
    console.log(`  ${fmt(counted.rows[0]?.n ?? 0)} links stored`);

    const intel: Viewer = {
      userId: ids.intelId,
      agencyId: ids.agencyId,
      agencyType: 'police',
      roles: ['intelligence_officer'],
      teamIds: [],
    };
    const practitioner: Viewer = {
      userId: ids.practitionerId,
      agencyId: ids.cscAgencyId,
      agencyType: 'childrens_social_care',
      roles: ['practitioner'],
      teamIds: [],
    };
    const today = new Date().toISOString().slice(0, 10);

    // Centres: persons of concern with links, spread across the partnership.
    const { rows: centres } = await sql<{ id: string }>`
      SELECT c.id FROM contexts c WHERE c.kind = 'person_of_concern' AND c.sensitivity = 'standard'
        AND EXISTS (SELECT 1 FROM context_links l WHERE l.to_context_id = c.id OR l.from_node = c.id)
      ORDER BY md5(c.id::text) LIMIT ${RUNS}`.execute(db);
    const centreIds = centres.map((c) => c.id);
    let nodes = 0;
    let linkCount = 0;
    for (const id of centreIds.slice(0, 50)) {
      const n = await neighbourhood(db, intel, id, { steps: 2, today });
      nodes += n.nodes.length;
      linkCount += n.links.length;
    }
    const sampled = Math.min(50, centreIds.length);
    console.log(
      `\nTwo-step neighbourhood of a person of concern (on average ${(nodes / sampled).toFixed(0)} records and ${(linkCount / sampled).toFixed(0)} links visible to the intelligence officer)`,
    );
    const bareWalk = (id: string) =>
      sql`
      WITH RECURSIVE walk(node, depth) AS (
        SELECT ${id}::uuid, 0
        UNION
        SELECT next.node, walk.depth + 1 FROM walk CROSS JOIN LATERAL (
          SELECT l.to_context_id AS node FROM context_links l WHERE l.from_node = walk.node
          UNION ALL SELECT l.from_node FROM context_links l WHERE l.to_context_id = walk.node) AS next
        WHERE walk.depth < 2)
      SELECT node, min(depth) FROM walk GROUP BY node`.execute(db);
    const bare = await measure('bare', centreIds, bareWalk);
    report(
      await measure('neighbourhood, intelligence officer', centreIds, (id) =>
        neighbourhood(db, intel, id, { steps: 2, today }),
      ),
      bare,
    );
    report(
      await measure('neighbourhood, social care practitioner', centreIds, (id) =>
        neighbourhood(db, practitioner, id, { steps: 2, today }),
      ),
      bare,
    );

    // Matching: an existing person's name with a letter dropped, and their phone if they have one.
    const { rows: persons } = await sql<{ name: string; phone: string | null }>`
      SELECT c.details->>'name' AS name, c.details->'phones'->0->>'number' AS phone FROM contexts c
      WHERE c.kind = 'person_of_concern' ORDER BY md5(c.id::text || 'm') LIMIT ${RUNS}`.execute(db);
    const records = persons.map((p) =>
      contextRecordSchema.parse({
        kind: 'person_of_concern',
        sensitivity: 'standard',
        name: `${p.name.slice(0, 3)}${p.name.slice(4)}`,
        phones: p.phone ? [p.phone] : [],
      }),
    );
    const keys = records.map((_, i) => String(i));
    const record = (key: string) => records[Number(key)] as (typeof records)[number];
    const found = await findContextMatches(db, intel, record('0'));
    console.log(
      `\nMatching a person of concern as entered (e.g. ${found.length} proposed: ${found[0]?.reasons.join('; ') ?? 'none'})`,
    );
    const bareCandidates = (key: string) => {
      const ids = identifiersOf(record(key));
      const exact = ids.filter((i) => i.kind === 'phone').map((i) => i.value);
      const fuzzy = ids.filter((i) => i.kind === 'name' || i.kind === 'alias').map((i) => i.value);
      return sql`
        SELECT i.context_id FROM context_identifiers i WHERE i.value = ANY(${exact}::text[])
        UNION
        SELECT i.context_id FROM context_identifiers i JOIN unnest(${fuzzy}::text[]) AS q(value)
          ON i.value % q.value OR q.value <% i.value`.execute(db);
    };
    const bareMatch = await measure('bare', keys, bareCandidates);
    report(
      await measure('matching, intelligence officer', keys, (key) =>
        findContextMatches(db, intel, record(key)),
      ),
      bareMatch,
    );
    report(
      await measure('matching, social care practitioner', keys, (key) =>
        findContextMatches(db, practitioner, record(key)),
      ),
      bareMatch,
    );
    console.log(
      `\nruns: ${RUNS} each after ${WARM_UP} warm-up; load average ${loadavg()[0]?.toFixed(1)}; target p95 under 50 ms`,
    );
  } finally {
    await database.close();
    await drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
