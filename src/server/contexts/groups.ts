/**
 * The MACE group view: children connected through the persons of concern, places and peer groups they
 * share, with each child's level of concern and open actions; and the places and persons linked to the
 * most children in a period, always with the caveat that counts show where agencies looked.
 *
 * The links come from the database already filtered for the viewer (visibility.ts), so a link they may
 * not see never joins two children into a group, and never adds to a count. The domain's
 * `detectGroups` and `mostLinked` do the rest.
 */
import { sql } from 'kysely';
import type { Viewer } from '../../domain/access/types.ts';
import {
  type ChildGroup,
  DEFAULT_MINIMUM_GRADE,
  detectGroups,
  type Link,
  type MinimumGrade,
  mostLinked,
  type Period,
} from '../../domain/contexts/index.ts';
import { gradingOf, kindName } from './presenter.ts';
import { type Db, type LinkRow, linkColumns, linkJoins } from './queries.ts';
import { labelOnChildVisible, linkFilters, linkVisible } from './visibility.ts';

export interface GroupQuery {
  period: Period;
  minimumGrade?: MinimumGrade | undefined;
  throughContextLinks?: boolean | undefined;
  today: string;
}

export function toDomainLink(row: LinkRow): Link {
  return {
    id: row.id,
    from: { kind: row.from_kind as Link['from']['kind'], id: row.from_id },
    to: { kind: row.to_kind as Link['to']['kind'], id: row.to_id },
    nature: row.nature,
    scope: row.scope,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    source: { agencyId: row.source_agency_id, authorId: row.source_author_id },
    grading: gradingOf(row),
    sensitivity: row.sensitivity as Link['sensitivity'],
    reviewDate: row.review_date,
    corroborations: row.corroborations,
  };
}

/** The visible links in the default view seen in the period, graded at least the minimum. */
export async function linksInPeriod(
  db: Db,
  viewer: Viewer,
  q: GroupQuery,
  scopes: string[],
): Promise<LinkRow[]> {
  const grade = q.minimumGrade ?? DEFAULT_MINIMUM_GRADE;
  const filters = {
    from: q.period.from,
    to: q.period.to,
    minSource: grade.source,
    minIntelligence: grade.intelligence,
  };
  const { rows } = await sql<LinkRow>`
    SELECT ${linkColumns} FROM context_links l ${linkJoins}
    WHERE l.scope = ANY(${scopes}::text[]) AND ${linkVisible(viewer, 'l')} AND ${linkFilters('l', filters, q.today)}
    ORDER BY l.id`.execute(db);
  return rows;
}

interface ChildFacts {
  id: string;
  name: string;
  level: string | null;
  harm_status: string | null;
  assessed_on: string | null;
  open_tasks: number;
  open_objectives: number;
}

/** Names, the latest completed assessment's level of concern, and open actions the viewer may see. */
async function childFacts(db: Db, viewer: Viewer, ids: string[]): Promise<Map<string, ChildFacts>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<ChildFacts>`
    SELECT p.id, p.given_name || ' ' || p.family_name AS name, a.level, a.harm_status,
      a.completed_at::date::text AS assessed_on,
      (SELECT count(*)::int FROM tasks t WHERE t.child_id = p.id AND t.status = 'open') AS open_tasks,
      (SELECT count(*)::int FROM plans pl JOIN plan_objectives po ON po.plan_id = pl.id
        WHERE pl.child_id = p.id AND po.status IN ('not_started', 'in_progress')
          AND ${labelOnChildVisible(viewer, sql.ref('po.sensitivity'), sql.ref('pl.child_id'))}) AS open_objectives
    FROM people p
    LEFT JOIN LATERAL (
      SELECT s.level, s.harm_status, s.completed_at FROM assessments s
      WHERE s.child_id = p.id AND s.status = 'completed' ORDER BY s.completed_at DESC LIMIT 1
    ) a ON true
    WHERE p.id = ANY(${ids}::uuid[])`.execute(db);
  return new Map(rows.map((r) => [r.id, r]));
}

