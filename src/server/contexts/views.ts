/**
 * The network view and the MACE group view as the API serves them: who may open them, the audit of the
 * children they show, and the presentation. The queries themselves are `neighbourhood` (network.ts)
 * and `groupView` (groups.ts).
 */
import { decide } from '../../domain/access/policy.ts';
import type { Viewer } from '../../domain/access/types.ts';
import {
  explainGrade,
  INTELLIGENCE_ASSESSMENT_INFO,
  SOURCE_EVALUATION_INFO,
} from '../../domain/contexts/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { AuditedRefusal, openChild, transact } from '../children/access.ts';
import type { Ctx } from '../children/record.ts';
import { todayLocal } from '../children/store.ts';
import { AppError, notFound } from '../errors.ts';
import { groupView } from './groups.ts';
import { childFirst, neighbourhood } from './network.ts';
import { idsToName, kindName, presentLink } from './presenter.ts';
import { type Db, loadContext, namesOf } from './queries.ts';
import { refuse } from './refusals.ts';
import type { LinkFilters } from './visibility.ts';

export interface NetworkQuery extends LinkFilters {
  centre: string;
  steps: number;
}

/** The centre must be a record the viewer may see contexts around; otherwise it does not exist for them. */
async function openCentre(db: Db, viewer: Viewer, id: string) {
  const context = await loadContext(db, viewer, id);
  if (context) {
    if (context.merged_into)
      throw refuse(
        'network.merged',
        'centre',
        `This record was merged into ${context.merged_into}`,
        'conflict',
      );
    return { kind: context.kind, childId: null };
  }
  // Not a context: a child, if it is one the viewer may read (a refusal is audited as usual).
  const child = await openChild(db, viewer, id).catch((error: unknown) => {
    if (error instanceof AuditedRefusal) throw error;
    return null;
  });
  if (!child) throw notFound('record');
  if (!decide(viewer, 'context.read', { child: child.rel }).allowed)
    throw new AppError('forbidden', 'You do not have permission to see this child’s connections.');
  if (child.mergedInto)
    throw refuse('network.merged', 'centre', `This record was merged into ${child.mergedInto}`, 'conflict');
  return { kind: 'child', childId: id };
}

export async function networkView({ db, actor, viewer }: Ctx, q: NetworkQuery) {
  if (q.from && q.to && q.to < q.from)
    throw refuse('network.period', 'to', `The end of the period (${q.to}) is before its start (${q.from})`);
  return transact(db, actor, async (trx) => {
    const centre = await openCentre(trx, viewer, q.centre);
    const today = todayLocal();
    const found = await neighbourhood(trx, viewer, q.centre, { ...q, today });
    const ids = idsToName(found.links);
    const names = await namesOf(trx, ids.users, ids.agencies);
    const childIds = found.nodes.filter((n) => n.kind === 'child').map((n) => n.id);
    await appendAudit(trx, actor, {
      action: 'context.network_viewed',
      recordType: centre.kind === 'child' ? 'child' : 'context',
      recordId: q.centre,
      ...(centre.childId ? { childId: centre.childId } : {}),
      details: { steps: q.steps, childIds, nodes: found.nodes.length, links: found.links.length },
    });
    return {
      centre: { id: q.centre, kind: centre.kind },
      steps: q.steps,
      nodes: found.nodes.map((n) => ({
        id: n.id,
        kind: n.kind,
        kindName: kindName(n.kind),
        name: n.name,
        depth: n.depth,
        isCentre: n.id === q.centre,
        childFirst: childFirst(n, today),
      })),
      links: found.links.map((l) => presentLink(l, today, names)),
      truncated: found.truncated,
    };
  });
}

export interface GroupsQuery {
  from: string;
  to: string;
  minSource?: '1' | '2' | '3' | undefined;
  minIntelligence?: 'A' | 'B' | 'C' | 'D' | 'E' | undefined;
  throughContextLinks?: boolean | undefined;
}

export async function groupsView({ db, actor, viewer }: Ctx, q: GroupsQuery) {
  if (!decide(viewer, 'context.read').allowed)
    throw new AppError('forbidden', 'The group view is for MACE: you do not have permission to see it.');
  if (q.to < q.from)
    throw refuse('groups.period', 'to', `The end of the period (${q.to}) is before its start (${q.from})`);
  return transact(db, actor, async (trx) => {
    const view = await groupView(trx, viewer, {
      period: { from: q.from, to: q.to },
      ...(q.minSource && q.minIntelligence
        ? { minimumGrade: { source: q.minSource, intelligence: q.minIntelligence } }
        : {}),
      throughContextLinks: q.throughContextLinks === true,
      today: todayLocal(),
    });
    await appendAudit(trx, actor, {
      action: 'context.groups_viewed',
      details: { from: q.from, to: q.to, childIds: view.childIds, groups: view.groups.length },
    });
    const { childIds: _childIds, ...rest } = view;
    return {
      ...rest,
      minimumGrade: {
        ...view.minimumGrade,
        explanation: `At least source ${view.minimumGrade.source} (${SOURCE_EVALUATION_INFO[view.minimumGrade.source].name.toLowerCase()}) and intelligence ${view.minimumGrade.intelligence} (${INTELLIGENCE_ASSESSMENT_INFO[view.minimumGrade.intelligence].name.toLowerCase()}).`,
        example: explainGrade({ ...view.minimumGrade, handling: 'P' }),
      },
    };
  });
}
