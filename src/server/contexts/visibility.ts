/**
 * "Visible to this viewer" for contexts and links, as SQL conditions built from the access policy, so
 * that hidden records never leave the database: lists, the network view, matching and the MACE group
 * view all join these conditions, and nothing is loaded and then dropped in a loop (which would leak
 * counts and gaps).
 *
 * The rules, all derived from the policy's tables (src/domain/access):
 * - A link from a child carries a sensitivity label; it is visible when the viewer may see an item
 *   with that label on that child's record (`canSeeLabel`, which includes being allowed to read the
 *   child at all). The SQL asks the same question per label: for every child, for none, or for the
 *   children the viewer has a given relationship with.
 * - A context record, and a link between two contexts, is not a child's record: a label on it is
 *   visible to the roles and agencies the label is granted to without a relationship
 *   (`labelsOnContexts`). Police intelligence on a person of concern is therefore seen by police staff
 *   and nobody else.
 * - A context is visible to someone who may read contexts directly (`decide(viewer, 'context.read')`:
 *   the front door, police intelligence, the MACE chair), or through a visible link to a child whose
 *   record gives them `context.read`.
 * - The network view walks only visible links between visible records, so a hidden record can never
 *   join two visible ones: no gap, no count, no path gives it away.
 *
 * DANGER: every condition here decides who sees police intelligence and which children a person is
 * connected to. Change the policy tables, not these functions.
 */
import { type RawBuilder, sql } from 'kysely';
import { canSeeLabel, decide } from '../../domain/access/policy.ts';
import { LABEL_GRANTS, type LabelGrant } from '../../domain/access/rules.ts';
import {
  type ChildRelationship,
  isRole,
  NO_RELATIONSHIP,
  RELATIONSHIP_FLAG,
  RELATIONSHIP_KINDS,
  type RelationshipKind,
  SENSITIVITY_LABELS,
  type SensitivityLabel,
  type Viewer,
} from '../../domain/access/types.ts';
import { LINK_CONFIG } from '../../domain/contexts/index.ts';

type Sql = RawBuilder<unknown>;
type Condition = RawBuilder<boolean>;

const TRUE: Condition = sql<boolean>`true`;
const FALSE: Condition = sql<boolean>`false`;

function only(kind: RelationshipKind): ChildRelationship {
  return { ...NO_RELATIONSHIP, [RELATIONSHIP_FLAG[kind]]: true };
}

/**
 * The viewer holds this relationship with the child in `child`. The same questions as
 * `relationshipTo` in src/server/children/access.ts asks of one child, asked here of a column.
 * Meeting membership and break-glass open nothing here: membership opens the record of a child on the
 * meeting's agenda (src/server/children/access.ts) for the meeting's papers, and break-glass is for one
 * child's record in an emergency; neither is ever a reason to list a child's connections.
 */
function relationshipSql(viewer: Viewer, kind: RelationshipKind, child: Sql): Condition | null {
  switch (kind) {
    case 'lead_worker':
    case 'co_worker':
    case 'involved_professional':
      return sql<boolean>`EXISTS (SELECT 1 FROM child_professionals cp WHERE cp.child_id = ${child}
        AND cp.ended_at IS NULL AND cp.kind = ${kind} AND cp.user_id = ${viewer.userId})`;
    case 'agency_involved':
      return sql<boolean>`EXISTS (SELECT 1 FROM child_professionals cp WHERE cp.child_id = ${child}
        AND cp.ended_at IS NULL AND cp.agency_id = ${viewer.agencyId})`;
    case 'referrer':
      return sql<boolean>`EXISTS (SELECT 1 FROM referrals r WHERE r.child_id = ${child}
        AND r.referrer_user_id = ${viewer.userId})`;
    case 'meeting_member':
    case 'break_glass':
      return null;
  }
}

function anyOf(conditions: Condition[]): Condition {
  if (conditions.length === 0) return FALSE;
  if (conditions.length === 1) return conditions[0] as Condition;
  return sql<boolean>`(${sql.join(conditions, sql` OR `)})`;
}

