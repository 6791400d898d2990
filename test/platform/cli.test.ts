import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseTarget, openDatabase } from '../../src/server/db/database.ts';
import { DEMO_ACCOUNTS } from '../../src/server/demo/demo.ts';
import { describeDatabase, freshDatabase } from '../support/database.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'lantern.js');
// Each run starts Node and compiles the sources as they load: seconds each, more on a busy machine.
const CLI_TEST_TIMEOUT = 180_000;
const DEMO_PASSWORD = 'copper heron windmill';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe(`the lantern command (${describeDatabase()})`, () => {
  let dataDir: string;
  let target: DatabaseTarget;
  let drop: () => Promise<void>;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'lantern-cli-'));
    ({ target, drop } = await freshDatabase());
    const { DATABASE_URL: _unused, ...inherited } = process.env;
    env = {
      ...inherited,
      LANTERN_DATA_DIR: dataDir,
      LANTERN_LOG_LEVEL: 'silent',
      ...(target.kind === 'server'
        ? { DATABASE_URL: target.url, LANTERN_ENCRYPTION_KEY: randomBytes(32).toString('base64') }
        : {}),
    };
  });
  afterAll(async () => {
    await drop?.();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  function lantern(args: string[], overrides: NodeJS.ProcessEnv = env): Promise<Run> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [BIN, ...args],
        { cwd: ROOT, env: overrides, timeout: CLI_TEST_TIMEOUT },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
  }

  /** Opens the database the commands use, in this process, while no command runs. */
  async function withDatabase<T>(
    body: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>,
  ): Promise<T> {
    const database = await openDatabase(target.kind === 'server' ? target : { kind: 'embedded', dataDir });
    try {
      return await body(database.db);
    } finally {
      await database.close();
    }
  }

  const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

  it(
    'migrates an empty database',
    async () => {
      const run = await lantern(['migrate']);
      expect(run.stderr).toMatch(/Applying migration 0001_platform/);
      expect(run.stderr).toMatch(/is up to date/);
      expect(run.code, run.stderr).toBe(0);
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'loads the demo partnership and prints its accounts',
    async () => {
      const run = await lantern(['demo', '--password', DEMO_PASSWORD]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`Every account's password: ${DEMO_PASSWORD}`);
      for (const account of DEMO_ACCOUNTS) expect(run.stdout).toContain(account.email);
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'adds an account with a temporary password',
    async () => {
      const run = await lantern([
        'users',
        'add',
        '--name',
        'Morgan Okafor',
        '--email',
        'Morgan.Okafor@fernbridge-police.example',
        '--agency',
        'fernbridge police',
        '--role',
        'practitioner',
        'intelligence_officer',
        '--team',
        'Missing Persons Team',
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('Added morgan.okafor@fernbridge-police.example to Fernbridge Police.');
      expect(run.stdout).toMatch(
        /Temporary password \(shown once; they must change it\): [a-z0-9]{4}(-[a-z0-9]{4}){3}\n/,
      );
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'disables an account and resets another’s two-factor authentication',
    async () => {
      const disable = await lantern(['users', 'disable', 'dan.hughes@fernbridge-police.example']);
      expect(disable.code, disable.stderr).toBe(0);
      expect(disable.stdout).toContain('Disabled dan.hughes@fernbridge-police.example.');
      const reset = await lantern(['users', 'reset-mfa', 'priya.shah@fernbridge-police.example']);
      expect(reset.code, reset.stderr).toBe(0);
      expect(reset.stdout).toContain(
        'Reset two-factor authentication for priya.shah@fernbridge-police.example.',
      );
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'lists the accounts as JSON, showing what the commands changed',
    async () => {
      const run = await lantern(['users', 'list', '--json']);
      expect(run.code, run.stderr).toBe(0);
      const users = JSON.parse(run.stdout) as {
        email: string;
        active: boolean;
        roles: string[];
        teams: { name: string }[];
        agency: { name: string };
      }[];
      expect(users.map((u) => u.email).sort()).toEqual(
        [...DEMO_ACCOUNTS.map((a) => a.email), 'morgan.okafor@fernbridge-police.example'].sort(),
      );
      expect(users.find((u) => u.email === 'dan.hughes@fernbridge-police.example')?.active).toBe(false);
      expect(users.find((u) => u.email === 'morgan.okafor@fernbridge-police.example')).toMatchObject({
        active: true,
        roles: ['practitioner', 'intelligence_officer'],
        teams: [{ name: 'Missing Persons Team' }],
        agency: { name: 'Fernbridge Police' },
      });
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'refuses a role that does not exist, with a one-line reason',
    async () => {
      const run = await lantern([
        'users',
        'add',
        '--name',
        'A Person',
        '--email',
        'a.person@test.example',
        '--agency',
        'Fernbridge Police',
        '--role',
        'chief_constable',
      ]);
      expect(run.code).not.toBe(0);
      expect(lines(run.stderr)).toHaveLength(1);
      expect(run.stderr).toMatch(
        /^lantern: .*'chief_constable' is invalid\. Allowed choices are referrer, practitioner/,
      );
      expect(run.stdout).toBe('');
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'verifies an intact audit log, exiting 0',
    async () => {
      const run = await lantern(['audit', 'verify']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^Audit log intact: \d+ entries\. Head hash [0-9a-f]{64}\n$/);
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'records what the commands did in the audit log',
    async () => {
      const entries = await withDatabase((db) =>
        db
          .selectFrom('audit_log')
          .select(['action', 'request_id'])
          .where('request_id', 'like', 'cli:%')
          .orderBy('seq')
          .execute(),
      );
      expect(entries).toEqual([
        { action: 'user.created', request_id: 'cli:users add' },
        { action: 'user.disabled', request_id: 'cli:users disable' },
        { action: 'mfa.reset', request_id: 'cli:users reset-mfa' },
        { action: 'audit.verified', request_id: 'cli:audit verify' },
      ]);
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'refuses to open an embedded data folder another process holds, saying so plainly',
    async () => {
      // The lock belongs to the embedded database, so this runs on it whichever database the suite uses.
      const { DATABASE_URL: _server, ...embedded } = env;
      const holder = await openDatabase({ kind: 'embedded', dataDir });
      try {
        const run = await lantern(['users', 'list'], embedded);
        expect(run.code).not.toBe(0);
        expect(lines(run.stderr)).toHaveLength(1);
        expect(run.stderr).toContain(
          `lantern: The data folder ${dataDir} is in use by another Lantern process (pid ${process.pid})`,
        );
        expect(run.stdout).toBe('');
      } finally {
        await holder.close();
      }
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'finds an audit entry edited by hand, exiting non-zero and naming it',
    async () => {
      const seq = await withDatabase(async (db) => {
        const entry = await db
          .selectFrom('audit_log')
          .select('seq')
          .where('action', '=', 'user.disabled')
          .executeTakeFirstOrThrow();
        await db.transaction().execute(async (trx) => {
          await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(trx);
          await trx
            .updateTable('audit_log')
            .set({ action: 'user.enabled' })
            .where('seq', '=', entry.seq)
            .execute();
          await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(trx);
        });
        return Number(entry.seq);
      });
      // A lock left behind by a process that has since died must not keep the folder closed.
      writeFileSync(path.join(dataDir, 'lantern.lock'), String(await deadPid()));

      const run = await lantern(['audit', 'verify']);
      expect(run.code).not.toBe(0);
      expect(lines(run.stderr).at(-1)).toBe(
        `lantern: audit log is NOT intact: entry ${seq} does not match its hash: its content was altered`,
      );
      expect(run.stdout).toBe('');
    },
    CLI_TEST_TIMEOUT,
  );
});

/** The pid of a process that has exited. */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '0']);
    child.on('error', reject);
    child.on('exit', () => resolve(child.pid as number));
  });
}
