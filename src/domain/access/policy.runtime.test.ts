/**
 * Values the types do not allow. They reach the policy from the database and from requests, so the
 * policy checks them again at runtime and fails closed.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action } from './actions.ts';
import { makeViewer, OWN_AGENCY_ID, relationship } from './fixtures.ts';
import { canSeeLabel, decide, permissionsFor } from './policy.ts';
import {
  type AgencyType,
  NO_RELATIONSHIP,
  type Role,
  SENSITIVITY_LABELS,
  type SensitivityLabel,
  type Viewer,
} from './types.ts';

function labelsSeen(viewer: Viewer, rel = NO_RELATIONSHIP): SensitivityLabel[] {
  return SENSITIVITY_LABELS.filter((label) => canSeeLabel(viewer, label, rel));
}

describe('values the types do not allow (they come from the database)', () => {
  const screener = makeViewer('practitioner', 'childrens_social_care');

  it.each(['child.delete', 'CHILD.READ', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'denies the unknown action %j',
    (action) => {
      const decision = decide(screener, action as unknown as Action, { child: relationship('lead_worker') });
      expect(decision).toEqual({ allowed: false, reason: 'unknown action' });
      expect(permissionsFor(screener, [action as unknown as Action])).toEqual({ [action]: false });
    },
  );

  it.each(['secret', 'Standard', '', '__proto__', 'toString', null, undefined, 42])(
    'denies the unknown label %j',
    (label) => {
      const lead = relationship('lead_worker', 'co_worker', 'involved_professional');
      expect(canSeeLabel(screener, label as unknown as SensitivityLabel, lead)).toBe(false);
    },
  );

  it('denies unknown roles, and lets known roles beside them grant only what they grant', () => {
    const superuser = { ...screener, roles: ['superuser', 'root'] as unknown as Role[] };
    for (const action of ACTIONS) {
      expect(
        decide(superuser, action, { child: relationship('lead_worker'), targetAgencyId: OWN_AGENCY_ID }),
      ).toEqual(expect.objectContaining({ allowed: false }));
    }
    expect(labelsSeen(superuser, relationship('lead_worker'))).toEqual([]);
    const mixed = {
      ...makeViewer('referrer', 'education'),
      roles: ['superuser', 'referrer'] as unknown as Role[],
    };
    expect(decide(mixed, 'referral.create').allowed).toBe(true);
    expect(decide(mixed, 'child.read', { child: relationship('lead_worker') }).allowed).toBe(false);
  });

  it('denies everything to a viewer whose agency type is unknown', () => {
    const viewer = { ...screener, agencyType: 'prison' as unknown as AgencyType };
    for (const action of ACTIONS) {
      expect(decide(viewer, action, { child: relationship('lead_worker') }).allowed).toBe(false);
    }
    expect(labelsSeen(viewer, relationship('lead_worker'))).toEqual([]);
  });

  it('denies malformed viewers', () => {
    const malformed: unknown[] = [
      null,
      undefined,
      'practitioner',
      { ...screener, roles: 'practitioner' },
      { ...screener, userId: '' },
      { ...screener, agencyId: undefined },
    ];
    for (const viewer of malformed) {
      expect(decide(viewer as Viewer, 'referral.create').allowed).toBe(false);
      expect(canSeeLabel(viewer as Viewer, 'standard', relationship('lead_worker'))).toBe(false);
    }
  });

  it('counts only a real true in a relationship', () => {
    const educator = makeViewer('practitioner', 'education');
    const sloppy = {
      ...NO_RELATIONSHIP,
      isLeadWorker: 'true',
      agencyInvolved: 1,
    } as unknown as typeof NO_RELATIONSHIP;
    expect(decide(educator, 'child.read', { child: sloppy }).allowed).toBe(false);
    expect(labelsSeen(educator, sloppy)).toEqual([]);
  });

  it('treats a null relationship as no relationship, never as "not supplied"', () => {
    const nullChild = { child: null } as unknown as { child: typeof NO_RELATIONSHIP };
    expect(decide(screener, 'child.read', nullChild).allowed).toBe(false);
    expect(decide(makeViewer('referrer', 'education'), 'referral.read_own_outcome', nullChild).allowed).toBe(
      false,
    );
    expect(canSeeLabel(screener, 'standard', null as unknown as typeof NO_RELATIONSHIP)).toBe(false);
  });

  it('gives a reason with every denial', () => {
    const decision = decide(makeViewer('practitioner', 'education'), 'child.read', {
      child: NO_RELATIONSHIP,
    });
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.reason.length).toBeGreaterThan(0);
  });
});