/** "On this child, the viewer may …": for every child, for none, or through relationships. */
function onChild(viewer: Viewer, child: Sql, allowed: (rel: ChildRelationship) => boolean): Condition {
  if (allowed(NO_RELATIONSHIP)) return TRUE;
  const kinds = RELATIONSHIP_KINDS.filter((kind) => allowed(only(kind)));
  return anyOf(kinds.flatMap((kind) => relationshipSql(viewer, kind, child) ?? []));
}

/**
 * Labels the viewer may see on a context record or a link between contexts: those granted to one of
 * their roles, in their agency type, without needing a relationship with a child.
 */
export function labelsOnContexts(viewer: Viewer): SensitivityLabel[] {
  const roles = (Array.isArray(viewer.roles) ? viewer.roles : []).filter(isRole);
  return SENSITIVITY_LABELS.filter((label) =>
    (LABEL_GRANTS[label] as readonly LabelGrant[]).some(
      (grant) =>
        grant.via === undefined &&
        grant.roles.some((role) => roles.includes(role)) &&
        (grant.agencies === undefined || grant.agencies.includes(viewer.agencyType)),
    ),
  );
}

/** May read contexts without going through a child: the front door, police intelligence, MACE chairs. */
export function readsContextsDirectly(viewer: Viewer): boolean {
  return decide(viewer, 'context.read').allowed;
}

/** Whether the viewer could read any context at all: directly, or through some child's record. */
export function mayEverReadContexts(viewer: Viewer): boolean {
  return (
    readsContextsDirectly(viewer) ||
    RELATIONSHIP_KINDS.some((kind) => decide(viewer, 'context.read', { child: only(kind) }).allowed)
  );
}

/** The label in `label` may be seen on the child in `child` (which implies the child may be read). */
export function labelOnChildVisible(viewer: Viewer, label: Sql, child: Sql): Condition {
  const always: SensitivityLabel[] = [];
  const some: Condition[] = [];
  for (const l of SENSITIVITY_LABELS) {
    const condition = onChild(viewer, child, (rel) => canSeeLabel(viewer, l, rel));
    if (condition === TRUE) always.push(l);
    else if (condition !== FALSE) some.push(sql<boolean>`(${label} = ${l} AND ${condition})`);
  }
  const parts = always.length ? [sql<boolean>`${label} = ANY(${always}::text[])`, ...some] : some;
  return anyOf(parts);
}

/** The child in `child` is a record this viewer may read contexts through. */
function contextsReadableThroughChild(viewer: Viewer, child: Sql): Condition {
  return onChild(viewer, child, (rel) => decide(viewer, 'context.read', { child: rel }).allowed);
}

/** A link from a child, in alias `l`, may be seen: its label on that child, and the child not merged away. */
function childLinkVisible(viewer: Viewer, l: string): Condition {
  const child = sql.ref(`${l}.from_child_id`);
  return sql<boolean>`(${labelOnChildVisible(viewer, sql.ref(`${l}.sensitivity`), child)}
    AND EXISTS (SELECT 1 FROM people lp WHERE lp.id = ${child} AND lp.merged_into IS NULL))`;
}

/**
 * The context in alias `c` may be seen: not merged away, a label the viewer may see on contexts, and
 * readable directly or through a visible link to a child.
 */
export function contextVisible(viewer: Viewer, c: string): Condition {
  const labels = labelsOnContexts(viewer);
  if (labels.length === 0) return FALSE;
  const base = sql<boolean>`(${sql.ref(`${c}.merged_into`)} IS NULL AND ${sql.ref(`${c}.sensitivity`)} = ANY(${labels}::text[]))`;
  if (readsContextsDirectly(viewer)) return base;
  const through = contextsReadableThroughChild(viewer, sql.ref('via.from_child_id'));
  if (through === FALSE) return FALSE;
  return sql<boolean>`(${base} AND EXISTS (
    SELECT 1 FROM context_links via
    WHERE via.to_context_id = ${sql.ref(`${c}.id`)} AND via.from_child_id IS NOT NULL AND via.withdrawn_on IS NULL
      AND ${childLinkVisible(viewer, 'via')} AND ${through}))`;
}

