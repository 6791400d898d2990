import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness, TEST_PASSWORD, type TestUser } from '../support/harness.ts';
import { auditEntries, nextCode, wrongCode } from './helpers.ts';

// Routes open to someone who has yet to set up two-factor authentication: enrolment itself, who they
// are, reference lists, staying signed in and signing out. Everything else must wait.
const OPEN_DURING_ENROLMENT = new Set([
  'post /api/session',
  'get /api/me',
  'post /api/me/mfa/setup',
  'post /api/me/mfa/confirm',
  'get /api/reference',
  'post /api/session/extend',
  'delete /api/session',
  'delete /api/sessions',
]);

describe(`two-factor authentication (${describeDatabase()})`, () => {
  let h: Harness;
  let admin: Client;

  beforeAll(async () => {
    h = await Harness.start();
    admin = await h.signedIn(await h.user(['administrator'], 'other'));
  });
  afterAll(() => h?.close());

  const failedAttempts = async (user: TestUser) =>
    (
      await h.db
        .selectFrom('users')
        .select('failed_attempts')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow()
    ).failed_attempts;

  it('is required of roles that can see restricted information, and of administrators', async () => {
    for (const [roles, agency] of [
      [['intelligence_officer'], 'police'],
      [['administrator'], 'other'],
      [['data_protection_officer'], 'other'],
    ] as const) {
      const user = await h.user([...roles], agency);
      const res = await h.client().signIn(user.email);
      expect(res.status, roles[0]).toBe(200);
      expect(res.json.me.mfa, roles[0]).toEqual({ enrolled: false, required: true, enrolmentRequired: true });
    }
  });

  it('is not required of an education referrer, who can use Lantern straight away', async () => {
    const user = await h.user(['referrer'], 'education');
    const client = h.client();
    const res = await client.signIn(user.email);
    expect(res.status).toBe(200);
    expect(res.json.me.mfa).toEqual({ enrolled: false, required: false, enrolmentRequired: false });
    expect((await client.get('/api/my-work')).status).toBe(200);
  });

  it('closes every other route with 403 mfa_enrolment_required until it is set up', async () => {
    const user = await h.user(['intelligence_officer'], 'police');
    const client = h.client();
    expect((await client.signIn(user.email)).status).toBe(200);

    const spec = (await client.get('/api/openapi.json')).json.paths as Record<
      string,
      Record<string, unknown>
    >;
    const operations = Object.entries(spec).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method, path })),
    );
    const closed = operations.filter(
      ({ method, path }) => path.startsWith('/api/') && !OPEN_DURING_ENROLMENT.has(`${method} ${path}`),
    );
    expect(closed.length).toBeGreaterThan(8);
    for (const { method, path } of closed) {
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await client.request(
        method.toUpperCase(),
        url,
        method === 'get' || method === 'delete' ? undefined : {},
      );
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.json.error.code, `${method} ${path}`).toBe('mfa_enrolment_required');
    }
    for (const open of ['/api/me', '/api/reference']) expect((await client.get(open)).status, open).toBe(200);
  });

  describe('enrolment, then signing in with a code', () => {
    let user: TestUser;
    let client: Client;
    let totp: TOTP;
    let secret: string;

    beforeAll(async () => {
      user = await h.user(['intelligence_officer'], 'police');
      client = h.client();
      await client.signIn(user.email);
    });

    it('starts with a secret and a QR code, sealed before it is stored', async () => {
      const res = await client.post('/api/me/mfa/setup');
      expect(res.status).toBe(200);
      secret = res.json.secret;
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(res.json.otpauthUri).toMatch(/^otpauth:\/\/totp\/Lantern:/);
      expect(res.json.qrSvg).toMatch(/^<svg/);
      totp = new TOTP({ secret: Secret.fromBase32(secret) });
      const row = await h.db
        .selectFrom('users')
        .select(['totp_secret_encrypted', 'totp_enrolled_at'])
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(row.totp_secret_encrypted).toMatch(/^v1:/);
      expect(row.totp_secret_encrypted).not.toContain(secret);
      expect(row.totp_enrolled_at).toBeNull();
    });

    it('refuses a wrong code, naming the field code, and stays unenrolled', async () => {
      for (const code of [wrongCode(totp), 'abc123']) {
        const res = await client.post('/api/me/mfa/confirm', { code });
        expect(res.status, code).toBe(400);
        expect(res.json.error.code).toBe('validation_failed');
        expect(res.json.error.fields.map((f: { path: string }) => f.path)).toEqual(['code']);
      }
      expect((await client.get('/api/agencies')).json.error.code).toBe('mfa_enrolment_required');
    });

    it('accepts the right code, and opens Lantern', async () => {
      const res = await client.post('/api/me/mfa/confirm', { code: totp.generate() });
      expect(res.status).toBe(200);
      expect(res.json.me.mfa).toEqual({ enrolled: true, required: true, enrolmentRequired: false });
      expect((await client.get('/api/agencies')).status).toBe(200);
      expect(await auditEntries(h.db, { action: 'mfa.enrolled', recordId: user.id })).toHaveLength(1);
      const again = await client.post('/api/me/mfa/setup');
      expect(again.status).toBe(409);
    });

    it('asks for the code at the next sign-in, without counting that as a failure', async () => {
      const res = await h.client().signIn(user.email);
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('mfa_required');
      expect(res.setCookie).toBeNull();
      expect(await failedAttempts(user)).toBe(0);
    });

    it('refuses a wrong code with mfa_invalid, counting it towards lockout', async () => {
      const res = await h.client().signIn(user.email, TEST_PASSWORD, wrongCode(totp));
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('mfa_invalid');
      expect(res.setCookie).toBeNull();
      expect(await failedAttempts(user)).toBe(1);
    });

    it('accepts the right code, and refuses the same code a second time', async () => {
      const code = nextCode(totp);
      const first = h.client();
      const res = await first.signIn(user.email, TEST_PASSWORD, code);
      expect(res.status).toBe(200);
      expect(res.json.me.mfa.enrolmentRequired).toBe(false);
      expect((await first.get('/api/agencies')).status).toBe(200);
      expect(await failedAttempts(user)).toBe(0);

      const replay = await h.client().signIn(user.email, TEST_PASSWORD, code);
      expect(replay.status).toBe(401);
      expect(replay.json.error.code).toBe('mfa_invalid');
      // The code spent at enrolment, from an earlier step, is no good either.
      const older = await h.client().signIn(user.email, TEST_PASSWORD, totp.generate());
      expect(older.status).toBe(401);
    });

    it('locks the account after 5 wrong codes in a row', async () => {
      await h.db.updateTable('users').set({ failed_attempts: 0 }).where('id', '=', user.id).execute();
      for (let i = 1; i <= 4; i++) {
        expect(
          (await h.client().signIn(user.email, TEST_PASSWORD, wrongCode(totp))).status,
          `attempt ${i}`,
        ).toBe(401);
      }
      const fifth = await h.client().signIn(user.email, TEST_PASSWORD, wrongCode(totp));
      expect(fifth.status).toBe(423);
      expect(fifth.json.error.code).toBe('account_locked');
      const failures = await auditEntries(h.db, { action: 'session.sign_in_failed', recordId: user.id });
      expect(failures.at(-1)?.reason).toBe('wrong MFA code; account locked');
    });
  });

  it('accepts a code only once even when it is sent twice at the same moment', async () => {
    const user = await h.user(['intelligence_officer'], 'police');
    const { totp } = await h.signedIn(user);
    const code = nextCode(totp as TOTP);
    const attempts = await Promise.all([1, 2].map(() => h.client().signIn(user.email, TEST_PASSWORD, code)));
    expect(attempts.map((r) => r.status).sort()).toEqual([200, 401]);
    expect(attempts.find((r) => r.status === 401)?.json.error.code).toBe('mfa_invalid');
  });

  it('an administrator’s reset ends the person’s sessions and makes them set it up again', async () => {
    const user = await h.user(['intelligence_officer'], 'police');
    const client = await h.signedIn(user);
    expect((await client.get('/api/agencies')).status).toBe(200);

    const res = await admin.post(`/api/users/${user.id}/reset-mfa`);
    expect(res.status).toBe(200);
    expect(res.json.user.mfaEnrolled).toBe(false);
    expect(await auditEntries(h.db, { action: 'mfa.reset', recordId: user.id })).toHaveLength(1);

    expect((await client.get('/api/me')).status).toBe(401);
    const fresh = h.client();
    const signIn = await fresh.signIn(user.email);
    expect(signIn.status).toBe(200);
    expect(signIn.json.me.mfa).toEqual({ enrolled: false, required: true, enrolmentRequired: true });
    expect((await fresh.get('/api/agencies')).json.error.code).toBe('mfa_enrolment_required');
    // The old authenticator is no longer asked for, or accepted.
    const row = await h.db
      .selectFrom('users')
      .select(['totp_secret_encrypted', 'totp_last_step'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret_encrypted: null, totp_last_step: null });
  });

  it('a role change that brings restricted information requires enrolment at once', async () => {
    const user = await h.user(['referrer'], 'education');
    const client = await h.signedIn(user);
    expect((await client.get('/api/my-work')).status).toBe(200);
    const res = await admin.patch(`/api/users/${user.id}`, { roles: ['practitioner'] });
    expect(res.status).toBe(200);
    const after = await client.get('/api/my-work');
    expect(after.status).toBe(403);
    expect(after.json.error.code).toBe('mfa_enrolment_required');
  });
});
