/**
 * THE ACCESS RULES, AS DATA.
 *
 * Every line in this file changes who can see or do something with a child's record. Edit it only with
 * the data protection officer's agreement, then regenerate `docs/access-matrix.md` (the test in
 * `matrix.test.ts` fails until you do) and update the independent expectations in the policy tests.
 *
 * Two tables:
 *  - `ACTION_GRANTS`: for each action, which roles may do it and under which conditions.
 *  - `LABEL_GRANTS`: for each sensitivity label, which roles, agency types and relationships unlock it,
 *    on top of being allowed to read the child's record at all.
 *
 * A role that is not listed for an action, or a label with no grant for the viewer, is denied. There is
 * no "allow unless" anywhere: the only way to grant is to add a line.
 */

import type { Action } from './actions.ts';
import { type AgencyType, type RelationshipKind, ROLES, type Role, type SensitivityLabel } from './types.ts';

/** One way of being allowed. A role holds an action if any of its grants is satisfied. */
export interface Grant {
  /** The viewer's agency must be one of these types. Absent: any agency type. */
  readonly agencies?: readonly AgencyType[];
  /**
   * The viewer must have at least one of these relationships with the child, so the child's relationship
   * must be supplied. Absent: no relationship is needed (for an action about one child: any child).
   */
  readonly via?: readonly RelationshipKind[];
  /** The record belongs to the viewer's own agency: `targetAgencyId` must equal the viewer's agency. */
  readonly ownAgency?: true;
  /**
   * Only the viewer's own referrals. The referral's author is matched by the query; when a child's
   * relationship is supplied it must also say the viewer referred that child.
   */
  readonly ownReferral?: true;
}

export type ActionGrants = Partial<Record<Role, readonly Grant[]>>;

/**
 * The front door: children's social care and police screen referrals (the MASH), so their practitioners
 * and managers may read any child's record without a named relationship.
 * DANGER: adding an agency type here lets every practitioner and manager of that type read every child's
 * record, and (for police) every item of police intelligence.
 */
export const FRONT_DOOR_AGENCIES: readonly AgencyType[] = ['childrens_social_care', 'police'];

/**
 * Agencies whose staff may have to act on a child out of hours with no relationship recorded yet:
 * emergency duty social work, police, and emergency departments.
 * DANGER: adding an agency type here lets its practitioners and managers open any child's record
 * (standard items only) by giving a reason.
 */
export const BREAK_GLASS_AGENCIES: readonly AgencyType[] = ['childrens_social_care', 'police', 'health'];

/** The workers who carry the case. */
const CASEWORK: readonly RelationshipKind[] = ['lead_worker', 'co_worker'];
/** People named on the child's record. */
const NAMED: readonly RelationshipKind[] = ['lead_worker', 'co_worker', 'involved_professional'];
/** Named people, plus everyone in an agency recorded as involved with the child. */
const INVOLVED: readonly RelationshipKind[] = [
  'lead_worker',
  'co_worker',
  'involved_professional',
  'agency_involved',
];
/** Every relationship that opens the record for reading, except the referrer (who only hears the outcome) and break-glass (handled apart). */
const WITH_ACCESS: readonly RelationshipKind[] = [...INVOLVED, 'meeting_member'];

const ALWAYS: readonly Grant[] = [{}];
const FRONT_DOOR: Grant = { agencies: FRONT_DOOR_AGENCIES };
const POLICE_ONLY: readonly Grant[] = [{ agencies: ['police'] }];
const OWN_AGENCY: readonly Grant[] = [{ ownAgency: true }];

/**
 * Freeze a rule table and everything in it: the tables are exported, and a stray `push` elsewhere in the
 * process must not be able to grant access.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function everyRole(grants: readonly Grant[]): Record<Role, readonly Grant[]> {
  return Object.fromEntries(ROLES.map((role) => [role, grants])) as Record<Role, readonly Grant[]>;
}

/**
 * Who may read a child's record, and through which relationship.
 * DANGER: this grant also decides who sees standard items on every child, and is the base every
 * sensitivity label builds on.
 */
const CHILD_READERS: ActionGrants = {
  practitioner: [FRONT_DOOR, { via: WITH_ACCESS }, { via: ['break_glass'], agencies: BREAK_GLASS_AGENCIES }],
  manager: [FRONT_DOOR, { via: WITH_ACCESS }, { via: ['break_glass'], agencies: BREAK_GLASS_AGENCIES }],
  mace_chair: [{ via: WITH_ACCESS }],
  // Intelligence officers link children to persons of concern across the whole area, so they need any
  // child's record. The role means nothing outside a police agency: a misconfigured account in another
  // agency gets nothing.
  intelligence_officer: POLICE_ONLY,
};

