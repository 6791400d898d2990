/**
 * Situations people will ask about: who sees what, told as stories about one kind of user.
 */
import { describe, expect, it } from 'vitest';
import { EVERY_RELATIONSHIP, makeViewer, OTHER_AGENCY_ID, OWN_AGENCY_ID, relationship } from './fixtures.ts';
import { canSeeLabel, decide, permissionsFor, redactFields, visibleItems } from './policy.ts';
import {
  AGENCY_TYPES,
  NO_RELATIONSHIP,
  SENSITIVITY_LABELS,
  type SensitivityLabel,
  type Viewer,
} from './types.ts';

function labelsSeen(viewer: Viewer, rel = NO_RELATIONSHIP): SensitivityLabel[] {
  return SENSITIVITY_LABELS.filter((label) => canSeeLabel(viewer, label, rel));
}

describe('a school referrer', () => {
  const teacher = makeViewer('referrer', 'education');
  const referred = relationship('referrer');

  it('may refer and sees the outcome of their own referral', () => {
    expect(decide(teacher, 'referral.create')).toEqual({ allowed: true });
    expect(decide(teacher, 'referral.read_own_outcome').allowed).toBe(true);
    expect(decide(teacher, 'referral.read_own_outcome', { child: referred }).allowed).toBe(true);
  });

  it('does not see the outcome of a referral about a child they did not refer', () => {
    expect(decide(teacher, 'referral.read_own_outcome', { child: NO_RELATIONSHIP }).allowed).toBe(false);
    expect(
      decide(teacher, 'referral.read_own_outcome', { child: relationship('agency_involved') }).allowed,
    ).toBe(false);
  });

  it("never reads the child's record or any label, police intelligence included", () => {
    expect(decide(teacher, 'child.read', { child: referred }).allowed).toBe(false);
    expect(decide(teacher, 'child.search').allowed).toBe(false);
    expect(canSeeLabel(teacher, 'police_intelligence', referred)).toBe(false);
    expect(labelsSeen(teacher, referred)).toEqual([]);
  });

  it('still sees nothing when named on the record: a referrer account is not a practitioner account', () => {
    expect(labelsSeen(teacher, relationship('referrer', 'involved_professional', 'agency_involved'))).toEqual(
      [],
    );
  });

  it('may attend a meeting they are invited to, without reading the record', () => {
    const invited = relationship('referrer', 'meeting_member');
    expect(decide(teacher, 'meeting.attend', { child: invited }).allowed).toBe(true);
    expect(decide(teacher, 'child.read', { child: invited }).allowed).toBe(false);
  });
});

describe('a school practitioner who referred and is also involved', () => {
  const dsl = makeViewer('practitioner', 'education');

  it('gets what the other relationship gives, and nothing from having referred', () => {
    const rel = relationship('referrer', 'involved_professional');
    expect(labelsSeen(dsl, rel)).toEqual(['standard', 'special_category']);
    expect(canSeeLabel(dsl, 'third_party', rel)).toBe(false);
  });

  it('sees nothing with the referrer relationship alone', () => {
    expect(decide(dsl, 'child.read', { child: relationship('referrer') }).allowed).toBe(false);
    expect(labelsSeen(dsl, relationship('referrer'))).toEqual([]);
  });
});

