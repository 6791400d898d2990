/**
 * Reading contexts and links for one viewer. Every query joins the visibility conditions of
 * visibility.ts, so a record the viewer may not see is never read at all.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Viewer } from '../../domain/access/types.ts';
import {
  type ContextRecord,
  normaliseHandle,
  normaliseName,
  normalisePhone,
  normalisePostcode,
  ONLINE_PLATFORMS,
  vehicleMatchKey,
} from '../../domain/contexts/index.ts';
import type { DB } from '../db/schema.ts';
import { contextVisible, type LinkFilters, linkFilters, linkVisible } from './visibility.ts';

export type Db = Kysely<DB> | Transaction<DB>;

export interface ContextRow {
  id: string;
  kind: string;
  sensitivity: string;
  display_name: string;
  details: ContextRecord;
  child_record_id: string | null;
  assessment: string | null;
  assessment_updated_at: Date | null;
  assessment_updated_by_name: string | null;
  mace_reason: string | null;
  mace_nominated_at: Date | null;
  merged_into: string | null;
  created_at: Date;
  created_by_name: string;
  created_agency_name: string;
}

const contextColumns = sql`c.id, c.kind, c.sensitivity, c.display_name, c.details, c.child_record_id,
  c.assessment, c.assessment_updated_at, au.name AS assessment_updated_by_name, c.mace_reason,
  c.mace_nominated_at, c.merged_into, c.created_at, cu.name AS created_by_name, ca.name AS created_agency_name`;
const contextJoins = sql`JOIN users cu ON cu.id = c.created_by JOIN agencies ca ON ca.id = c.created_agency_id
  LEFT JOIN users au ON au.id = c.assessment_updated_by`;

/**
 * One context, if the viewer may see it. A record merged into another is still readable by id (so old
 * links and audit entries lead somewhere) when the record it was merged into is visible.
 */
export async function loadContext(db: Db, viewer: Viewer, id: string): Promise<ContextRow | null> {
  const { rows } = await sql<ContextRow>`
    SELECT ${contextColumns} FROM contexts c ${contextJoins}
    WHERE c.id = ${id} AND (
      ${contextVisible(viewer, 'c')}
      OR EXISTS (SELECT 1 FROM contexts k WHERE k.id = c.merged_into AND ${contextVisible(viewer, 'k')})
    )`.execute(db);
  return rows[0] ?? null;
}

/** The ids among these that the viewer may see (live records only). */
export async function visibleContextIds(
  db: Db,
  viewer: Viewer,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`
    SELECT c.id FROM contexts c WHERE c.id = ANY(${[...ids]}::uuid[]) AND ${contextVisible(viewer, 'c')}`.execute(
    db,
  );
  return new Set(rows.map((r) => r.id));
}

export interface ContextSummaryRow {
  id: string;
  kind: string;
  display_name: string;
  sensitivity: string;
}

/** The exact identifier values a search text could be: a phone, a handle on any platform, a plate, a postcode. */
function exactValues(q: string): string[] {
  const text = q.trim();
  const values = new Set<string>();
  const phone = normalisePhone(text);
  if (phone.ok) values.add(phone.value);
  const postcode = normalisePostcode(text);
  if (postcode.ok) values.add(postcode.value);
  if (/^[a-z0-9 ]{2,8}$/i.test(text)) values.add(vehicleMatchKey(text));
  for (const platform of ONLINE_PLATFORMS) {
    const handle = normaliseHandle(platform, text);
    if (handle.ok) values.add(`${platform}:${handle.value}`);
  }
  return [...values];
}

/** Search by any identifier: names, aliases, streets (similar); phones, handles, plates, postcodes (same). */
export async function searchContexts(
  db: Db,
  viewer: Viewer,
  q: string,
  kind: string | undefined,
  limit = 25,
): Promise<ContextSummaryRow[]> {
  const name = normaliseName(q);
  const { rows } = await sql<ContextSummaryRow & { rank: number }>`
    SELECT c.id, c.kind, c.display_name, c.sensitivity, max(hit.rank) AS rank
    FROM (
      SELECT i.context_id, similarity(i.value, q.value) AS rank
      FROM context_identifiers i JOIN unnest(${name ? [name] : []}::text[]) AS q(value)
        ON i.value % q.value OR q.value <% i.value
      WHERE i.kind IN ('name', 'alias', 'street')
      UNION ALL
      SELECT i.context_id, 1 FROM context_identifiers i WHERE i.value = ANY(${exactValues(q)}::text[])
    ) hit
    JOIN contexts c ON c.id = hit.context_id
    WHERE ${contextVisible(viewer, 'c')} AND (${kind ?? null}::text IS NULL OR c.kind = ${kind ?? null})
    GROUP BY c.id, c.kind, c.display_name, c.sensitivity
    ORDER BY rank DESC, c.display_name, c.id
    LIMIT ${limit}`.execute(db);
  return rows.map(({ rank: _rank, ...r }) => r);
}