export const ACTION_GRANTS = deepFreeze({
  // Platform administration. Administrators run accounts and agencies and get no child data for it;
  // DPOs oversee access and the audit trail; managers see their own agency's people.
  'agency.read': everyRole(ALWAYS), // the partnership directory is not personal data
  'agency.manage': { administrator: ALWAYS },
  'team.read': { administrator: ALWAYS, data_protection_officer: ALWAYS, manager: OWN_AGENCY },
  // Team membership feeds caseload views, so changing it is an account change, kept with administrators.
  'team.manage': { administrator: ALWAYS },
  'user.read': { administrator: ALWAYS, data_protection_officer: ALWAYS, manager: OWN_AGENCY },
  'user.manage': { administrator: ALWAYS },
  'user.reset_mfa': { administrator: ALWAYS },
  // The audit trail names children and who read them, so it is not an administrator's to read.
  'audit.read': { data_protection_officer: ALWAYS },
  'audit.verify': { data_protection_officer: ALWAYS },
  // Everyone may see who can see what: practitioners should know where what they record will go.
  'access_matrix.read': everyRole(ALWAYS),

  // Children and referrals.
  // Search results are limited to the records the viewer may read (see `childVisibility`).
  'child.search': {
    practitioner: ALWAYS,
    manager: ALWAYS,
    mace_chair: ALWAYS,
    intelligence_officer: POLICE_ONLY,
  },
  'child.create': { practitioner: [FRONT_DOOR], manager: [FRONT_DOOR] },
  'child.read': CHILD_READERS,
  'child.update': {
    practitioner: [FRONT_DOOR, { via: CASEWORK }],
    manager: [FRONT_DOOR, { via: CASEWORK }],
  },
  // Merging moves notes, relationships and labels between records: the records function of the local
  // authority, at manager level.
  'child.merge': { manager: [{ agencies: ['childrens_social_care'] }] },
  // Anyone can refer; safeguarding is everyone's responsibility and no role may be slowed down.
  'referral.create': everyRole(ALWAYS),
  'referral.read_own_outcome': everyRole([{ ownReferral: true }]),
  'referral.screen': { practitioner: [FRONT_DOOR], manager: [FRONT_DOOR] },
  // Note authorship ("only the author finalises") is checked by the notes service, not here.
  'note.create': {
    practitioner: [FRONT_DOOR, { via: INVOLVED }],
    manager: [FRONT_DOOR, { via: INVOLVED }],
    intelligence_officer: POLICE_ONLY,
  },
  'note.finalise': {
    practitioner: [FRONT_DOOR, { via: INVOLVED }],
    manager: [FRONT_DOOR, { via: INVOLVED }],
    intelligence_officer: POLICE_ONLY,
  },
  // Children's social care allocates the lead worker; a manager of an involved agency allocates their own
  // co-worker (the allocation service limits them to their own staff).
  'case.allocate': { manager: [{ agencies: ['childrens_social_care'] }, { via: INVOLVED }] },
  'case.close.request': { practitioner: [{ via: CASEWORK }], manager: [{ via: CASEWORK }] },
  // Closure needs a manager of the agency holding the case; disengagement is never a reason (service rule).
  'case.close.approve': { manager: [{ ownAgency: true, via: INVOLVED }] },
  // An export leaves the system, so only the people carrying the case and their managers.
  'chronology.export': { practitioner: [{ via: CASEWORK }], manager: [{ via: INVOLVED }] },

  // Assessment and planning.
  'assessment.create': { practitioner: [{ via: NAMED }], manager: [{ via: NAMED }] },
  'assessment.sign_off': { manager: [{ ownAgency: true, via: INVOLVED }] },
  'plan.manage': { practitioner: [{ via: CASEWORK }], manager: [{ via: INVOLVED }] },

  // Meetings. For a meeting, the server passes the viewer's relationship to the child the meeting is
  // about; for a MACE meeting, `isMeetingMember` comes from its membership list.
  'meeting.manage': {
    mace_chair: ALWAYS,
    practitioner: [{ via: CASEWORK }],
    manager: [{ via: CASEWORK }],
  },
  // A referrer-only account invited to a meeting sees the meeting and its shareable minutes, not the record.
  'meeting.attend': {
    mace_chair: ALWAYS,
    referrer: [{ via: ['meeting_member'] }],
    practitioner: [{ via: ['meeting_member'] }],
    manager: [{ via: ['meeting_member'] }],
    intelligence_officer: [{ via: ['meeting_member'], agencies: ['police'] }],
  },

  // Contexts (persons of concern, places, peer groups, online spaces, vehicles) and disruption. Reached
  // either directly (front door, police intelligence, the MACE chair) or through a linked child.
  'context.read': {
    practitioner: [FRONT_DOOR, { via: WITH_ACCESS }],
    manager: [FRONT_DOOR, { via: WITH_ACCESS }],
    mace_chair: ALWAYS,
    intelligence_officer: POLICE_ONLY,
  },
  'context.manage': {
    practitioner: [{ via: CASEWORK }],
    manager: [FRONT_DOOR, { via: CASEWORK }],
    mace_chair: ALWAYS,
    intelligence_officer: POLICE_ONLY,
  },
  'disruption.manage': {
    practitioner: [{ agencies: ['police'] }, { via: CASEWORK }],
    manager: [{ agencies: ['police'] }, { via: CASEWORK }],
    mace_chair: ALWAYS,
    intelligence_officer: POLICE_ONLY,
  },

  'missing.manage': {
    practitioner: [FRONT_DOOR, { via: INVOLVED }],
    manager: [FRONT_DOOR, { via: INVOLVED }],
  },

  // Reporting and information governance.
  // The problem profile is aggregated and small-number suppressed; it never opens a record.
  'report.read': { analyst: ALWAYS, manager: ALWAYS, mace_chair: ALWAYS },
  // The subject access bundle has its own presenter with third-party redaction; this only says who runs it.
  'sar.export': { data_protection_officer: ALWAYS },
  // DANGER: break-glass opens a record without a relationship. It unlocks standard items only (see
  // `canSeeLabel`), and the server must record the reason and audit every read made under it.
  break_glass: {
    practitioner: [{ agencies: BREAK_GLASS_AGENCIES }],
    manager: [{ agencies: BREAK_GLASS_AGENCIES }],
  },
} as const satisfies Record<Action, ActionGrants>);

