/**
 * The one access decision for Lantern: "may this user do this action on this record or field?"
 *
 * Pure functions over the tables in `rules.ts`; no database, no clock, no I/O. The server computes the
 * viewer and their relationship to the child and asks here; presenters use `redactFields` and
 * `visibleItems`; responses carry `permissionsFor` so the web never re-implements a rule.
 *
 * Everything here fails closed. Values reach this module from the database and from requests, so the
 * types are checked again at runtime: an unknown action, role, agency type or label grants nothing, and
 * a malformed viewer or relationship is treated as no access.
 */

import { ACTION_INFO, type Action, isAction } from './actions.ts';
import { ACTION_GRANTS, type ActionGrants, type Grant, LABEL_GRANTS, type LabelGrant } from './rules.ts';
import {
  type AgencyType,
  type ChildRelationship,
  hasRelationship,
  isAgencyType,
  isRole,
  isSensitivityLabel,
  NO_RELATIONSHIP,
  RELATIONSHIP_FLAG,
  RELATIONSHIP_KINDS,
  type RelationshipKind,
  type Role,
  SENSITIVITY_LABELS,
  type SensitivityLabel,
  type Viewer,
} from './types.ts';

export type Decision = { allowed: true } | { allowed: false; reason: string };

export interface DecisionContext {
  /** The viewer's relationship to the child the action is about. Required for actions about one child. */
  child?: ChildRelationship;
  /** The agency that owns the target (a user, a team, the case being closed or signed off). */
  targetAgencyId?: string;
}

// Widened views of the tables, so a lookup by a runtime string is typed as possibly absent.
const ACTION_TABLE: Readonly<Record<Action, ActionGrants>> = ACTION_GRANTS;
const LABEL_TABLE: Readonly<Record<SensitivityLabel, readonly LabelGrant[]>> = LABEL_GRANTS;

const ALLOWED: Decision = Object.freeze({ allowed: true });

function denied(reason: string): Decision {
  return { allowed: false, reason };
}

function isRelationshipObject(value: unknown): value is ChildRelationship {
  return typeof value === 'object' && value !== null;
}

/** The roles this code knows; anything else in the list is ignored, so it can only ever grant less. */
function knownRoles(roles: unknown): Role[] {
  if (!Array.isArray(roles)) return [];
  return [...new Set(roles.filter(isRole))];
}

function isWellFormedViewer(viewer: unknown): viewer is Viewer {
  if (typeof viewer !== 'object' || viewer === null) return false;
  const v = viewer as Record<string, unknown>;
  return (
    typeof v.userId === 'string' &&
    v.userId.length > 0 &&
    typeof v.agencyId === 'string' &&
    v.agencyId.length > 0 &&
    isAgencyType(v.agencyType) &&
    Array.isArray(v.roles)
  );
}

function agencyMatches(allowed: readonly AgencyType[] | undefined, agencyType: AgencyType): boolean {
  return allowed === undefined || allowed.includes(agencyType);
}

function relationshipMatches(
  via: readonly RelationshipKind[] | undefined,
  child: ChildRelationship | undefined,
): boolean {
  if (via === undefined) return true;
  return via.some((kind) => hasRelationship(child, kind));
}

function grantSatisfied(grant: Grant, viewer: Viewer, ctx: DecisionContext): boolean {
  if (!agencyMatches(grant.agencies, viewer.agencyType)) return false;
  if (grant.ownAgency === true && ctx.targetAgencyId !== viewer.agencyId) return false;
  if (!relationshipMatches(grant.via, ctx.child)) return false;
  // The query matches the referral's author; a supplied relationship that does not say "referred this
  // child" means someone is asking about a referral that is not theirs.
  if (grant.ownReferral === true && ctx.child !== undefined && !hasRelationship(ctx.child, 'referrer')) {
    return false;
  }
  return true;
}

function readContext(ctx: unknown): DecisionContext {
  if (typeof ctx !== 'object' || ctx === null) return {};
  const c = ctx as Record<string, unknown>;
  const out: DecisionContext = {};
  // A child value that is present but not an object is kept as a non-relationship: it must deny, not be
  // mistaken for "no child supplied" on an action where that is allowed.
  if (c.child !== undefined)
    out.child = (isRelationshipObject(c.child) ? c.child : null) as ChildRelationship;
  if (typeof c.targetAgencyId === 'string' && c.targetAgencyId.length > 0)
    out.targetAgencyId = c.targetAgencyId;
  return out;
}