describe('police intelligence', () => {
  it('is seen by a police intelligence officer on any child', () => {
    const officer = makeViewer('intelligence_officer', 'police');
    expect(canSeeLabel(officer, 'police_intelligence', NO_RELATIONSHIP)).toBe(true);
    expect(labelsSeen(officer)).toEqual(['standard', 'police_intelligence']);
  });

  it('is not seen by an intelligence officer role held outside the police', () => {
    const misconfigured = makeViewer('intelligence_officer', 'childrens_social_care');
    expect(canSeeLabel(misconfigured, 'police_intelligence', NO_RELATIONSHIP)).toBe(false);
    expect(decide(misconfigured, 'child.read', { child: NO_RELATIONSHIP }).allowed).toBe(false);
  });

  it("is not seen by the child's lead social worker or a non-police MACE chair", () => {
    const lead = relationship('lead_worker', 'co_worker', 'involved_professional', 'agency_involved');
    expect(
      canSeeLabel(makeViewer('practitioner', 'childrens_social_care'), 'police_intelligence', lead),
    ).toBe(false);
    expect(
      canSeeLabel(
        makeViewer(['mace_chair', 'manager'], 'childrens_social_care'),
        'police_intelligence',
        lead,
      ),
    ).toBe(false);
  });

  it('is seen by every police practitioner, manager and MACE chair who may read the record', () => {
    const member = relationship('meeting_member');
    for (const role of ['practitioner', 'manager', 'mace_chair'] as const) {
      expect(canSeeLabel(makeViewer(role, 'police'), 'police_intelligence', member)).toBe(true);
    }
  });
});

describe('a health practitioner on an unrelated case', () => {
  const nurse = makeViewer('practitioner', 'health');

  it('sees nothing at all', () => {
    expect(decide(nurse, 'child.read', { child: NO_RELATIONSHIP }).allowed).toBe(false);
    expect(labelsSeen(nurse)).toEqual([]);
    const items = SENSITIVITY_LABELS.map((sensitivity) => ({ sensitivity, text: 'x' }));
    expect(visibleItems(nurse, NO_RELATIONSHIP, items)).toEqual([]);
    expect(redactFields(nurse, NO_RELATIONSHIP, { name: 'A', dob: '2010-01-01' }, {})).toEqual({});
  });

  it('once involved, sees health but not sexual health through the agency alone', () => {
    const rel = relationship('agency_involved');
    expect(labelsSeen(nurse, rel)).toEqual(['standard', 'health']);
  });

  it('once named on the record, sees sexual health too', () => {
    expect(canSeeLabel(nurse, 'sexual_health', relationship('involved_professional'))).toBe(true);
  });
});

describe('sexual health', () => {
  it("is not seen by the lead worker of another agency, not even children's social care", () => {
    for (const agencyType of AGENCY_TYPES.filter((a) => a !== 'health')) {
      const lead = relationship('lead_worker', 'co_worker', 'involved_professional', 'agency_involved');
      expect(canSeeLabel(makeViewer(['practitioner', 'manager'], agencyType), 'sexual_health', lead)).toBe(
        false,
      );
    }
  });

  it('while health is seen by the lead worker of any agency', () => {
    for (const agencyType of AGENCY_TYPES) {
      expect(canSeeLabel(makeViewer('practitioner', agencyType), 'health', relationship('lead_worker'))).toBe(
        true,
      );
    }
  });
});

describe('third-party information', () => {
  it('is seen by the lead worker and co-worker and by managers of an involved agency', () => {
    expect(
      canSeeLabel(makeViewer('practitioner', 'voluntary_sector'), 'third_party', relationship('co_worker')),
    ).toBe(true);
    expect(
      canSeeLabel(makeViewer('manager', 'education'), 'third_party', relationship('agency_involved')),
    ).toBe(true);
  });

  it('is not seen by practitioners of an involved agency, involved professionals or front-door screeners', () => {
    expect(
      canSeeLabel(makeViewer('practitioner', 'education'), 'third_party', relationship('agency_involved')),
    ).toBe(false);
    expect(
      canSeeLabel(makeViewer('practitioner', 'health'), 'third_party', relationship('involved_professional')),
    ).toBe(false);
    expect(canSeeLabel(makeViewer('practitioner', 'police'), 'third_party', NO_RELATIONSHIP)).toBe(false);
  });
});

