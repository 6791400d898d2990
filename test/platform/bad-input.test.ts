import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness } from '../support/harness.ts';
import { countRows, structure } from './helpers.ts';

describe(`bad input (${describeDatabase()})`, () => {
  let h: Harness;
  let admin: Client;
  let agencyId: string;
  let before: Awaited<ReturnType<typeof snapshot>>;

  const snapshot = async () => ({
    ...(await structure(h.db)),
    auditEntries: await countRows(h.db, 'audit_log'),
    signInAttempts: await countRows(h.db, 'sign_in_attempts'),
  });
  const fieldsOf = (res: { json: { error: { fields?: { path: string }[] } } }) =>
    (res.json.error.fields ?? []).map((f) => f.path);

  beforeAll(async () => {
    h = await Harness.start();
    admin = await h.signedIn(await h.user(['administrator'], 'other'));
    agencyId = await h.agency('police');
  });
  afterAll(() => h?.close());

  // Every case must leave the database exactly as it found it.
  beforeEach(async () => {
    before = await snapshot();
  });
  const expectUnchanged = async () => expect(await snapshot()).toEqual(before);

  it('refuses malformed JSON with 400 bad_request', async () => {
    const res = await admin.post('/api/agencies', '{"name": "Half an agency", "type": ');
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('bad_request');
    expect(res.json.error.message).toMatch(/not valid JSON/);
    await expectUnchanged();
  });

  it('refuses malformed JSON at sign-in before anything is recorded', async () => {
    const res = await h.client().post('/api/session', '{"email":');
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('bad_request');
    await expectUnchanged();
  });

  it('refuses an empty JSON body', async () => {
    const res = await admin.post('/api/agencies', '');
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('bad_request');
    await expectUnchanged();
  });

  it('refuses an unknown field, naming it', async () => {
    const res = await admin.post('/api/agencies', {
      name: 'Fernbridge Fire Service',
      type: 'other',
      colour: 'red',
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validation_failed');
    expect(res.json.error.fields).toEqual([{ path: 'colour', message: 'is not a recognised field' }]);
    expect(res.json.error.message).toMatch(/colour/);
    await expectUnchanged();
  });

  it('refuses an over-long string, naming the field and the limit', async () => {
    const res = await admin.post('/api/agencies', { name: 'x'.repeat(201), type: 'other' });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validation_failed');
    expect(res.json.error.fields).toEqual([{ path: 'name', message: 'must be at most 200 characters' }]);
    await expectUnchanged();
  });

  it('refuses a blank string after trimming', async () => {
    const res = await admin.post('/api/agencies', { name: '   ', type: 'other' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(['name']);
    await expectUnchanged();
  });

  it('refuses a value of the wrong type, saying what was expected', async () => {
    const res = await admin.post('/api/agencies', { name: 42, type: 'other' });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validation_failed');
    expect(res.json.error.fields).toEqual([{ path: 'name', message: 'must be a string' }]);
    const flag = await admin.patch(`/api/agencies/${agencyId}`, { active: 'no' });
    expect(flag.status).toBe(400);
    expect(flag.json.error.fields).toEqual([{ path: 'active', message: 'must be a boolean' }]);
    await expectUnchanged();
  });

  it('says a missing field is required', async () => {
    const res = await admin.post('/api/agencies', { name: 'Fernbridge Fire Service' });
    expect(res.status).toBe(400);
    expect(res.json.error.fields).toEqual([{ path: 'type', message: 'is required' }]);
    await expectUnchanged();
  });

  it('refuses a value outside a list, naming the field', async () => {
    const res = await admin.post('/api/agencies', { name: 'Fernbridge Fire Service', type: 'fire_service' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(['type']);
    // Worded as zod words it: the web app recognises it and names the options on the page instead.
    expect(res.json.error.fields[0].message).toMatch(/^Invalid option: expected one of /);
    await expectUnchanged();
  });

  it('names nested fields by their path', async () => {
    const res = await admin.post('/api/users', {
      name: 'Casey Nguyen',
      email: 'casey.nguyen@test.example',
      agencyId,
      roles: ['practitioner', 'chief_constable'],
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(['roles.1']);
    await expectUnchanged();
  });

  it('refuses a body that is not JSON with 415', async () => {
    const form = await admin.post('/api/agencies', 'name=Fernbridge+Fire+Service&type=other', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect(form.json.error.code).toBe('unsupported_media_type');
    const xml = await admin.post('/api/agencies', '<agency/>', { 'content-type': 'application/xml' });
    expect(xml.status).toBe(415);
    await expectUnchanged();
  });

  it('refuses a malformed id in the path, naming it', async () => {
    const res = await admin.patch('/api/agencies/not-an-id', { name: 'Renamed' });
    expect(res.status).toBe(400);
    expect(res.json.error.fields).toEqual([{ path: 'id', message: 'must be a valid id' }]);
    await expectUnchanged();
  });

  it('refuses a malformed or unknown query parameter, naming it', async () => {
    const malformed = await admin.get('/api/users?agencyId=42');
    expect(malformed.status).toBe(400);
    expect(fieldsOf(malformed)).toEqual(['agencyId']);
    const unknown = await admin.get('/api/users?sort=name');
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown)).toEqual(['sort']);
    await expectUnchanged();
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const res = await admin.post('/api/agencies', { name: 'x'.repeat(1_100_000), type: 'other' });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('payload_too_large');
    await expectUnchanged();
  });

  it('answers an unknown API path with 404 in the same error shape', async () => {
    const res = await admin.get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
  });
});