/**
 * May this viewer do this action? For actions about one child's record, pass the viewer's relationship
 * to the child (`NO_RELATIONSHIP` when there is none): without it the answer is no.
 * Roles combine by union: the viewer may act if any one of their roles may.
 */
export function decide(viewer: Viewer, action: Action, ctx?: DecisionContext): Decision {
  if (!isAction(action)) return denied('unknown action');
  if (!isWellFormedViewer(viewer)) return denied('viewer not recognised');
  const context = readContext(ctx);
  if (ACTION_INFO[action].concernsChild && !isRelationshipObject(context.child)) {
    return denied(
      "this action concerns a child's record and the viewer's relationship to the child was not given",
    );
  }
  const grantsByRole = ACTION_TABLE[action];
  const roles = knownRoles(viewer.roles).filter((role) => Object.hasOwn(grantsByRole, role));
  if (roles.length === 0) return denied("none of the viewer's roles may do this");
  for (const role of roles) {
    for (const grant of grantsByRole[role] ?? []) {
      if (grantSatisfied(grant, viewer, context)) return ALLOWED;
    }
  }
  return denied(
    "the viewer's roles allow this only with a relationship, agency or ownership they do not have",
  );
}

function withoutBreakGlass(rel: ChildRelationship): ChildRelationship {
  return { ...rel, breakGlass: false };
}

function labelGrantedToRole(
  label: SensitivityLabel,
  viewer: Viewer,
  role: Role,
  rel: ChildRelationship,
): boolean {
  const onlyThisRole: Viewer = { ...viewer, roles: [role] };
  // Each role is judged on its own: a role unlocks a label only on a record that same role may read.
  if (!decide(onlyThisRole, 'child.read', { child: rel }).allowed) return false;
  return LABEL_TABLE[label].some(
    (grant) =>
      grant.roles.includes(role) &&
      agencyMatches(grant.agencies, viewer.agencyType) &&
      relationshipMatches(grant.via, rel),
  );
}

/** May this viewer see an item carrying this label on this child's record? Unknown labels are denied. */
export function canSeeLabel(viewer: Viewer, label: SensitivityLabel, rel: ChildRelationship): boolean {
  if (!isSensitivityLabel(label)) return false;
  if (!isWellFormedViewer(viewer) || !isRelationshipObject(rel)) return false;
  // DANGER: break-glass is emergency access to the standard record only. Removing this line would let
  // anyone who breaks the glass see police intelligence, health and sexual health information.
  const basis = label === 'standard' ? rel : withoutBreakGlass(rel);
  return knownRoles(viewer.roles).some((role) => labelGrantedToRole(label, viewer, role, basis));
}

/** Every combination of relationships (2^7), to ask "could this ever be allowed on some child?". */
const ALL_RELATIONSHIP_COMBINATIONS: readonly ChildRelationship[] = Array.from(
  { length: 2 ** RELATIONSHIP_KINDS.length },
  (_, bits) => {
    const rel: ChildRelationship = { ...NO_RELATIONSHIP };
    RELATIONSHIP_KINDS.forEach((kind, i) => {
      rel[RELATIONSHIP_FLAG[kind]] = (bits & (1 << i)) !== 0;
    });
    return rel;
  },
);

function probeViewer(viewer: Pick<Viewer, 'agencyType' | 'roles'>): Viewer {
  return {
    userId: 'reachability-probe',
    agencyId: 'reachability-probe',
    agencyType: viewer.agencyType,
    roles: knownRoles(viewer.roles),
    teamIds: [],
  };
}

/** Labels this viewer could ever see on some child (used to require MFA). */
export function reachableLabels(viewer: Pick<Viewer, 'agencyType' | 'roles'>): SensitivityLabel[] {
  if (typeof viewer !== 'object' || viewer === null || !isAgencyType(viewer.agencyType)) return [];
  const probe = probeViewer(viewer);
  return SENSITIVITY_LABELS.filter((label) =>
    ALL_RELATIONSHIP_COMBINATIONS.some((rel) => canSeeLabel(probe, label, rel)),
  );
}

/** Roles that hold the keys to accounts, access and the audit trail: MFA whatever they can read. */
const MFA_ROLES: readonly Role[] = ['administrator', 'data_protection_officer'];

