import type { Kysely } from 'kysely';
import { mfaRequired } from '../../domain/access/policy.ts';
import type { AgencyType, Role } from '../../domain/access/types.ts';
import { passwordProblem } from '../../domain/platform/password-policy.ts';
import { appendAudit } from '../audit/audit.ts';
import type { AuditActor } from '../audit/events.ts';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { AppError, invalid } from '../errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { seal, unseal } from './secrets.ts';
import { createSession, type NewSession, revokeAllSessions } from './sessions.ts';
import { enrolmentDetails, matchTotp, newTotpSecret } from './totp.ts';

export interface SignInInput {
  email: string;
  password: string;
  totp?: string | undefined;
  ip: string;
  requestId: string;
}

type Outcome = { ok: true; session: NewSession; userId: string } | { ok: false; error: AppError };

/**
 * Signs a person in. Failures are recorded (attempt, counter, audit entry) in a transaction that
 * commits before the error is returned, so a locked-out attacker cannot roll their attempts back.
 */
export async function signIn(
  db: Kysely<DB>,
  config: Config,
  key: Buffer,
  input: SignInInput,
): Promise<NewSession & { userId: string }> {
  const since = new Date(Date.now() - 15 * 60_000);
  const recent = await db
    .selectFrom('sign_in_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', input.ip)
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= config.lockout.ipPer15Minutes) {
    throw new AppError(
      'too_many_attempts',
      'Too many failed sign-in attempts from this network. Wait 15 minutes and try again.',
    );
  }

  const user = await db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select([
      'users.id',
      'users.email',
      'users.password_hash',
      'users.active',
      'users.roles',
      'users.totp_secret_encrypted',
      'users.totp_enrolled_at',
      'agencies.type as agency_type',
      'agencies.active as agency_active',
    ])
    .where((eb) => eb(eb.fn('lower', ['users.email']), '=', input.email.toLowerCase()))
    .executeTakeFirst();

  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  const actor: AuditActor = { userId: user?.id ?? null, agencyId: null, requestId: input.requestId };
  const now = new Date();

  const outcome: Outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
    // The counters are read again under a row lock, so attempts on one account queue here. Read before
    // the transaction, parallel guesses would each see the same count and never reach the lockout, and
    // one code sent twice at once would pass the replay check twice.
    const counters = user
      ? await trx
          .selectFrom('users')
          .select(['failed_attempts', 'locked_until', 'totp_last_step'])
          .where('id', '=', user.id)
          .forUpdate()
          .executeTakeFirstOrThrow()
      : undefined;
    const recordAttempt = (succeeded: boolean) =>
      trx
        .insertInto('sign_in_attempts')
        .values({ email: input.email.toLowerCase(), ip: input.ip, succeeded })
        .execute();
    const fail = async (error: AppError, reason: string, countsTowardsLockout: boolean): Promise<Outcome> => {
      await recordAttempt(false);
      let lockedNow = false;
      if (user && counters && countsTowardsLockout) {
        const failures = counters.failed_attempts + 1;
        lockedNow = failures >= config.lockout.threshold;
        await trx
          .updateTable('users')
          .set(
            lockedNow
              ? {
                  failed_attempts: 0,
                  locked_until: new Date(now.getTime() + config.lockout.minutes * 60_000),
                }
              : { failed_attempts: failures },
          )
          .where('id', '=', user.id)
          .execute();
      }
      await appendAudit(trx, actor, {
        action: 'session.sign_in_failed',
        recordType: 'user',
        ...(user ? { recordId: user.id } : {}),
        outcome: 'failure',
        reason: lockedNow ? `${reason}; account locked` : reason,
      });
      return { ok: false, error: lockedNow ? lockedError(config.lockout.minutes) : error };
    };

    const invalidCredentials = new AppError(
      'invalid_credentials',
      'The email address or password is not right.',
      [{ path: 'password', message: 'The email address or password is not right' }],
    );
    if (!user || !counters || !user.active || !user.agency_active) {
      return fail(invalidCredentials, user ? 'account disabled' : 'unknown account', false);
    }
    if (counters.locked_until && new Date(counters.locked_until) > now) {
      return fail(
        lockedError(Math.ceil((new Date(counters.locked_until).getTime() - now.getTime()) / 60_000)),
        'account locked',
        false,
      );
    }
    if (!passwordOk) return fail(invalidCredentials, 'wrong password', true);

    const enrolled = user.totp_enrolled_at !== null && user.totp_secret_encrypted !== null;
    let totpStep: number | null = null;
    if (enrolled) {
      if (!input.totp) {
        // The password was right: ask for the second factor without counting a failure.
        return {
          ok: false,
          error: new AppError('mfa_required', 'Enter the 6-digit code from your authenticator app.', [
            { path: 'totp', message: 'Enter the 6-digit code from your authenticator app' },
          ]),
        };
      }
      totpStep = matchTotp(
        unseal(key, user.totp_secret_encrypted as string),
        input.totp,
        counters.totp_last_step,
      );
      if (totpStep === null) {
        return fail(
          new AppError(
            'mfa_invalid',
            'The code is not right, or has already been used. Enter the current code from your authenticator app.',
            [{ path: 'totp', message: 'The code is not right or has already been used' }],
          ),
          'wrong MFA code',
          true,
        );
      }
    }

    await recordAttempt(true);
    await trx
      .updateTable('users')
      .set({
        failed_attempts: 0,
        locked_until: null,
        ...(totpStep !== null ? { totp_last_step: totpStep } : {}),
      })
      .where('id', '=', user.id)
      .execute();
    const required = mfaRequired({ agencyType: user.agency_type as AgencyType, roles: user.roles as Role[] });
    const session = await createSession(trx, config, user.id, enrolled || !required);
    await appendAudit(trx, actor, {
      action: 'session.sign_in',
      recordType: 'user',
      recordId: user.id,
      details: { mfa: enrolled },
    });
    return { ok: true, session, userId: user.id };
  });

  if (!outcome.ok) throw outcome.error;
  return { ...outcome.session, userId: outcome.userId };
}

