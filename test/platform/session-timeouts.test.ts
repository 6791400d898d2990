import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabase } from '../support/database.ts';
import { Harness } from '../support/harness.ts';
import { sleep } from './helpers.ts';

// 0.04 minutes: a session ends after 2.4 seconds without a request.
const IDLE_MINUTES = 0.04;
const IDLE_MS = IDLE_MINUTES * 60_000;

describe(`session timeouts (${describeDatabase()})`, () => {
  let h: Harness;

  beforeAll(async () => {
    h = await Harness.start({ env: { LANTERN_SESSION_IDLE_MINUTES: String(IDLE_MINUTES) } });
  });
  afterAll(() => h?.close());

  // A role that needs no second factor: these tests are about the session, not the sign-in.
  const signedInPerson = async () => h.signedIn(await h.user(['referrer'], 'education'));

  it('tells the web app how long a session may sit idle', async () => {
    const client = await signedInPerson();
    const me = (await client.get('/api/me')).json.me;
    expect(me.session.idleTimeoutSeconds).toBe(Math.round(IDLE_MS / 1000));
    const idleLeft = new Date(me.session.idleExpiresAt).getTime() - Date.now();
    expect(idleLeft).toBeGreaterThan(0);
    expect(idleLeft).toBeLessThanOrEqual(IDLE_MS);
  });

  it('ends a session left idle longer than the idle timeout', async () => {
    const client = await signedInPerson();
    expect((await client.get('/api/me')).status).toBe(200);
    await sleep(IDLE_MS + 600);
    const res = await client.get('/api/me');
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('unauthenticated');
    // Coming back does not revive it.
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('slides the idle timeout forward with every request', async () => {
    const client = await signedInPerson();
    const started = Date.now();
    // Requests a third of the timeout apart, for well over one whole timeout.
    while (Date.now() - started < IDLE_MS * 1.75) {
      await sleep(IDLE_MS / 3);
      const res = await client.get('/api/reference');
      expect(res.status, `${Date.now() - started} ms after sign-in`).toBe(200);
    }
    const extended = await client.post('/api/session/extend');
    expect(extended.status).toBe(200);
    expect(new Date(extended.json.session.idleExpiresAt).getTime()).toBeGreaterThan(Date.now());
    await sleep(IDLE_MS + 600);
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('ends a session at its absolute expiry, however busy it is', async () => {
    const client = await signedInPerson();
    const me = (await client.get('/api/me')).json.me;
    expect(new Date(me.session.absoluteExpiresAt).getTime()).toBeGreaterThan(Date.now() + 11 * 3600_000);

    await h.db
      .updateTable('sessions')
      .set({ absolute_expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', me.user.id)
      .execute();
    const res = await client.get('/api/me');
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('unauthenticated');
  });

  it('never slides the idle expiry past the absolute expiry', async () => {
    const client = await signedInPerson();
    const me = (await client.get('/api/me')).json.me;
    const absolute = new Date(Date.now() + IDLE_MS / 2);
    await h.db
      .updateTable('sessions')
      .set({ absolute_expires_at: absolute })
      .where('user_id', '=', me.user.id)
      .execute();
    const extended = await client.post('/api/session/extend');
    expect(extended.status).toBe(200);
    expect(new Date(extended.json.session.idleExpiresAt).getTime()).toBeLessThanOrEqual(absolute.getTime());
    await sleep(IDLE_MS / 2 + 300);
    expect((await client.get('/api/me')).status).toBe(401);
  });
});