async function contextFacts(db: Db, ids: string[]) {
  if (ids.length === 0)
    return new Map<string, { name: string; openActions: number; onMaceAgenda: boolean }>();
  const { rows } = await sql<{ id: string; name: string; open_actions: number; on_mace: boolean }>`
    SELECT c.id, c.display_name AS name, c.mace_nominated_at IS NOT NULL AS on_mace,
      (SELECT count(*)::int FROM context_actions a WHERE a.context_id = c.id AND a.status = 'open') AS open_actions
    FROM contexts c WHERE c.id = ANY(${ids}::uuid[])`.execute(db);
  return new Map(
    rows.map((r) => [r.id, { name: r.name, openActions: r.open_actions, onMaceAgenda: r.on_mace }]),
  );
}

function presentGroup(
  g: ChildGroup,
  children: Map<string, ChildFacts>,
  contexts: Map<string, { name: string; openActions: number; onMaceAgenda: boolean }>,
) {
  const context = (c: { kind: string; id: string; childIds: string[] }) => ({
    id: c.id,
    kind: c.kind,
    kindName: kindName(c.kind),
    name: contexts.get(c.id)?.name ?? '',
    childIds: c.childIds,
    openActions: contexts.get(c.id)?.openActions ?? 0,
    onMaceAgenda: contexts.get(c.id)?.onMaceAgenda ?? false,
  });
  return {
    children: g.childIds.map((id) => {
      const f = children.get(id);
      return {
        id,
        name: f?.name ?? '',
        levelOfConcern: f?.level ?? null,
        harmStatus: f?.harm_status ?? null,
        assessedOn: f?.assessed_on ?? null,
        openActions: (f?.open_tasks ?? 0) + (f?.open_objectives ?? 0),
      };
    }),
    sharedContexts: g.sharedContexts.map(context),
    contexts: g.contexts.map(context),
    linkIds: g.linkIds,
  };
}

/** Connected groups of children and the most-linked places and persons, for one viewer and period. */
export async function groupView(db: Db, viewer: Viewer, q: GroupQuery) {
  const scopes = q.throughContextLinks ? ['child_context', 'context_context'] : ['child_context'];
  const rows = await linksInPeriod(db, viewer, q, scopes);
  const links = rows.map(toDomainLink);
  const options = {
    period: q.period,
    minimumGrade: q.minimumGrade ?? DEFAULT_MINIMUM_GRADE,
    throughContextLinks: q.throughContextLinks === true,
    now: q.today,
  };
  const groups = detectGroups(links, options);
  const top = mostLinked(links, q.period, { minimumGrade: options.minimumGrade, now: q.today });
  const childIds = [...new Set(groups.flatMap((g) => g.childIds))];
  const contextIds = [
    ...new Set([...groups.flatMap((g) => g.contexts.map((c) => c.id)), ...top.items.map((i) => i.id)]),
  ];
  const children = await childFacts(db, viewer, childIds);
  const contexts = await contextFacts(db, contextIds);
  const agencyNames = new Map(rows.map((r) => [r.source_agency_id, r.source_agency_name]));
  return {
    period: q.period,
    minimumGrade: options.minimumGrade,
    groups: groups.map((g) => presentGroup(g, children, contexts)),
    mostLinked: {
      caveat: top.caveat,
      items: top.items.map((i) => ({
        id: i.id,
        kind: i.kind,
        kindName: kindName(i.kind),
        name: contexts.get(i.id)?.name ?? '',
        children: i.children,
        sourceAgencies: Object.entries(i.sourceAgencies)
          .map(([id, links]) => ({ id, name: agencyNames.get(id) ?? '', links }))
          .sort((a, b) => b.links - a.links || a.name.localeCompare(b.name)),
      })),
    },
    childIds,
  };
}
