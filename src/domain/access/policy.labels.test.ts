/**
 * Every sensitivity label × every role × every agency type × all 128 combinations of relationships,
 * denials included.
 *
 * `expectedToSee` is the need-to-know policy written out by hand as plain conditions, independently of
 * the grant tables in `rules.ts`. A change to who can see a label must be made in both places.
 */
import { describe, expect, it } from 'vitest';
import { EVERY_RELATIONSHIP, makeViewer } from './fixtures.ts';
import { canSeeLabel } from './policy.ts';
import {
  AGENCY_TYPES,
  type AgencyType,
  type ChildRelationship,
  ROLES,
  type Role,
  SENSITIVITY_LABELS,
  type SensitivityLabel,
} from './types.ts';

function mayReadRecord(role: Role, agency: AgencyType, r: ChildRelationship): boolean {
  const named = r.isLeadWorker || r.isCoWorker || r.isInvolvedProfessional;
  const access = named || r.agencyInvolved || r.isMeetingMember;
  const frontDoor = agency === 'childrens_social_care' || agency === 'police';
  const mayBreakGlass = frontDoor || agency === 'health';
  switch (role) {
    case 'practitioner':
    case 'manager':
      return frontDoor || access || (r.breakGlass === true && mayBreakGlass);
    case 'mace_chair':
      return access;
    case 'intelligence_officer':
      return agency === 'police';
    default:
      // Referrers, analysts, DPOs and administrators never read a child's record through their role.
      return false;
  }
}

function expectedToSee(
  label: SensitivityLabel,
  role: Role,
  agency: AgencyType,
  r: ChildRelationship,
): boolean {
  if (label === 'standard') return mayReadRecord(role, agency, r);
  // Restricted labels: break-glass counts for nothing.
  const rel = { ...r, breakGlass: false };
  if (!mayReadRecord(role, agency, rel)) return false;
  const caseworker = role === 'practitioner' || role === 'manager';
  switch (label) {
    case 'police_intelligence':
      return agency === 'police' && (caseworker || role === 'mace_chair' || role === 'intelligence_officer');
    case 'health':
      return caseworker && (agency === 'health' || rel.isLeadWorker);
    case 'sexual_health':
      return (
        caseworker &&
        agency === 'health' &&
        (rel.isLeadWorker || rel.isCoWorker || rel.isInvolvedProfessional)
      );
    case 'third_party':
      return (
        (caseworker && (rel.isLeadWorker || rel.isCoWorker)) || (role === 'manager' && rel.agencyInvolved)
      );
    case 'special_category':
      return (
        caseworker &&
        (rel.isLeadWorker ||
          rel.isCoWorker ||
          rel.isInvolvedProfessional ||
          agency === 'childrens_social_care')
      );
  }
}

describe.each(SENSITIVITY_LABELS)('label %s', (label) => {
  const cases = ROLES.flatMap((role) => AGENCY_TYPES.map((agencyType) => ({ role, agencyType })));

  it.each(cases)('$role in $agencyType, every relationship', ({ role, agencyType }) => {
    const viewer = makeViewer(role, agencyType);
    const mismatches = EVERY_RELATIONSHIP.filter(
      ({ rel }) => canSeeLabel(viewer, label, rel) !== expectedToSee(label, role, agencyType, rel),
    ).map(
      ({ kinds, rel }) =>
        `[${kinds.join(', ') || 'none'}]: expected ${expectedToSee(label, role, agencyType, rel)}`,
    );
    expect(mismatches).toEqual([]);
  });
});

describe('labels with several roles', () => {
  const pairs = ROLES.flatMap((a, i) => ROLES.slice(i + 1).map((b) => [a, b] as const));

  it.each(pairs)('%s + %s see exactly what either sees alone', (a, b) => {
    for (const agencyType of AGENCY_TYPES) {
      for (const label of SENSITIVITY_LABELS) {
        for (const { kinds, rel } of EVERY_RELATIONSHIP) {
          const both = canSeeLabel(makeViewer([a, b], agencyType), label, rel);
          const either = expectedToSee(label, a, agencyType, rel) || expectedToSee(label, b, agencyType, rel);
          expect(both, `${label} in ${agencyType} with [${kinds.join(', ')}]`).toBe(either);
        }
      }
    }
  });
});

describe('break-glass', () => {
  it('never changes whether a restricted label is visible, for any viewer or relationship', () => {
    for (const role of ROLES) {
      for (const agencyType of AGENCY_TYPES) {
        const viewer = makeViewer(role, agencyType);
        for (const { rel } of EVERY_RELATIONSHIP) {
          const withGlass = { ...rel, breakGlass: true };
          const withoutGlass = { ...rel, breakGlass: false };
          for (const label of SENSITIVITY_LABELS.filter((l) => l !== 'standard')) {
            expect(canSeeLabel(viewer, label, withGlass)).toBe(canSeeLabel(viewer, label, withoutGlass));
          }
        }
      }
    }
  });
});

describe('the referrer relationship', () => {
  it('adds nothing to what any viewer sees', () => {
    for (const role of ROLES) {
      for (const agencyType of AGENCY_TYPES) {
        const viewer = makeViewer(role, agencyType);
        for (const { rel } of EVERY_RELATIONSHIP) {
          for (const label of SENSITIVITY_LABELS) {
            expect(canSeeLabel(viewer, label, { ...rel, isReferrer: true })).toBe(
              canSeeLabel(viewer, label, { ...rel, isReferrer: false }),
            );
          }
        }
      }
    }
  });
});