/**
 * The link in alias `l` may be seen, with both its ends: not withdrawn, its label visible (on the child
 * for a child's link, on contexts otherwise), and each end a record the viewer may see.
 */
export function linkVisible(viewer: Viewer, l: string, opts: { withdrawn?: boolean } = {}): Condition {
  const labels = labelsOnContexts(viewer);
  const ref = (column: string) => sql.ref(`${l}.${column}`);
  const contextEnd = (column: string) =>
    sql<boolean>`EXISTS (SELECT 1 FROM contexts ce WHERE ce.id = ${ref(column)} AND ${contextVisible(viewer, 'ce')})`;
  const label = labels.length ? sql<boolean>`${ref('sensitivity')} = ANY(${labels}::text[])` : FALSE;
  const withdrawn = opts.withdrawn ? TRUE : sql<boolean>`${ref('withdrawn_on')} IS NULL`;
  return sql<boolean>`(${withdrawn}
    AND CASE WHEN ${ref('from_child_id')} IS NOT NULL THEN ${childLinkVisible(viewer, l)}
             ELSE ${label} AND ${contextEnd('from_context_id')} END
    AND ${contextEnd('to_context_id')})`;
}

export interface LinkFilters {
  /** Links seen at some time in this period. */
  from?: string | undefined;
  to?: string | undefined;
  /** The worst source evaluation (1–3) and intelligence assessment (A–E) to include. */
  minSource?: '1' | '2' | '3' | undefined;
  minIntelligence?: 'A' | 'B' | 'C' | 'D' | 'E' | undefined;
  /** Kinds of record to include at either end ('child' and the context kinds). */
  kinds?: readonly string[] | undefined;
  /** Include links that have dropped out of the default view (still never withdrawn ones). */
  outOfView?: boolean | undefined;
}

/**
 * The default view, as `defaultViewStatus` in the domain decides it: never intelligence suspected to be
 * false; a confirmed link always; an unconfirmed link until its review date. `confirmed` is computed by
 * the domain's `isConfirmed` whenever a link is saved or corroborated.
 */
export function inDefaultView(l: string, today: string): Condition {
  return sql<boolean>`(NOT (${sql.ref(`${l}.grade_intelligence`)} = ANY(${[...LINK_CONFIG.hiddenIntelligenceAssessments]}::text[]))
    AND (${sql.ref(`${l}.confirmed`)} OR ${sql.ref(`${l}.review_date`)} >= ${today}::date))`;
}

/** The view's filters on the link in alias `l`. */
export function linkFilters(l: string, filters: LinkFilters, today: string): Condition {
  const ref = (column: string) => sql.ref(`${l}.${column}`);
  const parts: Condition[] = [];
  if (!filters.outOfView) parts.push(inDefaultView(l, today));
  if (filters.from) parts.push(sql<boolean>`${ref('last_seen')} >= ${filters.from}::date`);
  if (filters.to) parts.push(sql<boolean>`${ref('first_seen')} <= ${filters.to}::date`);
  // Grades compare as text: '1' < '2' < '3' and 'A' < … < 'E', better first.
  if (filters.minSource) parts.push(sql<boolean>`${ref('grade_source')} <= ${filters.minSource}`);
  if (filters.minIntelligence)
    parts.push(sql<boolean>`${ref('grade_intelligence')} <= ${filters.minIntelligence}`);
  if (filters.kinds) {
    const kinds = [...filters.kinds];
    parts.push(
      sql<boolean>`${ref('from_kind')} = ANY(${kinds}::text[]) AND ${ref('to_kind')} = ANY(${kinds}::text[])`,
    );
  }
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` AND `)})` : TRUE;
}
