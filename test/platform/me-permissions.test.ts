import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencyType, Role } from '../../src/domain/access/types.ts';
import { describeDatabase } from '../support/database.ts';
import { Harness } from '../support/harness.ts';

/**
 * `GET /api/me` tells the interface what it may offer. Each flag must follow the access policy for the
 * person's role and agency: the web shows or hides navigation by these alone.
 */
const CASES: { who: string; roles: Role[]; agency: AgencyType; expected: Record<string, boolean> }[] = [
  {
    who: 'a front-door practitioner in children’s social care',
    roles: ['practitioner'],
    agency: 'childrens_social_care',
    expected: { screenReferrals: true, readContexts: true, manageUsers: false, readReports: false },
  },
  {
    who: 'a teacher who refers',
    roles: ['referrer'],
    agency: 'education',
    expected: { screenReferrals: false, readContexts: false, manageUsers: false },
  },
  {
    who: 'a police intelligence officer',
    roles: ['intelligence_officer'],
    agency: 'police',
    expected: { screenReferrals: false, readContexts: true },
  },
  {
    who: 'an analyst',
    roles: ['analyst'],
    agency: 'other',
    expected: { screenReferrals: false, readContexts: false, readReports: true },
  },
  {
    who: 'an administrator',
    roles: ['administrator'],
    agency: 'other',
    expected: { screenReferrals: false, readContexts: false, manageUsers: true },
  },
];

describe(`what /api/me says the interface may offer (${describeDatabase()})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(() => h?.close());

  for (const c of CASES) {
    it(`for ${c.who}`, async () => {
      const client = await h.signedIn(await h.user(c.roles, c.agency));
      const res = await client.get('/api/me');
      expect(res.status).toBe(200);
      expect(res.json.me.permissions).toMatchObject(c.expected);
    });
  }
});
