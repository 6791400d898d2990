/**
 * Every role × every action × every agency type, in every context (no record, own or other agency's
 * target, a child with each single relationship or none), denials included.
 *
 * The expectations below are written by hand in their own small notation, independently of the grant
 * table in `rules.ts`. If you change a rule, you must change it here too: that second look is the point.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action } from './actions.ts';
import { makeViewer, OTHER_AGENCY_ID, OWN_AGENCY_ID, relationship } from './fixtures.ts';
import { type DecisionContext, decide } from './policy.ts';
import {
  AGENCY_TYPES,
  type AgencyType,
  NO_RELATIONSHIP,
  RELATIONSHIP_KINDS,
  type RelationshipKind,
  ROLES,
  type Role,
} from './types.ts';

/*
 * Notation (one cell = alternatives separated by " | "; any one is enough; a missing role = never):
 *   yes             allowed, whatever the context
 *   child           a child's relationship is supplied (any, including none)
 *   rel:lead,co     a child's relationship is supplied and includes one of these
 *   own-agency      the target agency is the viewer's own
 *   own-referral    no child supplied, or the child's relationship says the viewer referred
 *   a&b             both conditions
 *   …@csc+police    only for viewers in these agency types
 */
const ALL = (cell: string): Record<Role, string> => ({
  referrer: cell,
  practitioner: cell,
  manager: cell,
  mace_chair: cell,
  intelligence_officer: cell,
  analyst: cell,
  data_protection_officer: cell,
  administrator: cell,
});

const READ_BY_RELATIONSHIP = 'rel:lead,co,prof,agency,meeting';

const EXPECTED: Record<Action, Partial<Record<Role, string>>> = {
  'agency.read': ALL('yes'),
  'agency.manage': { administrator: 'yes' },
  'team.read': { administrator: 'yes', data_protection_officer: 'yes', manager: 'own-agency' },
  'team.manage': { administrator: 'yes' },
  'user.read': { administrator: 'yes', data_protection_officer: 'yes', manager: 'own-agency' },
  'user.manage': { administrator: 'yes' },
  'user.reset_mfa': { administrator: 'yes' },
  'audit.read': { data_protection_officer: 'yes' },
  'audit.verify': { data_protection_officer: 'yes' },
  'access_matrix.read': ALL('yes'),

  'child.search': {
    practitioner: 'yes',
    manager: 'yes',
    mace_chair: 'yes',
    intelligence_officer: 'yes@police',
  },
  'child.create': { practitioner: 'yes@csc+police', manager: 'yes@csc+police' },
  'child.read': {
    practitioner: `child@csc+police | ${READ_BY_RELATIONSHIP} | rel:bg@csc+police+health`,
    manager: `child@csc+police | ${READ_BY_RELATIONSHIP} | rel:bg@csc+police+health`,
    mace_chair: READ_BY_RELATIONSHIP,
    intelligence_officer: 'child@police',
  },
  'child.update': {
    practitioner: 'child@csc+police | rel:lead,co',
    manager: 'child@csc+police | rel:lead,co',
  },
  'child.merge': { manager: 'child@csc' },
  'referral.create': ALL('yes'),
  'referral.read_own_outcome': ALL('own-referral'),
  'referral.screen': { practitioner: 'yes@csc+police', manager: 'yes@csc+police' },
  'note.create': {
    practitioner: 'child@csc+police | rel:lead,co,prof,agency',
    manager: 'child@csc+police | rel:lead,co,prof,agency',
    intelligence_officer: 'child@police',
  },
  'note.finalise': {
    practitioner: 'child@csc+police | rel:lead,co,prof,agency',
    manager: 'child@csc+police | rel:lead,co,prof,agency',
    intelligence_officer: 'child@police',
  },
  'case.allocate': { manager: 'child@csc | rel:lead,co,prof,agency' },
  'case.close.request': { practitioner: 'rel:lead,co', manager: 'rel:lead,co' },
  'case.close.approve': { manager: 'own-agency&rel:lead,co,prof,agency' },
  'chronology.export': { practitioner: 'rel:lead,co', manager: 'rel:lead,co,prof,agency' },

  'assessment.create': { practitioner: 'rel:lead,co,prof', manager: 'rel:lead,co,prof' },
  'assessment.sign_off': { manager: 'own-agency&rel:lead,co,prof,agency' },
  'plan.manage': { practitioner: 'rel:lead,co', manager: 'rel:lead,co,prof,agency' },

  'meeting.manage': { mace_chair: 'yes', practitioner: 'rel:lead,co', manager: 'rel:lead,co' },
  'meeting.attend': {
    mace_chair: 'yes',
    referrer: 'rel:meeting',
    practitioner: 'rel:meeting',
    manager: 'rel:meeting',
    intelligence_officer: 'rel:meeting@police',
  },

  'context.read': {
    practitioner: `yes@csc+police | ${READ_BY_RELATIONSHIP}`,
    manager: `yes@csc+police | ${READ_BY_RELATIONSHIP}`,
    mace_chair: 'yes',
    intelligence_officer: 'yes@police',
  },
  'context.manage': {
    practitioner: 'rel:lead,co',
    manager: 'yes@csc+police | rel:lead,co',
    mace_chair: 'yes',
    intelligence_officer: 'yes@police',
  },
  'disruption.manage': {
    practitioner: 'yes@police | rel:lead,co',
    manager: 'yes@police | rel:lead,co',
    mace_chair: 'yes',
    intelligence_officer: 'yes@police',
  },

  'missing.manage': {
    practitioner: 'child@csc+police | rel:lead,co,prof,agency',
    manager: 'child@csc+police | rel:lead,co,prof,agency',
  },

  'report.read': { analyst: 'yes', manager: 'yes', mace_chair: 'yes' },
  'sar.export': { data_protection_officer: 'child' },
  break_glass: { practitioner: 'child@csc+police+health', manager: 'child@csc+police+health' },
};