function lockedError(minutes: number) {
  return new AppError(
    'account_locked',
    `This account is locked for ${minutes} minute${minutes === 1 ? '' : 's'} after too many failed attempts. Try again later or ask an administrator.`,
  );
}

export async function signOut(db: Kysely<DB>, actor: AuditActor, sessionId: string, everywhere: boolean) {
  await db.transaction().execute(async (trx) => {
    if (everywhere && actor.userId) await revokeAllSessions(trx, actor.userId);
    else
      await trx.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', sessionId).execute();
    await appendAudit(trx, actor, {
      action: everywhere ? 'session.sign_out_everywhere' : 'session.sign_out',
      recordType: 'user',
      ...(actor.userId ? { recordId: actor.userId } : {}),
    });
  });
}

/** Starts (or restarts) MFA enrolment: a new secret, kept sealed and pending until a code confirms it. */
export async function beginMfaEnrolment(db: Kysely<DB>, key: Buffer, userId: string) {
  const user = await db
    .selectFrom('users')
    .select(['email', 'totp_enrolled_at'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (user.totp_enrolled_at) {
    throw new AppError(
      'conflict',
      'Two-factor authentication is already set up. Ask an administrator to reset it if you have lost your device.',
    );
  }
  const secret = newTotpSecret();
  await db
    .updateTable('users')
    .set({ totp_secret_encrypted: seal(key, secret) })
    .where('id', '=', userId)
    .execute();
  return enrolmentDetails(secret, user.email);
}

export async function confirmMfaEnrolment(
  db: Kysely<DB>,
  key: Buffer,
  actor: AuditActor,
  sessionId: string,
  code: string,
) {
  await db.transaction().execute(async (trx) => {
    const userId = actor.userId as string;
    const user = await trx
      .selectFrom('users')
      .select(['totp_secret_encrypted', 'totp_enrolled_at'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (user.totp_enrolled_at) throw new AppError('conflict', 'Two-factor authentication is already set up.');
    if (!user.totp_secret_encrypted)
      throw new AppError('conflict', 'Start the set-up first: no code has been issued yet.');
    const step = matchTotp(unseal(key, user.totp_secret_encrypted), code, null);
    if (step === null)
      throw invalid(
        'code',
        'the code is not right; enter the current 6-digit code from your authenticator app',
      );
    await trx
      .updateTable('users')
      .set({ totp_enrolled_at: new Date(), totp_last_step: step })
      .where('id', '=', userId)
      .execute();
    await trx.updateTable('sessions').set({ mfa_satisfied: true }).where('id', '=', sessionId).execute();
    await appendAudit(trx, actor, {
      action: 'mfa.enrolled',
      recordType: 'user',
      recordId: userId,
      fields: ['mfa'],
    });
  });
}

export async function changePassword(
  db: Kysely<DB>,
  actor: AuditActor,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
) {
  const userId = actor.userId as string;
  const user = await db
    .selectFrom('users')
    .select(['password_hash', 'email', 'name'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword)))
    throw invalid('currentPassword', 'is not your current password');
  const problem = passwordProblem(input.newPassword, { email: user.email, name: user.name });
  if (problem) throw invalid('newPassword', problem);
  if (input.newPassword === input.currentPassword)
    throw invalid('newPassword', 'must be different from your current password');
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: false, updated_at: new Date() })
      .where('id', '=', userId)
      .execute();
    // Every other session ends: whoever knew the old password is signed out.
    await trx
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', userId)
      .where('id', '<>', sessionId)
      .where('revoked_at', 'is', null)
      .execute();
    await appendAudit(trx, actor, {
      action: 'user.password_set',
      recordType: 'user',
      recordId: userId,
      fields: ['password'],
    });
  });
}