/**
 * One way of being allowed to see items with a label. It applies only when the viewer may already read
 * the child's record (`child.read`) through something other than break-glass.
 */
export interface LabelGrant {
  readonly roles: readonly Role[];
  /** The viewer's agency must be one of these types. Absent: any agency type. */
  readonly agencies?: readonly AgencyType[];
  /** The viewer must have one of these relationships with the child. Absent: their record access is enough. */
  readonly via?: readonly RelationshipKind[];
}

export const LABEL_GRANTS = deepFreeze({
  // Everyone who may read the record, including under break-glass.
  standard: [{ roles: ROLES }],

  // DANGER: changing this changes who can see police intelligence. Police staff with access to the child,
  // and intelligence officers. Nobody else, ever, through the label: what police agree to share at a
  // strategy or MACE meeting is shared through the meeting's shareable minutes, with its lawful basis.
  police_intelligence: [
    { roles: ['practitioner', 'manager', 'mace_chair', 'intelligence_officer'], agencies: ['police'] },
  ],

  // Health professionals with access to the child, and the lead worker who coordinates the plan.
  health: [
    { roles: ['practitioner', 'manager'], agencies: ['health'] },
    { roles: ['practitioner', 'manager'], via: ['lead_worker'] },
  ],

  // DANGER: changing this changes who can see sexual health information. Sexual health services are
  // confidential by design; a young person who thinks the clinic tells social care stops going. Only
  // health professionals named on the record (lead worker, co-worker or involved professional): not the
  // lead worker of another agency, not every colleague of an involved NHS trust, not a meeting member.
  sexual_health: [{ roles: ['practitioner', 'manager'], agencies: ['health'], via: NAMED }],

  // Information about other people (other children, family members, the people who told us). The people
  // carrying the case and the managers of agencies involved. Never the referrer: a referral must not become
  // a way to learn what others have said.
  third_party: [
    { roles: ['practitioner', 'manager'], via: CASEWORK },
    { roles: ['manager'], via: ['agency_involved'] },
  ],

  // Ethnicity, religion, sexual orientation, gender identity (UK GDPR article 9): the people named on the
  // record, and children's social care who hold the statutory record.
  special_category: [
    { roles: ['practitioner', 'manager'], via: NAMED },
    { roles: ['practitioner', 'manager'], agencies: ['childrens_social_care'] },
  ],
} as const satisfies Record<SensitivityLabel, readonly LabelGrant[]>);
