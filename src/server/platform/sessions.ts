import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';

export const SESSION_COOKIE = 'lantern_session';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  csrfToken: string;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

export async function createSession(
  trx: Transaction<DB>,
  config: Config,
  userId: string,
  mfaSatisfied: boolean,
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const now = Date.now();
  const absoluteExpiresAt = new Date(now + config.session.absoluteHours * 3600_000);
  const idleExpiresAt = new Date(
    Math.min(now + config.session.idleMinutes * 60_000, absoluteExpiresAt.getTime()),
  );
  await trx
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      mfa_satisfied: mfaSatisfied,
      idle_expires_at: idleExpiresAt,
      absolute_expires_at: absoluteExpiresAt,
      revoked_at: null,
    })
    .execute();
  return { token, csrfToken, idleExpiresAt, absoluteExpiresAt };
}

export interface ActiveSession {
  id: string;
  userId: string;
  csrfToken: string;
  mfaSatisfied: boolean;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

/**
 * Finds the live session for a cookie token and slides its idle expiry forward. Expired, revoked and
 * unknown tokens all return null: the caller cannot tell which, and need not.
 */
export async function resumeSession(
  db: Kysely<DB>,
  config: Config,
  token: string,
): Promise<ActiveSession | null> {
  const now = new Date();
  const row = await db
    .selectFrom('sessions')
    .select(['id', 'user_id', 'csrf_token', 'mfa_satisfied', 'idle_expires_at', 'absolute_expires_at'])
    .where('id', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .where('idle_expires_at', '>', now)
    .where('absolute_expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return null;
  const absolute = new Date(row.absolute_expires_at);
  const idle = new Date(Math.min(now.getTime() + config.session.idleMinutes * 60_000, absolute.getTime()));
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now, idle_expires_at: idle })
    .where('id', '=', row.id)
    .execute();
  return {
    id: row.id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    mfaSatisfied: row.mfa_satisfied,
    idleExpiresAt: idle,
    absoluteExpiresAt: absolute,
  };
}

export async function revokeSession(trx: Transaction<DB>, sessionId: string) {
  await trx.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', sessionId).execute();
}

export async function revokeAllSessions(trx: Transaction<DB>, userId: string) {
  await trx
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