/** Actions about one child's record, listed by hand: these must refuse to decide without the child. */
const CHILD_RECORD_ACTIONS: readonly Action[] = [
  'child.read',
  'child.update',
  'child.merge',
  'note.create',
  'note.finalise',
  'case.allocate',
  'case.close.request',
  'case.close.approve',
  'chronology.export',
  'assessment.create',
  'assessment.sign_off',
  'plan.manage',
  'missing.manage',
  'sar.export',
  'break_glass',
];

const AGENCY_SHORT: Record<string, AgencyType> = {
  csc: 'childrens_social_care',
  police: 'police',
  health: 'health',
  education: 'education',
  yj: 'youth_justice',
  vol: 'voluntary_sector',
  housing: 'housing',
  other: 'other',
};

const RELATIONSHIP_SHORT: Record<string, RelationshipKind> = {
  lead: 'lead_worker',
  co: 'co_worker',
  prof: 'involved_professional',
  agency: 'agency_involved',
  meeting: 'meeting_member',
  referrer: 'referrer',
  bg: 'break_glass',
};

interface Scenario {
  name: string;
  /** undefined: no child supplied; null: a child with no relationship; otherwise the one relationship held. */
  child: RelationshipKind | null | undefined;
  target: 'own' | 'other' | undefined;
}

const SCENARIOS: readonly Scenario[] = [undefined, null, ...RELATIONSHIP_KINDS].flatMap((child) =>
  (['own', 'other', undefined] as const).map((target) => ({
    name: `child=${child === undefined ? 'absent' : (child ?? 'none')}, target=${target ?? 'absent'}`,
    child,
    target,
  })),
);

function contextFor(scenario: Scenario): DecisionContext | undefined {
  const ctx: DecisionContext = {};
  if (scenario.child === null) ctx.child = NO_RELATIONSHIP;
  else if (scenario.child !== undefined) ctx.child = relationship(scenario.child);
  if (scenario.target === 'own') ctx.targetAgencyId = OWN_AGENCY_ID;
  if (scenario.target === 'other') ctx.targetAgencyId = OTHER_AGENCY_ID;
  return Object.keys(ctx).length === 0 ? undefined : ctx;
}

function conditionHolds(condition: string, scenario: Scenario): boolean {
  if (condition === 'yes') return true;
  if (condition === 'child') return scenario.child !== undefined;
  if (condition === 'own-agency') return scenario.target === 'own';
  if (condition === 'own-referral') return scenario.child === undefined || scenario.child === 'referrer';
  if (condition.startsWith('rel:')) {
    const kinds = condition
      .slice(4)
      .split(',')
      .map((short) => {
        const kind = RELATIONSHIP_SHORT[short];
        if (!kind) throw new Error(`bad relationship in expectation: ${short}`);
        return kind;
      });
    return scenario.child !== undefined && scenario.child !== null && kinds.includes(scenario.child);
  }
  throw new Error(`bad condition in expectation: ${condition}`);
}

function expected(cell: string | undefined, agencyType: AgencyType, scenario: Scenario): boolean {
  if (cell === undefined) return false;
  return cell.split(' | ').some((alternative) => {
    const [conditions = '', agencies] = alternative.trim().split('@');
    if (agencies !== undefined) {
      const allowed = agencies.split('+').map((short) => {
        const type = AGENCY_SHORT[short];
        if (!type) throw new Error(`bad agency in expectation: ${short}`);
        return type;
      });
      if (!allowed.includes(agencyType)) return false;
    }
    return conditions.split('&').every((condition) => conditionHolds(condition, scenario));
  });
}

describe('the expectation table', () => {
  it('covers exactly the actions the policy knows', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });
});

describe.each(ACTIONS)('%s', (action) => {
  const cases = ROLES.flatMap((role) => AGENCY_TYPES.map((agencyType) => ({ role, agencyType })));

  it.each(cases)('$role in $agencyType', ({ role, agencyType }) => {
    const viewer = makeViewer(role, agencyType);
    const cell = EXPECTED[action][role];
    const mismatches = SCENARIOS.filter((scenario) => {
      const actual = decide(viewer, action, contextFor(scenario)).allowed;
      return actual !== expected(cell, agencyType, scenario);
    }).map((scenario) => `${scenario.name}: expected ${expected(cell, agencyType, scenario)}`);
    expect(mismatches).toEqual([]);
  });

  if (CHILD_RECORD_ACTIONS.includes(action)) {
    it('is denied to every role when the relationship to the child is not supplied', () => {
      for (const role of ROLES) {
        for (const agencyType of AGENCY_TYPES) {
          const viewer = makeViewer(role, agencyType);
          expect(decide(viewer, action).allowed).toBe(false);
          expect(decide(viewer, action, { targetAgencyId: OWN_AGENCY_ID }).allowed).toBe(false);
        }
      }
    });
  }
});

describe('several roles', () => {
  const contexts = SCENARIOS.map(contextFor);
  const pairs = ROLES.flatMap((a, i) => ROLES.slice(i + 1).map((b) => [a, b] as const));

  it.each(pairs)('%s + %s may do exactly what either may do alone', (a, b) => {
    for (const agencyType of AGENCY_TYPES) {
      for (const action of ACTIONS) {
        for (const ctx of contexts) {
          const both = decide(makeViewer([a, b], agencyType), action, ctx).allowed;
          const either =
            decide(makeViewer(a, agencyType), action, ctx).allowed ||
            decide(makeViewer(b, agencyType), action, ctx).allowed;
          expect(both, `${action} in ${agencyType}`).toBe(either);
        }
      }
    }
  });
});