export interface LinkRow {
  id: string;
  scope: 'child_context' | 'context_context';
  from_kind: string;
  from_id: string;
  from_name: string;
  to_kind: string;
  to_id: string;
  to_name: string;
  nature: string;
  first_seen: string;
  last_seen: string;
  review_date: string;
  source_agency_id: string;
  source_agency_name: string;
  source_author_id: string;
  source_author_name: string;
  source_reference: string | null;
  grade_source: '1' | '2' | '3';
  grade_intelligence: 'A' | 'B' | 'C' | 'D' | 'E';
  grade_handling: 'P' | 'C';
  handling_conditions: string | null;
  sensitivity: string;
  confirmed: boolean;
  corroborations: { agencyId: string; authorId: string; on: string; note?: string }[];
  note: string | null;
  withdrawn_on: string | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
}

export const linkColumns = sql`l.id, l.scope, l.from_kind, l.from_node AS from_id,
  COALESCE(fc.display_name, fp.given_name || ' ' || fp.family_name) AS from_name,
  l.to_kind, l.to_context_id AS to_id, tc.display_name AS to_name, l.nature,
  l.first_seen::text AS first_seen, l.last_seen::text AS last_seen, l.review_date::text AS review_date,
  l.source_agency_id, sa.name AS source_agency_name, l.source_author_id, su.name AS source_author_name,
  l.source_reference, l.grade_source, l.grade_intelligence, l.grade_handling, l.handling_conditions,
  l.sensitivity, l.confirmed, l.corroborations, l.note, l.withdrawn_on::text AS withdrawn_on, l.withdrawn_by,
  l.withdrawn_reason`;
/** Most recently seen first; then by what the link says, so the order never depends on ids. */
export const linkOrder = sql`l.last_seen DESC, l.first_seen DESC, l.nature, from_name, to_name, l.id`;
export const linkJoins = sql`JOIN agencies sa ON sa.id = l.source_agency_id
  JOIN users su ON su.id = l.source_author_id
  LEFT JOIN contexts fc ON fc.id = l.from_context_id
  LEFT JOIN people fp ON fp.id = l.from_child_id
  JOIN contexts tc ON tc.id = l.to_context_id`;

/**
 * The links touching one record (a child or a context) that the viewer may see: the default view, or
 * with `outOfView` every link still on the record, withdrawn ones included, for those who look.
 */
export async function linksOf(
  db: Db,
  viewer: Viewer,
  nodeId: string,
  today: string,
  filters: LinkFilters = {},
): Promise<LinkRow[]> {
  const { rows } = await sql<LinkRow>`
    SELECT ${linkColumns} FROM context_links l ${linkJoins}
    WHERE (l.from_node = ${nodeId} OR l.to_context_id = ${nodeId})
      AND ${linkVisible(viewer, 'l', { withdrawn: filters.outOfView === true })}
      AND ${linkFilters('l', filters, today)}
    ORDER BY ${linkOrder}`.execute(db);
  return rows;
}

/** One link, if the viewer may see it (withdrawn ones too: they stay on the record). */
export async function loadLink(db: Db, viewer: Viewer, id: string): Promise<LinkRow | null> {
  const { rows } = await sql<LinkRow>`
    SELECT ${linkColumns} FROM context_links l ${linkJoins}
    WHERE l.id = ${id} AND ${linkVisible(viewer, 'l', { withdrawn: true })}`.execute(db);
  return rows[0] ?? null;
}

/** Names of users and agencies, for presenting corroborations. */
export async function namesOf(db: Db, userIds: string[], agencyIds: string[]) {
  const users = userIds.length
    ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute()
    : [];
  const agencies = agencyIds.length
    ? await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', agencyIds).execute()
    : [];
  return {
    users: new Map(users.map((u) => [u.id, u.name])),
    agencies: new Map(agencies.map((a) => [a.id, a.name])),
  };
}
