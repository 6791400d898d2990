/**
 * Who may change a context, a link or a disruption record. The policy grants `context.manage` and
 * `disruption.manage` either outright (police intelligence, the front door's managers, the MACE chair)
 * or through a child: the workers carrying a child's case may record the people and places around that
 * child. These functions ask the policy, with the viewer's relationship to each child concerned.
 */
import { sql } from 'kysely';
import type { Action } from '../../domain/access/actions.ts';
import { decide } from '../../domain/access/policy.ts';
import type { Viewer } from '../../domain/access/types.ts';
import { relationshipTo } from '../children/access.ts';
import type { Db } from './queries.ts';
import { linkVisible } from './visibility.ts';

/** Whether the viewer may do `action` through any of these children. */
export async function allowedThroughChildren(
  db: Db,
  viewer: Viewer,
  action: Action,
  childIds: readonly string[],
): Promise<boolean> {
  for (const childId of new Set(childIds)) {
    const found = await relationshipTo(db, viewer, childId);
    if (found && decide(viewer, action, { child: found.rel }).allowed) return true;
  }
  return false;
}

/** The children linked to a context by links the viewer may see. */
export async function linkedChildIds(db: Db, viewer: Viewer, contextId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT DISTINCT l.from_child_id AS id FROM context_links l
    WHERE l.to_context_id = ${contextId} AND l.from_child_id IS NOT NULL AND ${linkVisible(viewer, 'l')}`.execute(
    db,
  );
  return rows.map((r) => r.id);
}

/** May the viewer change this context (its details, links, assessment)? */
export async function mayManageContext(db: Db, viewer: Viewer, contextId: string): Promise<boolean> {
  if (decide(viewer, 'context.manage').allowed) return true;
  return allowedThroughChildren(db, viewer, 'context.manage', await linkedChildIds(db, viewer, contextId));
}

/** May the viewer record disruption against this context, or protecting these children? */
export async function mayManageDisruption(
  db: Db,
  viewer: Viewer,
  childIds: readonly string[],
): Promise<boolean> {
  if (decide(viewer, 'disruption.manage').allowed) return true;
  return allowedThroughChildren(db, viewer, 'disruption.manage', childIds);
}