/**
 * MFA is required for roles that can see restricted intelligence (anything beyond 'standard') and for
 * administrators and DPOs. Fails closed: an unrecognised role or agency type requires MFA.
 */
export function mfaRequired(viewer: Pick<Viewer, 'agencyType' | 'roles'>): boolean {
  if (typeof viewer !== 'object' || viewer === null) return true;
  if (!isAgencyType(viewer.agencyType) || !Array.isArray(viewer.roles)) return true;
  if (viewer.roles.some((role) => !isRole(role))) return true;
  if (viewer.roles.some((role) => MFA_ROLES.includes(role))) return true;
  return reachableLabels(viewer).some((label) => label !== 'standard');
}

/**
 * Redact a list of labelled items: keeps the ones the viewer may see, in order; never reveals counts of
 * what was removed (the result is a plain array, indistinguishable from a list that never held them).
 * Lists read from the database should already be filtered in SQL; this is the last line for lists
 * assembled in memory (a chronology, a meeting pack).
 */
export function visibleItems<T extends { sensitivity: SensitivityLabel }>(
  viewer: Viewer,
  rel: ChildRelationship,
  items: readonly T[],
): T[] {
  if (!Array.isArray(items)) return [];
  const seen = new Map<unknown, boolean>();
  const may = (label: unknown): boolean => {
    let answer = seen.get(label);
    if (answer === undefined) {
      answer = canSeeLabel(viewer, label as SensitivityLabel, rel);
      seen.set(label, answer);
    }
    return answer;
  };
  return items.filter((item) => typeof item === 'object' && item !== null && may(item.sensitivity));
}

/**
 * Per-field masks: given a record and a map field→label, return a copy without the fields the viewer may
 * not see. A withheld field is absent (not null, not undefined), so its existence is not revealed.
 * DANGER: a field with no entry in `fieldLabels` is treated as 'standard'. A new restricted field must be
 * labelled in the presenter's map, or everyone who can read the record will see it.
 */
export function redactFields<T extends Record<string, unknown>>(
  viewer: Viewer,
  rel: ChildRelationship,
  record: T,
  fieldLabels: Partial<Record<keyof T, SensitivityLabel>>,
): Partial<T> {
  if (typeof record !== 'object' || record === null) return {};
  const labels = (typeof fieldLabels === 'object' && fieldLabels !== null ? fieldLabels : {}) as Record<
    string,
    unknown
  >;
  const labelOf = (key: string): unknown =>
    Object.hasOwn(labels, key) ? (labels[key] ?? 'standard') : 'standard';
  const visible = new Map<unknown, boolean>();
  const kept = Object.entries(record).filter(([key]) => {
    const label = labelOf(key);
    let answer = visible.get(label);
    if (answer === undefined) {
      answer = canSeeLabel(viewer, label as SensitivityLabel, rel);
      visible.set(label, answer);
    }
    return answer;
  });
  // fromEntries defines own properties, so a '__proto__' key from parsed JSON cannot alter the prototype.
  return Object.fromEntries(kept) as Partial<T>;
}

/** What the UI may offer on a child's record: { [action]: boolean } for a given list of actions. */
export function permissionsFor<A extends Action>(
  viewer: Viewer,
  actions: readonly A[],
  ctx?: DecisionContext,
): Record<A, boolean> {
  const list: readonly A[] = Array.isArray(actions) ? actions : [];
  return Object.fromEntries(list.map((action) => [action, decide(viewer, action, ctx).allowed])) as Record<
    A,
    boolean
  >;
}

/**
 * Which children's records this viewer may read, in the shape a query needs for its "visible to this
 * user" condition: every child, or only those where the viewer holds one of these relationships.
 * Derived from the `child.read` rule so the SQL filter and the decision can never disagree.
 */
export function childVisibility(viewer: Viewer): {
  allChildren: boolean;
  relationships: RelationshipKind[];
} {
  const allChildren = decide(viewer, 'child.read', { child: NO_RELATIONSHIP }).allowed;
  const relationships = RELATIONSHIP_KINDS.filter(
    (kind) =>
      decide(viewer, 'child.read', { child: { ...NO_RELATIONSHIP, [RELATIONSHIP_FLAG[kind]]: true } })
        .allowed,
  );
  return { allChildren, relationships };
}
