import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabase } from '../support/database.ts';
import { Harness } from '../support/harness.ts';

const MINE = /^\/api\/(children|referrals|tasks|my-work|reference\/case-record)/;
const ID = '00000000-0000-4000-8000-000000000000';

describe(`children and referrals routes (${describeDatabase()})`, () => {
  let h: Harness;
  let routes: { method: string; path: string; summary: string }[];

  beforeAll(async () => {
    h = await Harness.start();
    const doc = (await h.client().get('/api/openapi.json')).json;
    routes = Object.entries(doc.paths as Record<string, Record<string, { summary?: string }>>)
      .filter(([path]) => MINE.test(path))
      .flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          summary: op.summary ?? '',
        })),
      );
  });
  afterAll(() => h.close());

  it('every route is in the OpenAPI document with a summary', () => {
    expect(routes.length).toBeGreaterThanOrEqual(30);
    for (const r of routes) expect(r.summary, `${r.method} ${r.path}`).not.toBe('');
  });

  it('every route refuses a request without a session (401)', async () => {
    const anonymous = h.client();
    for (const r of routes) {
      const path = r.path.replace(/\{[^}]+\}/g, ID);
      const res = await anonymous.request(r.method, path, r.method === 'GET' ? undefined : {});
      expect(res.status, `${r.method} ${path}`).toBe(401);
    }
  });
});
