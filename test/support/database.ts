import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/server/db/database.ts';

/**
 * A throw-away database for one test file: an in-memory embedded PostgreSQL by default, or a new
 * database on the PostgreSQL server named by DATABASE_URL (dropped again afterwards).
 */
export async function freshDatabase(): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { target: { kind: 'memory' }, drop: async () => {} };
  const name = `lantern_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'server', url: url.toString() },
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export const describeDatabase = () =>
  process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PostgreSQL';
