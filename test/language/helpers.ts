import { type Kysely, sql } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../../src/server/db/schema.ts';

/** Every table (with the column holding it) whose rows contain any of these words, in any form. */
export async function tablesHolding(db: Kysely<DB>, needles: readonly string[]): Promise<string[]> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  expect(tables.rows.length).toBeGreaterThan(5);
  const holding: string[] = [];
  for (const { table_name } of tables.rows) {
    const patterns = needles.map((n) => `%${n}%`);
    // The whole row as text: every column, including JSON and arrays.
    const found = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${sql.table(table_name)} AS r
      WHERE r::text ILIKE ANY (${sql.val(patterns)}::text[])`.execute(db);
    if ((found.rows[0]?.n ?? 0) > 0) holding.push(table_name);
  }
  return holding;
}

/** The language counters of one team (or of an agency's people in no team), by rule. */
export async function countsOf(db: Kysely<DB>, unit: { teamId: string | null; agencyId?: string }) {
  let q = db.selectFrom('language_counts').select(['rule_id', 'flagged', 'accepted']).orderBy('rule_id');
  q = unit.teamId === null ? q.where('team_id', 'is', null) : q.where('team_id', '=', unit.teamId);
  if (unit.agencyId) q = q.where('agency_id', '=', unit.agencyId);
  const rows = await q.execute();
  return rows.map((r) => ({ rule_id: r.rule_id, flagged: Number(r.flagged), accepted: Number(r.accepted) }));
}
