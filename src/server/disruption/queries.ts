/**
 * Reading disruption records for one viewer. A record is visible through its target (a context the
 * viewer may see, with a label they may see on contexts), through a child it protects (the label on
 * that child's record), or to its owner. The condition is in the SQL, like every list in Lantern.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Viewer } from '../../domain/access/types.ts';
import {
  type DisruptionStatus,
  type MeasureId,
  measure,
  STATUS_NAMES,
} from '../../domain/disruption/index.ts';
import type { Db } from '../contexts/queries.ts';
import { contextVisible, labelOnChildVisible, labelsOnContexts } from '../contexts/visibility.ts';

/** The disruption record in alias `d` may be seen by the viewer. DANGER: decides who sees orders against people. */
export function disruptionVisible(viewer: Viewer, d: string): RawBuilder<boolean> {
  const ref = (column: string) => sql.ref(`${d}.${column}`);
  const labels = labelsOnContexts(viewer);
  const throughTarget = labels.length
    ? sql<boolean>`(${ref('sensitivity')} = ANY(${labels}::text[]) AND EXISTS (
        SELECT 1 FROM contexts dt WHERE dt.id = ${ref('target_context_id')} AND ${contextVisible(viewer, 'dt')}))`
    : sql<boolean>`false`;
  return sql<boolean>`(${ref('owner_user_id')} = ${viewer.userId}
    OR ${throughTarget}
    OR EXISTS (SELECT 1 FROM disruption_children dvc WHERE dvc.disruption_id = ${ref('id')}
      AND ${labelOnChildVisible(viewer, ref('sensitivity'), sql.ref('dvc.child_id'))}))`;
}

export interface DisruptionRow {
  id: string;
  measure: MeasureId;
  target_kind: string | null;
  target_context_id: string | null;
  /** The viewer may see the target: only then is it named or linked. */
  target_visible: boolean;
  target_name: string | null;
  status: DisruptionStatus;
  applicant: string;
  lead_agency_id: string;
  lead_agency_name: string;
  owner_user_id: string;
  owner_name: string;
  requested_on: string | null;
  issued_on: string | null;
  served_on: string | null;
  expires_on: string | null;
  until_further_order: boolean;
  conditions: string[];
  outcome: string | null;
  sensitivity: string;
  facts: Record<string, unknown>;
  eligibility: Record<string, unknown>;
  created_at: Date;
  created_by_name: string;
}

/**
 * The target is named only to a viewer who may see it: a record can be visible through a child it protects
 * while its target is a person of concern they may not see (police intelligence). `target_visible` says
 * whether the presenters may show the target at all. DANGER: this decides who learns who an order is against.
 */
export function targetColumns(viewer: Viewer) {
  const visible = sql<boolean>`COALESCE(t.id IS NOT NULL AND ${contextVisible(viewer, 't')}, false)`;
  return sql`${visible} AS target_visible, CASE WHEN ${visible} THEN t.display_name END AS target_name`;
}

const columnsFor = (
  viewer: Viewer,
) => sql`d.id, d.measure, d.target_kind, d.target_context_id, ${targetColumns(viewer)}, d.status,
  d.applicant, d.lead_agency_id, la.name AS lead_agency_name, d.owner_user_id, ou.name AS owner_name,
  d.requested_on::text AS requested_on, d.issued_on::text AS issued_on, d.served_on::text AS served_on,
  d.expires_on::text AS expires_on, d.until_further_order, d.conditions, d.outcome, d.sensitivity, d.facts,
  d.eligibility, d.created_at, cu.name AS created_by_name`;
const joins = sql`LEFT JOIN contexts t ON t.id = d.target_context_id
  JOIN agencies la ON la.id = d.lead_agency_id
  JOIN users ou ON ou.id = d.owner_user_id
  JOIN users cu ON cu.id = d.created_by`;

export async function loadDisruption(db: Db, viewer: Viewer, id: string): Promise<DisruptionRow | null> {
  const { rows } = await sql<DisruptionRow>`
    SELECT ${columnsFor(viewer)} FROM disruptions d ${joins}
    WHERE d.id = ${id} AND ${disruptionVisible(viewer, 'd')}`.execute(db);
  return rows[0] ?? null;
}

export interface BreachRow {
  id: string;
  breach_date: string;
  description: string;
  response: string | null;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: Date;
}

export async function breachesOf(db: Db, disruptionId: string): Promise<BreachRow[]> {
  const { rows } = await sql<BreachRow>`
    SELECT b.id, b.breach_date::text AS breach_date, b.description, b.response, b.recorded_by, u.name AS recorded_by_name,
      b.recorded_at
    FROM disruption_breaches b JOIN users u ON u.id = b.recorded_by
    WHERE b.disruption_id = ${disruptionId}
    ORDER BY b.breach_date, b.recorded_at, b.id`.execute(db);
  return rows;
}

/** The protected children the viewer may read (the others are not named to them). */
export async function protectedChildren(db: Db, viewer: Viewer, disruptionId: string, sensitivity: string) {
  const { rows } = await sql<{ id: string; name: string }>`
    SELECT p.id, p.given_name || ' ' || p.family_name AS name
    FROM disruption_children dc JOIN people p ON p.id = dc.child_id
    WHERE dc.disruption_id = ${disruptionId}
      AND ${labelOnChildVisible(viewer, sql`${sensitivity}::text`, sql.ref('dc.child_id'))}
    ORDER BY p.family_name, p.given_name, p.id`.execute(db);
  return rows;
}

/** Every child id a record protects, for checks by the domain (never presented). */
export async function allProtectedChildIds(db: Db, disruptionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('disruption_children')
    .select('child_id')
    .where('disruption_id', '=', disruptionId)
    .orderBy('child_id')
    .execute();
  return rows.map((r) => r.child_id);
}

/** Disruption against a context, or protecting a child, that the viewer may see: a summary each. */
export async function disruptionsFor(
  db: Db,
  viewer: Viewer,
  where: { contextId?: string; childId?: string },
) {
  const { rows } = await sql<DisruptionRow>`
    SELECT ${columnsFor(viewer)} FROM disruptions d ${joins}
    WHERE (${where.contextId ?? null}::uuid IS NULL OR d.target_context_id = ${where.contextId ?? null}::uuid)
      AND (${where.childId ?? null}::uuid IS NULL OR EXISTS (
        SELECT 1 FROM disruption_children c WHERE c.disruption_id = d.id AND c.child_id = ${where.childId ?? null}::uuid))
      AND ${disruptionVisible(viewer, 'd')}
    ORDER BY d.created_at DESC, d.id`.execute(db);
  return rows.map(summaryOf);
}

export function summaryOf(d: DisruptionRow) {
  return {
    id: d.id,
    measure: d.measure,
    measureName: measure(d.measure).name,
    status: d.status,
    statusName: STATUS_NAMES[d.status],
    target:
      d.target_context_id && d.target_visible ? { id: d.target_context_id, name: d.target_name ?? '' } : null,
    expiresOn: d.expires_on,
    ownerName: d.owner_name,
  };
}
