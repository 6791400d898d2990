import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mfaRequired } from '../../domain/access/policy.ts';
import { AGENCY_TYPES, type AgencyType } from '../../domain/access/types.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo.ts';

const AGENCY_TYPE_OF: Record<string, AgencyType> = {
  csc: 'childrens_social_care',
  police: 'police',
  health: 'health',
  school: 'education',
  yjs: 'youth_justice',
  vol: 'voluntary_sector',
  partnership: 'other',
};

describe('the demo partnership', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

  it('is listed in the README with the password and whether two-factor authentication is required', () => {
    expect(readme).toContain(DEMO_PASSWORD);
    for (const account of DEMO_ACCOUNTS) {
      const agencyType = AGENCY_TYPE_OF[account.agency];
      expect(AGENCY_TYPES).toContain(agencyType);
      const row = readme.split('\n').find((line) => line.startsWith(`| ${account.email} |`));
      expect(row, `README row for ${account.email}`).toBeDefined();
      const expected = mfaRequired({ agencyType: agencyType as AgencyType, roles: account.roles })
        ? 'required'
        : 'optional';
      expect(row?.trim().endsWith(`| ${expected} |`), `${account.email} should say ${expected}`).toBe(true);
    }
  });

  it('uses only obviously fictional, reserved addresses', () => {
    for (const account of DEMO_ACCOUNTS) expect(account.email).toMatch(/\.example$/);
  });
});
