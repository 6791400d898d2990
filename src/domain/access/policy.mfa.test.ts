/**
 * Who must use a second factor, what each role could ever see, and the shape of the SQL visibility filter.
 */
import { describe, expect, it } from 'vitest';
import { makeViewer } from './fixtures.ts';
import { childVisibility, mfaRequired, reachableLabels } from './policy.ts';
import {
  AGENCY_TYPES,
  type AgencyType,
  ROLES,
  type Role,
  SENSITIVITY_LABELS,
  type SensitivityLabel,
} from './types.ts';

const RESTRICTED: readonly SensitivityLabel[] = SENSITIVITY_LABELS.filter((l) => l !== 'standard');

describe('mfaRequired', () => {
  it.each([
    ['police practitioner', ['practitioner'], 'police'],
    ['police manager', ['manager'], 'police'],
    ['police MACE chair', ['mace_chair'], 'police'],
    ['intelligence officer', ['intelligence_officer'], 'police'],
    ['health practitioner', ['practitioner'], 'health'],
    ['social worker', ['practitioner'], 'childrens_social_care'],
    ['school practitioner (may be lead worker, so sees health)', ['practitioner'], 'education'],
    ['administrator', ['administrator'], 'other'],
    ['data protection officer', ['data_protection_officer'], 'childrens_social_care'],
    ['referrer who is also an administrator', ['referrer', 'administrator'], 'education'],
  ] as const)('is required for a %s', (_, roles, agencyType) => {
    expect(mfaRequired({ roles, agencyType })).toBe(true);
  });

  it.each([
    ['education referrer', ['referrer'], 'education'],
    ['health referrer', ['referrer'], 'health'],
    ['analyst', ['analyst'], 'other'],
    ['MACE chair outside the police (standard only)', ['mace_chair'], 'childrens_social_care'],
  ] as const)('is not required for an %s', (_, roles, agencyType) => {
    expect(mfaRequired({ roles, agencyType })).toBe(false);
  });

  it('fails closed: unknown roles or agency types require MFA', () => {
    expect(mfaRequired({ roles: ['superuser'] as unknown as Role[], agencyType: 'education' })).toBe(true);
    expect(mfaRequired({ roles: ['referrer'], agencyType: 'prison' as unknown as AgencyType })).toBe(true);
    expect(mfaRequired({ roles: 'referrer' as unknown as Role[], agencyType: 'education' })).toBe(true);
  });

  it('is required exactly when a label beyond standard is reachable, or for administrators and DPOs', () => {
    for (const role of ROLES) {
      for (const agencyType of AGENCY_TYPES) {
        const beyondStandard = reachableLabels({ roles: [role], agencyType }).some((l) =>
          RESTRICTED.includes(l),
        );
        const keyHolder = role === 'administrator' || role === 'data_protection_officer';
        expect(mfaRequired({ roles: [role], agencyType }), `${role} in ${agencyType}`).toBe(
          beyondStandard || keyHolder,
        );
      }
    }
  });
});

describe('reachableLabels', () => {
  it('lists what a role could ever see on some child', () => {
    expect(reachableLabels({ roles: ['intelligence_officer'], agencyType: 'police' })).toEqual([
      'standard',
      'police_intelligence',
    ]);
    expect(reachableLabels({ roles: ['practitioner'], agencyType: 'health' })).toEqual([
      'standard',
      'health',
      'sexual_health',
      'third_party',
      'special_category',
    ]);
    expect(reachableLabels({ roles: ['mace_chair'], agencyType: 'education' })).toEqual(['standard']);
    expect(reachableLabels({ roles: ['referrer'], agencyType: 'police' })).toEqual([]);
    expect(reachableLabels({ roles: ['administrator', 'analyst'], agencyType: 'police' })).toEqual([]);
  });
});

describe('childVisibility (the shape of the SQL "visible to this user" filter)', () => {
  it('front-door staff see every child', () => {
    expect(childVisibility(makeViewer('practitioner', 'childrens_social_care')).allChildren).toBe(true);
    expect(childVisibility(makeViewer('intelligence_officer', 'police')).allChildren).toBe(true);
  });

  it('other practitioners see the children they are related to', () => {
    expect(childVisibility(makeViewer('practitioner', 'education'))).toEqual({
      allChildren: false,
      relationships: [
        'lead_worker',
        'co_worker',
        'involved_professional',
        'agency_involved',
        'meeting_member',
      ],
    });
    expect(childVisibility(makeViewer('practitioner', 'health')).relationships).toContain('break_glass');
  });

  it('referrers, analysts, DPOs and administrators see no child', () => {
    for (const role of ['referrer', 'analyst', 'data_protection_officer', 'administrator'] as const) {
      expect(childVisibility(makeViewer(role, 'police'))).toEqual({ allChildren: false, relationships: [] });
    }
  });
});
