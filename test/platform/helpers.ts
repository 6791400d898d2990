import type { Kysely } from 'kysely';
import type { TOTP } from 'otpauth';
import type { DB } from '../../src/server/db/schema.ts';
import { type Client, type Harness, TEST_PASSWORD, type TestUser } from '../support/harness.ts';

/** Audit entries, oldest first, optionally only those of one action, actor, record or request. */
export async function auditEntries(
  db: Kysely<DB>,
  filter: { action?: string; actor?: string; recordId?: string; requestId?: string; sinceSeq?: number } = {},
) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('seq');
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.actor) q = q.where('actor_user_id', '=', filter.actor);
  if (filter.recordId) q = q.where('record_id', '=', filter.recordId);
  if (filter.requestId) q = q.where('request_id', '=', filter.requestId);
  if (filter.sinceSeq !== undefined) q = q.where('seq', '>', filter.sinceSeq);
  return q.execute();
}

export async function lastAuditSeq(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select('seq')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.seq) : 0;
}

export async function countRows(
  db: Kysely<DB>,
  table: 'agencies' | 'teams' | 'users' | 'team_members' | 'sessions' | 'audit_log' | 'sign_in_attempts',
) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The partnership's structure as it stands: agencies, teams, accounts and memberships. Sessions and the
 * audit log are left out — every request touches a session, and a denial is itself audited.
 */
export async function structure(db: Kysely<DB>) {
  return {
    agencies: await db.selectFrom('agencies').selectAll().orderBy('id').execute(),
    teams: await db.selectFrom('teams').selectAll().orderBy('id').execute(),
    users: await db.selectFrom('users').selectAll().orderBy('id').execute(),
    teamMembers: await db
      .selectFrom('team_members')
      .selectAll()
      .orderBy('team_id')
      .orderBy('user_id')
      .execute(),
  };
}

/**
 * A code for the next 30-second step. The code of the current step may already have been spent
 * (at enrolment, or by a sign-in a moment ago), and a spent code is refused as a replay.
 */
export const nextCode = (totp: TOTP) => totp.generate({ timestamp: Date.now() + 30_000 });

/** A 6-digit code that is none of the codes the server would accept around now. */
export function wrongCode(totp: TOTP): string {
  const accepted = new Set(
    [-30_000, 0, 30_000, 60_000].map((offset) => totp.generate({ timestamp: Date.now() + offset })),
  );
  for (let n = 123_456; ; n = (n + 1) % 1_000_000) {
    const code = String(n).padStart(6, '0');
    if (!accepted.has(code)) return code;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Another session for someone who already signed in with two-factor authentication. A code is good for
 * one sign-in only; tests open several sessions within one 30-second step, so the record of the last
 * code used is cleared first, as if the person had waited for a fresh code.
 */
export async function anotherSession(h: Harness, user: TestUser, totp: TOTP | undefined): Promise<Client> {
  if (!totp) return h.signedIn(user);
  await h.db.updateTable('users').set({ totp_last_step: null }).where('id', '=', user.id).execute();
  const client = h.client();
  const res = await client.signIn(user.email, TEST_PASSWORD, totp.generate());
  if (res.status !== 200)
    throw new Error(`second sign-in failed for ${user.email}: ${res.status} ${res.text}`);
  return client;
}
