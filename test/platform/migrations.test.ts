import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { loadMigrations, migrate } from '../../src/server/db/migrate.ts';
import { describeDatabase, freshDatabase } from '../support/database.ts';

const CHECKED_IN = loadMigrations();
const CHECKED_IN_DIR = path.resolve(import.meta.dirname, '../../src/server/db/migrations');

describe(`migrations (${describeDatabase()})`, () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A fresh, empty database, closed and dropped after the test. */
  async function emptyDatabase(): Promise<{ database: Database; another: () => Promise<Database> }> {
    const { target, drop } = await freshDatabase();
    cleanups.push(drop);
    const open = async () => {
      const database = await openDatabase(target);
      cleanups.push(() => database.close());
      return database;
    };
    const database = await open();
    // A second connection to the same database; the embedded one has a single connection, so it is shared.
    const another = async () => (target.kind === 'server' ? open() : database);
    return { database, another };
  }

  /** A copy of the checked-in migrations that a test may add to or edit. */
  function migrationsCopy(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'lantern-migrations-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(CHECKED_IN_DIR, dir, { recursive: true });
    return dir;
  }

  const appliedVersions = async (database: Database) =>
    (await database.db.selectFrom('schema_migrations').select('version').orderBy('version').execute()).map(
      (r) => r.version,
    );

  it('applies every migration to a fresh database, in order, and nothing on a second run', async () => {
    const { database } = await emptyDatabase();
    expect(CHECKED_IN.length).toBeGreaterThan(0);
    const progress: string[] = [];
    const first = await migrate(database, (m) => progress.push(m));
    expect(first).toEqual({ applied: CHECKED_IN.map((m) => m.version), alreadyApplied: 0 });
    expect(progress).toEqual(CHECKED_IN.map((m) => `Applying migration ${m.version}`));
    expect(await appliedVersions(database)).toEqual(CHECKED_IN.map((m) => m.version));

    const tables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`.execute(database.db);
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'agencies',
        'teams',
        'users',
        'team_members',
        'sessions',
        'sign_in_attempts',
        'audit_log',
      ]),
    );

    const second = await migrate(database);
    expect(second).toEqual({ applied: [], alreadyApplied: CHECKED_IN.length });
  });

  it('applies only the migrations added since the last run', async () => {
    const { database } = await emptyDatabase();
    const dir = migrationsCopy();
    await migrate(database, undefined, dir);
    writeFileSync(
      path.join(dir, '9001_test_addition.sql'),
      'CREATE TABLE test_addition (id integer PRIMARY KEY);\n',
    );
    const result = await migrate(database, undefined, dir);
    expect(result).toEqual({ applied: ['9001_test_addition'], alreadyApplied: CHECKED_IN.length });
    await sql`INSERT INTO test_addition (id) VALUES (1)`.execute(database.db);
  });

  it('refuses to run when an applied migration has since been edited', async () => {
    const { database } = await emptyDatabase();
    const dir = migrationsCopy();
    await migrate(database, undefined, dir);
    const [first] = CHECKED_IN;
    if (!first) throw new Error('no migrations');
    writeFileSync(path.join(dir, `${first.version}.sql`), `${first.sql}\n-- an edit after the fact\n`);
    writeFileSync(path.join(dir, '9002_after_the_edit.sql'), 'CREATE TABLE after_the_edit (id integer);\n');
    await expect(migrate(database, undefined, dir)).rejects.toThrow(
      `Migration ${first.version} has changed since it was applied`,
    );
    // Nothing after the edited migration ran.
    expect(await appliedVersions(database)).not.toContain('9002_after_the_edit');
    // The checked-in files still agree with what was applied.
    expect((await migrate(database)).applied).toEqual([]);
  });

  it('rolls back a migration that fails part-way, recording nothing', async () => {
    const { database } = await emptyDatabase();
    const dir = migrationsCopy();
    await migrate(database, undefined, dir);
    writeFileSync(
      path.join(dir, '9003_fails_half_way.sql'),
      'CREATE TABLE half_made (id integer);\nINSERT INTO half_made VALUES (1);\nSELECT 1 / 0;\n',
    );
    await expect(migrate(database, undefined, dir)).rejects.toThrow(/division by zero/);
    expect(await appliedVersions(database)).not.toContain('9003_fails_half_way');
    const exists = await sql<{
      name: string | null;
    }>`SELECT to_regclass('public.half_made')::text AS name`.execute(database.db);
    expect(exists.rows[0]?.name).toBeNull();
  });

  it('lets two servers starting at once migrate the same fresh database', async () => {
    const { database, another } = await emptyDatabase();
    const second = await another();
    const results = await Promise.all([migrate(database), migrate(second)]);
    const applied = results.flatMap((r) => r.applied).sort();
    expect(applied).toEqual(CHECKED_IN.map((m) => m.version));
    expect(await appliedVersions(database)).toEqual(CHECKED_IN.map((m) => m.version));
  });
});
