/**
 * The network view: the records around a child, a person of concern or a place, to N steps.
 *
 * `neighbourhood` is the named query. It walks the links table with a recursive query whose every step
 * carries the viewer's visibility condition (labels, merged records, children they may read) and the
 * view's filters (default view and review dates, period, kinds, minimum grade). A hidden record is never
 * stepped on, so it cannot join two visible ones, and nothing about it — not a node, not a link, not a
 * count, not a longer path's depth — leaves the database.
 */
import { sql } from 'kysely';
import type { Viewer } from '../../domain/access/types.ts';
import { type ContextRecord, displayRoles } from '../../domain/contexts/index.ts';
import { type Db, type LinkRow, linkColumns, linkJoins, linkOrder } from './queries.ts';
import { type LinkFilters, linkFilters, linkVisible } from './visibility.ts';

export interface NeighbourhoodOptions extends LinkFilters {
  /** How many links away from the centre to go (1–3). */
  steps: number;
  /** At most this many records, nearest first; the rest are left out and `truncated` says so. */
  maxNodes?: number;
  today: string;
}

export interface NodeRow {
  id: string;
  kind: string;
  name: string;
  depth: number;
  details: ContextRecord | null;
  date_of_birth: string | null;
}

export interface Neighbourhood {
  nodes: NodeRow[];
  links: LinkRow[];
  /** More visible records were within reach than `maxNodes`. Counts visible records only. */
  truncated: boolean;
}

/**
 * The visible records within `steps` links of the centre, nearest first, with what the view shows of
 * each: the recursive walk, then the records it reached (at most `maxNodes` + 1, so the caller can tell
 * there were more).
 */
export async function walk(
  db: Db,
  viewer: Viewer,
  centreId: string,
  options: NeighbourhoodOptions,
): Promise<NodeRow[]> {
  const step = (l: string) =>
    sql<boolean>`${linkVisible(viewer, l)} AND ${linkFilters(l, options, options.today)}`;
  const limit = (options.maxNodes ?? 300) + 1;
  const { rows } = await sql<NodeRow>`
    WITH RECURSIVE walk(node, depth) AS (
      SELECT ${centreId}::uuid, 0
      UNION
      SELECT next.node, walk.depth + 1
      FROM walk
      CROSS JOIN LATERAL (
        SELECT l.to_context_id AS node FROM context_links l WHERE l.from_node = walk.node AND ${step('l')}
        UNION ALL
        SELECT l.from_node FROM context_links l WHERE l.to_context_id = walk.node AND ${step('l')}
      ) AS next
      WHERE walk.depth < ${options.steps}
    ),
    reached AS (
      SELECT node, min(depth)::int AS depth FROM walk GROUP BY node ORDER BY min(depth), node LIMIT ${limit}
    )
    SELECT r.node AS id, r.depth, COALESCE(c.kind, 'child') AS kind,
      COALESCE(c.display_name, p.given_name || ' ' || p.family_name) AS name, c.details,
      CASE WHEN p.date_of_birth_estimated THEN NULL ELSE p.date_of_birth::text END AS date_of_birth
    FROM reached r
    LEFT JOIN contexts c ON c.id = r.node
    LEFT JOIN people p ON p.id = r.node
    ORDER BY r.depth, kind, name, r.node`.execute(db);
  return rows;
}

/**
 * The network around one record: the visible records within N steps, and the visible links between
 * them, filtered as the viewer asked. The centre must already be known to be visible to the viewer.
 */
export async function neighbourhood(
  db: Db,
  viewer: Viewer,
  centreId: string,
  options: NeighbourhoodOptions,
): Promise<Neighbourhood> {
  const reached = await walk(db, viewer, centreId, options);
  const maxNodes = options.maxNodes ?? 300;
  // The nearest are kept: the walk's own order is by distance first.
  const nearest = [...reached].sort((a, b) => a.depth - b.depth || a.id.localeCompare(b.id));
  const keep = new Set(nearest.slice(0, maxNodes).map((n) => n.id));
  const nodes = reached.filter((n) => keep.has(n.id));
  const ids = nodes.map((n) => n.id);
  const { rows: links } = await sql<LinkRow>`
    SELECT ${linkColumns} FROM context_links l ${linkJoins}
    WHERE l.from_node = ANY(${ids}::uuid[]) AND l.to_context_id = ANY(${ids}::uuid[])
      AND ${linkVisible(viewer, 'l')} AND ${linkFilters('l', options, options.today)}
    ORDER BY ${linkOrder}`.execute(db);
  return { nodes, links, truncated: reached.length > maxNodes };
}

/** A child who is also a person of concern is shown as a child first. */
export function childFirst(node: NodeRow, today: string): boolean {
  if (node.kind !== 'person_of_concern' || !node.details || node.details.kind !== 'person_of_concern')
    return false;
  return displayRoles(node.details, today)[0] === 'child';
}
