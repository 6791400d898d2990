import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// An arbitrary constant: every Lantern process migrating the same database queues on this lock.
const MIGRATION_LOCK = 4_201_733;

export interface Migration {
  version: string;
  sql: string;
  checksum: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(dir, name), 'utf8');
      return {
        version: name.replace(/\.sql$/, ''),
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    });
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies the checked-in SQL migrations in order, each in its own transaction. A migration that was
 * applied and has since been edited is an error: migrations are history, and history is not rewritten.
 */
export async function migrate(
  database: Database,
  onProgress: (message: string) => void = () => {},
  /** Where the migrations are; the checked-in folder unless a test supplies its own. */
  dir = MIGRATIONS_DIR,
): Promise<MigrateResult> {
  const { db } = database;
  // Under the lock too: two servers starting on a fresh database would otherwise both try to create the
  // table, and PostgreSQL refuses the second with a duplicate-key error despite IF NOT EXISTS.
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`.execute(trx);
  });

  const migrations = loadMigrations(dir);
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const migration of migrations) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
      const existing = await trx
        .selectFrom('schema_migrations')
        .select(['checksum'])
        .where('version', '=', migration.version)
        .executeTakeFirst();
      if (existing) {
        if (existing.checksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.version} has changed since it was applied. Add a new migration instead of editing an applied one.`,
          );
        }
        return false;
      }
      onProgress(`Applying migration ${migration.version}`);
      await sql.raw(migration.sql).execute(trx);
      await trx
        .insertInto('schema_migrations')
        .values({ version: migration.version, checksum: migration.checksum })
        .execute();
      return true;
    });
    if (done) applied.push(migration.version);
    else alreadyApplied++;
  }
  return { applied, alreadyApplied };
}
