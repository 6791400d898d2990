import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'embedded' | 'server';

export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Kysely<DB>;
  /** Where the data lives, for messages: the data folder or the server's host/database (never the password). */
  readonly location: string;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'server'; url: string }
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'memory' };

// int8 (bigint) columns hold counters and sequence numbers far below 2^53: read them as numbers on both
// databases so that code and hashes never see a string on one and a number on the other.
pg.types.setTypeParser(20, (value) => Number(value));

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'server') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection that the server ends (a restart, a failover, an administrator's terminate) is
    // reported here; the pool drops it and opens another for the next query. Without a listener the
    // event would be an uncaught error that stops the process.
    pool.on('error', (error) => {
      process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`, 'LanternDatabase');
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(target.url);
    return {
      kind: 'server',
      db,
      location: `${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`,
      close: () => db.destroy(),
    };
  }

  let lock: DataDirLock | undefined;
  let dataDir: string | undefined;
  if (target.kind === 'embedded') {
    dataDir = path.resolve(target.dataDir);
    mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
  }
  try {
    const pglite = await PGlite.create({
      ...(dataDir ? { dataDir: path.join(dataDir, 'pgdata') } : {}),
      extensions: { pg_trgm },
      parsers: { 20: (value: string) => Number(value) },
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    return {
      kind: 'embedded',
      db,
      location: dataDir ?? 'memory',
      async close() {
        await db.destroy();
        await pglite.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
