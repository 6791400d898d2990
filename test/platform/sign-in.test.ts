import type { TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness, TEST_PASSWORD, type TestUser } from '../support/harness.ts';
import { anotherSession, auditEntries, countRows, structure } from './helpers.ts';

const STRONG_PASSWORD = 'copper heron windmill';

describe(`signing in and out (${describeDatabase()})`, () => {
  let h: Harness;
  let admin: Client & { totp?: TOTP };
  let adminUser: TestUser;
  // A role that needs no second factor, so one person can hold several sessions at once.
  const person = () => h.user(['referrer'], 'education');

  beforeAll(async () => {
    h = await Harness.start();
    adminUser = await h.user(['administrator'], 'other');
    admin = await h.signedIn(adminUser);
  });
  afterAll(() => h?.close());

  describe('the session cookie', () => {
    it('is set on success, out of reach of scripts and never sent by other sites', async () => {
      const user = await person();
      const client = h.client();
      const res = await client.signIn(user.email);
      expect(res.status).toBe(200);
      expect(res.json.me.user.email).toBe(user.email);
      expect(res.json.me.csrfToken).toEqual(expect.any(String));
      const cookie = res.setCookie ?? '';
      expect(cookie).toMatch(/^lantern_session=[^;]{20,};/);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Strict/i);
      expect(cookie).toMatch(/;\s*Path=\/(;|$)/);
      // Served over plain http here, so the cookie cannot be Secure or browsers would drop it.
      expect(cookie).not.toMatch(/;\s*Secure/i);
      expect((await client.get('/api/me')).status).toBe(200);
      expect(await auditEntries(h.db, { action: 'session.sign_in', recordId: user.id })).toHaveLength(1);
    });

    it('is Secure when Lantern is published over https', async () => {
      const https = await Harness.start({
        env: { LANTERN_PUBLIC_URL: 'https://lantern.fernbridge.example' },
      });
      try {
        const user = await https.user(['referrer'], 'education');
        const res = await https.client().signIn(user.email);
        expect(res.status).toBe(200);
        expect(res.setCookie).toMatch(/;\s*Secure/i);
        expect(res.setCookie).toMatch(/;\s*HttpOnly/i);
        expect(res.setCookie).toMatch(/;\s*SameSite=Strict/i);
        // The Origin check follows the published address: the server's own loopback address is not it.
        const fromElsewhere = await https
          .client()
          .post('/api/session', { email: user.email, password: TEST_PASSWORD }, { origin: https.url });
        expect(fromElsewhere.status).toBe(403);
        expect(fromElsewhere.json.error.code).toBe('csrf_failed');
        const fromLantern = await https
          .client()
          .post(
            '/api/session',
            { email: user.email, password: TEST_PASSWORD },
            { origin: 'https://lantern.fernbridge.example' },
          );
        expect(fromLantern.status).toBe(200);
      } finally {
        await https.close();
      }
    });
  });

  describe('wrong credentials', () => {
    it('refuses a wrong password with 401 invalid_credentials and no cookie', async () => {
      const user = await person();
      const sessionsBefore = await countRows(h.db, 'sessions');
      const res = await h.client().signIn(user.email, 'not the right password');
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('invalid_credentials');
      expect(res.setCookie).toBeNull();
      expect(await countRows(h.db, 'sessions')).toBe(sessionsBefore);
      const [entry] = await auditEntries(h.db, { action: 'session.sign_in_failed', recordId: user.id });
      expect(entry).toMatchObject({ outcome: 'failure', reason: 'wrong password' });
    });

    it('answers an unknown email exactly as it answers a wrong password', async () => {
      const user = await person();
      const wrongPassword = await h.client().signIn(user.email, 'not the right password');
      const unknown = await h.client().signIn('nobody.here@test.example', 'not the right password');
      expect(unknown.status).toBe(wrongPassword.status);
      expect(unknown.json).toEqual(wrongPassword.json);
      expect(unknown.setCookie).toBeNull();
      const failures = await auditEntries(h.db, { action: 'session.sign_in_failed' });
      expect(failures.some((e) => e.reason === 'unknown account' && e.record_id === null)).toBe(true);
    });

    it('matches the email whatever its case, and ignores surrounding spaces', async () => {
      const user = await person();
      const res = await h.client().signIn(`  ${user.email.toUpperCase()} `);
      expect(res.status).toBe(200);
      expect(res.json.me.user.id).toBe(user.id);
    });
  });

  describe('lockout', () => {
    it('locks the account after 5 wrong passwords in a row, even against the right password, until an administrator enables it', async () => {
      const user = await person();
      for (let i = 1; i <= 4; i++) {
        const res = await h.client().signIn(user.email, `wrong password ${i}`);
        expect(res.status, `attempt ${i}`).toBe(401);
        expect(res.json.error.code).toBe('invalid_credentials');
      }
      const fifth = await h.client().signIn(user.email, 'wrong password 5');
      expect(fifth.status).toBe(423);
      expect(fifth.json.error.code).toBe('account_locked');

      const right = await h.client().signIn(user.email);
      expect(right.status).toBe(423);
      expect(right.json.error.code).toBe('account_locked');
      expect(right.setCookie).toBeNull();

      const row = await h.db
        .selectFrom('users')
        .select('locked_until')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(new Date(row.locked_until as unknown as string).getTime()).toBeGreaterThan(Date.now());
      const failures = await auditEntries(h.db, { action: 'session.sign_in_failed', recordId: user.id });
      expect(failures).toHaveLength(6);
      expect(failures[4]?.reason).toMatch(/account locked/);
      expect(failures[5]?.reason).toBe('account locked');

      const listed = await admin.get(`/api/users?q=${encodeURIComponent(user.email)}`);
      expect(listed.json.users[0].lockedUntil).toEqual(expect.any(String));

      const enabled = await admin.post(`/api/users/${user.id}/enable`);
      expect(enabled.status).toBe(200);
      expect(enabled.json.user.lockedUntil).toBeNull();
      expect((await h.client().signIn(user.email)).status).toBe(200);
    });

    it('locks the account even when the wrong passwords all arrive at once', async () => {
      const user = await person();
      const attempts = await Promise.all(
        Array.from({ length: 8 }, (_, i) => h.client().signIn(user.email, `parallel guess ${i}`)),
      );
      const statuses = attempts.map((r) => r.status).sort();
      expect(statuses).toEqual([401, 401, 401, 401, 423, 423, 423, 423]);
      expect((await h.client().signIn(user.email)).status).toBe(423);
      // Eight guesses and the locked-out attempt with the right password.
      expect(await auditEntries(h.db, { action: 'session.sign_in_failed', recordId: user.id })).toHaveLength(
        9,
      );
    });

    it('counts only failures in a row: a successful sign-in starts the count again', async () => {
      const user = await person();
      for (let i = 0; i < 4; i++)
        expect((await h.client().signIn(user.email, 'wrong password')).status).toBe(401);
      expect((await h.client().signIn(user.email)).status).toBe(200);
      for (let i = 0; i < 4; i++)
        expect((await h.client().signIn(user.email, 'wrong password')).status).toBe(401);
      expect((await h.client().signIn(user.email)).status).toBe(200);
    });
  });

  it('throttles failed sign-ins from one address, whichever accounts they name', async () => {
    const throttled = await Harness.start({ env: { LANTERN_IP_THROTTLE_PER_15_MINUTES: '5' } });
    try {
      const user = await throttled.user(['referrer'], 'education');
      for (let i = 1; i <= 5; i++) {
        const res = await throttled.client().signIn(`unknown.${i}@test.example`, 'a wrong password');
        expect(res.status, `attempt ${i}`).toBe(401);
      }
      const right = await throttled.client().signIn(user.email);
      expect(right.status).toBe(429);
      expect(right.json.error.code).toBe('too_many_attempts');
      expect(right.setCookie).toBeNull();
      // A client cannot step round the throttle by claiming another address: the proxy is not trusted.
      const spoofed = await throttled
        .client()
        .post(
          '/api/session',
          { email: user.email, password: TEST_PASSWORD },
          { 'x-forwarded-for': '203.0.113.9' },
        );
      expect(spoofed.status).toBe(429);
    } finally {
      await throttled.close();
    }
  });

  it('refuses a disabled account, and ends its sessions at once', async () => {
    const user = await person();
    const client = await h.signedIn(user);
    expect((await client.get('/api/me')).status).toBe(200);

    const res = await admin.post(`/api/users/${user.id}/disable`);
    expect(res.status).toBe(200);
    expect(res.json.user.active).toBe(false);

    const me = await client.get('/api/me');
    expect(me.status).toBe(401);
    expect(me.json.error.code).toBe('unauthenticated');
    const again = await h.client().signIn(user.email);
    expect(again.status).toBe(401);
    expect(again.json.error.code).toBe('invalid_credentials');
    const open = await h.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null)
      .execute();
    expect(open).toEqual([]);
  });

  it('refuses accounts of a disabled agency', async () => {
    const user = await h.user(['referrer'], 'housing', { agencyName: 'Closing Housing Trust' });
    const client = await h.signedIn(user);
    const res = await admin.patch(`/api/agencies/${user.agencyId}`, { active: false });
    expect(res.status).toBe(200);
    expect((await client.get('/api/me')).status).toBe(401);
    expect((await h.client().signIn(user.email)).status).toBe(401);
  });

  describe('cross-site request forgery', () => {
    it('refuses a state-changing request without the CSRF token, or with a wrong one, and changes nothing', async () => {
      const otherSessions = await anotherSession(h, adminUser, admin.totp);
      const before = await structure(h.db);
      const noToken = h.client();
      noToken.cookie = admin.cookie;
      const missing = await noToken.post('/api/agencies', { name: 'Forged Agency', type: 'other' });
      expect(missing.status).toBe(403);
      expect(missing.json.error.code).toBe('csrf_failed');

      const wrong = await admin.post(
        '/api/agencies',
        { name: 'Forged Agency', type: 'other' },
        { 'x-csrf-token': 'not-the-token' },
      );
      expect(wrong.status).toBe(403);
      expect(wrong.json.error.code).toBe('csrf_failed');

      const anotherSessionsToken = await admin.post(
        '/api/agencies',
        { name: 'Forged Agency', type: 'other' },
        { 'x-csrf-token': otherSessions.csrfToken ?? '' },
      );
      expect(anotherSessionsToken.status).toBe(403);

      expect(await structure(h.db)).toEqual(before);
      expect(await auditEntries(h.db, { action: 'agency.created', actor: adminUser.id })).toEqual([]);
    });

    it('cannot sign someone out from another site', async () => {
      const user = await person();
      const client = await h.signedIn(user);
      const res = await client.delete('/api/session', { 'x-csrf-token': '' });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('csrf_failed');
      expect((await client.get('/api/me')).status).toBe(200);
    });

    it('refuses a sign-in posted from another origin, and accepts one from Lantern’s own', async () => {
      const user = await person();
      const sessionsBefore = await countRows(h.db, 'sessions');
      const foreign = await h
        .client()
        .post(
          '/api/session',
          { email: user.email, password: TEST_PASSWORD },
          { origin: 'https://evil.example' },
        );
      expect(foreign.status).toBe(403);
      expect(foreign.json.error.code).toBe('csrf_failed');
      expect(foreign.setCookie).toBeNull();
      const crossSite = await h
        .client()
        .post(
          '/api/session',
          { email: user.email, password: TEST_PASSWORD },
          { 'sec-fetch-site': 'cross-site' },
        );
      expect(crossSite.status).toBe(403);
      expect(await countRows(h.db, 'sessions')).toBe(sessionsBefore);

      const own = await h
        .client()
        .post('/api/session', { email: user.email, password: TEST_PASSWORD }, { origin: h.url });
      expect(own.status).toBe(200);
    });
  });

  describe('signing out', () => {
    it('ends the session: the old cookie no longer works', async () => {
      const user = await person();
      const client = await h.signedIn(user);
      const oldCookie = client.cookie;
      const res = await client.delete('/api/session');
      expect(res.status).toBe(204);
      expect(res.setCookie).toMatch(/^lantern_session=;/);

      const replay = h.client();
      replay.cookie = oldCookie;
      const me = await replay.get('/api/me');
      expect(me.status).toBe(401);
      expect(me.json.error.code).toBe('unauthenticated');
      expect(await auditEntries(h.db, { action: 'session.sign_out', actor: user.id })).toHaveLength(1);
    });

    it('everywhere: ends every other session of the same person, and only theirs', async () => {
      const user = await person();
      const bystander = await h.signedIn(await person());
      const laptop = await h.signedIn(user);
      const phone = await h.signedIn(user);
      const res = await laptop.delete('/api/sessions');
      expect(res.status).toBe(204);
      expect((await phone.get('/api/me')).status).toBe(401);
      expect((await laptop.get('/api/me')).status).toBe(401);
      expect((await bystander.get('/api/me')).status).toBe(200);
      expect(
        await auditEntries(h.db, { action: 'session.sign_out_everywhere', actor: user.id }),
      ).toHaveLength(1);
    });
  });

  describe('changing one’s password', () => {
    it('refuses a weak new password, naming newPassword, and a wrong current one, naming currentPassword', async () => {
      const user = await person();
      const client = await h.signedIn(user);
      const before = await structure(h.db);

      const weak = await client.post('/api/me/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'short',
      });
      expect(weak.status).toBe(400);
      expect(weak.json.error.code).toBe('validation_failed');
      expect(weak.json.error.fields).toEqual([
        { path: 'newPassword', message: expect.stringMatching(/at least 12 characters/) },
      ]);

      const common = await client.post('/api/me/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'Password1234',
      });
      expect(common.status).toBe(400);
      expect(common.json.error.fields[0].path).toBe('newPassword');

      const same = await client.post('/api/me/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: TEST_PASSWORD,
      });
      expect(same.status).toBe(400);
      expect(same.json.error.fields[0].path).toBe('newPassword');

      const wrongCurrent = await client.post('/api/me/password', {
        currentPassword: 'not my password',
        newPassword: STRONG_PASSWORD,
      });
      expect(wrongCurrent.status).toBe(400);
      expect(wrongCurrent.json.error.fields[0].path).toBe('currentPassword');

      expect(await structure(h.db)).toEqual(before);
    });

    it('sets the new password and ends the person’s other sessions, keeping this one', async () => {
      const user = await person();
      const here = await h.signedIn(user);
      const elsewhere = await h.signedIn(user);
      const res = await here.post('/api/me/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: STRONG_PASSWORD,
      });
      expect(res.status).toBe(204);

      expect((await here.get('/api/me')).status).toBe(200);
      expect((await elsewhere.get('/api/me')).status).toBe(401);
      expect((await h.client().signIn(user.email, TEST_PASSWORD)).status).toBe(401);
      expect((await h.client().signIn(user.email, STRONG_PASSWORD)).status).toBe(200);
      const [entry] = await auditEntries(h.db, { action: 'user.password_set', recordId: user.id });
      expect(entry).toMatchObject({ actor_user_id: user.id, fields: ['password'] });
    });
  });
});