describe('break-glass', () => {
  it('opens the standard record for emergency services only, and never a restricted label', () => {
    const glass = relationship('break_glass');
    for (const agencyType of ['childrens_social_care', 'police', 'health'] as const) {
      const viewer = makeViewer('practitioner', agencyType);
      expect(decide(viewer, 'break_glass', { child: NO_RELATIONSHIP }).allowed).toBe(true);
      expect(canSeeLabel(viewer, 'standard', glass)).toBe(true);
    }
    const nurse = makeViewer(['practitioner', 'manager'], 'health');
    expect(labelsSeen(nurse, glass)).toEqual(['standard']);
  });

  it('is not available to schools, voluntary sector, youth justice, housing or other agencies', () => {
    for (const agencyType of [
      'education',
      'voluntary_sector',
      'youth_justice',
      'housing',
      'other',
    ] as const) {
      const viewer = makeViewer(['practitioner', 'manager'], agencyType);
      expect(decide(viewer, 'break_glass', { child: NO_RELATIONSHIP }).allowed).toBe(false);
      expect(decide(viewer, 'child.read', { child: relationship('break_glass') }).allowed).toBe(false);
    }
  });

  it('gives no right to write', () => {
    const nurse = makeViewer('practitioner', 'health');
    const glass = relationship('break_glass');
    for (const action of ['note.create', 'child.update', 'plan.manage', 'chronology.export'] as const) {
      expect(decide(nurse, action, { child: glass }).allowed).toBe(false);
    }
  });
});

describe('administrators, analysts and data protection officers', () => {
  it('administrators get no child data by being administrators', () => {
    for (const agencyType of AGENCY_TYPES) {
      const admin = makeViewer('administrator', agencyType);
      for (const { rel } of EVERY_RELATIONSHIP) {
        expect(decide(admin, 'child.read', { child: rel }).allowed).toBe(false);
        expect(labelsSeen(admin, rel)).toEqual([]);
      }
      expect(decide(admin, 'audit.read').allowed).toBe(false);
      expect(decide(admin, 'user.manage', { targetAgencyId: OTHER_AGENCY_ID }).allowed).toBe(true);
      expect(decide(admin, 'agency.manage').allowed).toBe(true);
    }
  });

  it('analysts read the aggregated problem profile and never a child', () => {
    const analyst = makeViewer('analyst', 'other');
    expect(decide(analyst, 'report.read').allowed).toBe(true);
    for (const { rel } of EVERY_RELATIONSHIP) {
      expect(decide(analyst, 'child.read', { child: rel }).allowed).toBe(false);
    }
    expect(decide(analyst, 'child.search').allowed).toBe(false);
    expect(decide(analyst, 'context.read').allowed).toBe(false);
  });

  it('DPOs read and verify the audit trail, export subject access requests and read the matrix', () => {
    const dpo = makeViewer('data_protection_officer', 'childrens_social_care');
    expect(
      permissionsFor(dpo, ['audit.read', 'audit.verify', 'sar.export', 'access_matrix.read', 'child.read'], {
        child: NO_RELATIONSHIP,
      }),
    ).toEqual({
      'audit.read': true,
      'audit.verify': true,
      'sar.export': true,
      'access_matrix.read': true,
      'child.read': false,
    });
  });
});

describe('own agency', () => {
  const manager = makeViewer('manager', 'youth_justice');
  const involved = relationship('agency_involved');

  it("lets a manager read their own agency's users and approve its closures and sign-offs", () => {
    expect(decide(manager, 'user.read', { targetAgencyId: OWN_AGENCY_ID }).allowed).toBe(true);
    expect(
      decide(manager, 'case.close.approve', { child: involved, targetAgencyId: OWN_AGENCY_ID }).allowed,
    ).toBe(true);
    expect(
      decide(manager, 'assessment.sign_off', { child: involved, targetAgencyId: OWN_AGENCY_ID }).allowed,
    ).toBe(true);
  });

  it("not another agency's, nor when the target agency is missing", () => {
    expect(decide(manager, 'user.read', { targetAgencyId: OTHER_AGENCY_ID }).allowed).toBe(false);
    expect(decide(manager, 'user.read').allowed).toBe(false);
    expect(decide(manager, 'user.read', { targetAgencyId: '' }).allowed).toBe(false);
    expect(
      decide(manager, 'case.close.approve', { child: involved, targetAgencyId: OTHER_AGENCY_ID }).allowed,
    ).toBe(false);
    expect(decide(manager, 'case.close.approve', { child: involved }).allowed).toBe(false);
  });
});
