/**
 * Use cases on a context record: record one (optionally with its first link to a child), read it with
 * its links, change it, search. A person of concern who is a child is a child first: their own child
 * record comes before anything else in the response, and the warning stays until it is linked.
 */
import type { Transaction } from 'kysely';
import { decide } from '../../domain/access/policy.ts';
import type { Viewer } from '../../domain/access/types.ts';
import {
  type ContextRecord,
  contextRecordSchema,
  contextWarnings,
  displayRoles,
} from '../../domain/contexts/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { openChild, relationshipTo, transact } from '../children/access.ts';
import type { Ctx } from '../children/record.ts';
import { todayLocal } from '../children/store.ts';
import type { DB } from '../db/schema.ts';
import { disruptionsFor } from '../disruption/queries.ts';
import { AppError, notFound } from '../errors.ts';
import { allowedThroughChildren, mayManageContext, mayManageDisruption } from './authority.ts';
import { createLinkIn } from './links.ts';
import { findContextMatches } from './matching.ts';
import { loadMerges } from './merges.ts';
import { editable, idsToName, presentLink } from './presenter.ts';
import { type ContextRow, type Db, linksOf, loadContext, namesOf, searchContexts } from './queries.ts';
import { parseWithRules, refuse } from './refusals.ts';
import { insertContext, updateContext } from './store.ts';
import { labelsOnContexts, mayEverReadContexts } from './visibility.ts';

/** The child's own record, for a person of concern who is a child: only if the viewer may read it. */
async function childRecordOf(db: Db, viewer: Viewer, childId: string | null) {
  if (!childId) return null;
  const found = await relationshipTo(db, viewer, childId);
  if (!found || !decide(viewer, 'child.read', { child: found.rel }).allowed)
    return { readable: false as const };
  const person = await db
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name'])
    .where('id', '=', childId)
    .executeTakeFirstOrThrow();
  return { readable: true as const, id: person.id, name: `${person.given_name} ${person.family_name}` };
}

async function assertChildRecord(trx: Transaction<DB>, viewer: Viewer, record: ContextRecord) {
  if (record.kind !== 'person_of_concern' || !record.childRecordId) return;
  try {
    await openChild(trx, viewer, record.childRecordId);
  } catch {
    throw refuse(
      'context.child-record',
      'childRecordId',
      'There is no child record with this id that you can see',
    );
  }
}

function assertLabel(viewer: Viewer, record: ContextRecord) {
  if (!labelsOnContexts(viewer).includes(record.sensitivity))
    throw refuse(
      'context.sensitivity-visible',
      'sensitivity',
      'You can only give a record a label you could see yourself',
    );
}

/** The whole record as the API returns it. */
export async function presentContext(
  db: Db,
  viewer: Viewer,
  row: ContextRow,
  opts: { outOfView?: boolean } = {},
) {
  const today = todayLocal();
  const record = row.details;
  const links = await linksOf(db, viewer, row.id, today, { outOfView: opts.outOfView === true });
  const ids = idsToName(links);
  const names = await namesOf(db, ids.users, ids.agencies);
  const actions = await db
    .selectFrom('context_actions as a')
    .innerJoin('agencies as g', 'g.id', 'a.agency_id')
    .select([
      'a.id',
      'a.action',
      'a.owner_name',
      'a.owner_user_id',
      'a.status',
      'g.id as agency_id',
      'g.name as agency_name',
    ])
    .select((eb) => eb.cast<string>('a.due_date', 'text').as('due_date'))
    .where('a.context_id', '=', row.id)
    .orderBy('a.due_date')
    .orderBy('a.id')
    .execute();
  const childIds = links.filter((l) => l.scope === 'child_context').map((l) => l.from_id);
  const mayManage = await mayManageContext(db, viewer, row.id);
  return {
    id: row.id,
    kind: row.kind,
    name: row.display_name,
    sensitivity: row.sensitivity,
    roles: record.kind === 'person_of_concern' ? displayRoles(record, today) : [],
    childRecord:
      record.kind === 'person_of_concern' ? await childRecordOf(db, viewer, row.child_record_id) : null,
    warnings: contextWarnings(record, today),
    details: editable(record),
    mergedInto: row.merged_into,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by_name,
    createdAgency: row.created_agency_name,
    links: links.map((l) => presentLink(l, today, names)),
    assessment: {
      text: row.assessment,
      updatedAt: row.assessment_updated_at ? new Date(row.assessment_updated_at).toISOString() : null,
      updatedBy: row.assessment_updated_by_name,
      maceReason: row.mace_reason,
      maceNominatedAt: row.mace_nominated_at ? new Date(row.mace_nominated_at).toISOString() : null,
    },
    actions: actions.map((a) => ({
      id: a.id,
      action: a.action,
      ownerName: a.owner_name,
      ownerUserId: a.owner_user_id,
      agency: { id: a.agency_id, name: a.agency_name },
      dueDate: a.due_date,
      status: a.status,
      overdue: a.status === 'open' && a.due_date < today,
    })),
    disruptions: await disruptionsFor(db, viewer, { contextId: row.id }),
    merges: await loadMerges(db, viewer, { contextId: row.id }),
    permissions: {
      edit: mayManage && !row.merged_into,
      addLink: mayManage && !row.merged_into,
      manageAssessment: mayManage && !row.merged_into,
      proposeMerge: mayManage && !row.merged_into,
      decideMerges: decide(viewer, 'context.manage').allowed,
      recordDisruption: !row.merged_into && (await mayManageDisruption(db, viewer, childIds)),
    },
    childIds: [...new Set(childIds)],
  };
}

export type ContextView = Awaited<ReturnType<typeof presentContext>>;

/**
 * Records a context. Someone with `context.manage` in their own right may record any context; a worker
 * who has it only through a child's case records the context with its first link to that child.
 */
export async function createContext({ db, actor, viewer }: Ctx, body: unknown) {
  const { link, ...input } = (typeof body === 'object' && body !== null ? body : {}) as Record<
    string,
    unknown
  >;
  const record = parseWithRules(contextRecordSchema, input);
  return transact(db, actor, async (trx) => {
    if (!decide(viewer, 'context.manage').allowed) {
      const childId = (link as { childId?: unknown } | undefined)?.childId;
      const through =
        typeof childId === 'string' &&
        (await allowedThroughChildren(trx, viewer, 'context.manage', [childId]));
      if (!through) throw new AppError('forbidden', 'You do not have permission to record contexts.');
    }
    assertLabel(viewer, record);
    await assertChildRecord(trx, viewer, record);
    const id = await insertContext(trx, { record, userId: viewer.userId, agencyId: viewer.agencyId });
    await appendAudit(trx, actor, {
      action: 'context.created',
      recordType: 'context',
      recordId: id,
      fields: Object.keys(input),
      details: { kind: record.kind, sensitivity: record.sensitivity },
    });
    if (link !== undefined) {
      const { childId, ...rest } = link as Record<string, unknown>;
      await createLinkIn(
        trx,
        { actor, viewer },
        { ...rest, from: { kind: 'child', id: childId }, to: { kind: record.kind, id } },
      );
    }
    const matches = await findContextMatches(trx, viewer, record, id);
    const row = await loadContext(trx, viewer, id);
    if (!row) throw notFound('context');
    return { context: await presentContext(trx, viewer, row), matches };
  });
}

async function openContext(db: Db, viewer: Viewer, id: string) {
  const row = await loadContext(db, viewer, id);
  if (!row) throw notFound('context');
  return row;
}

export async function readContext(
  { db, actor, viewer }: Ctx,
  id: string,
  opts: { outOfView?: boolean } = {},
) {
  return transact(db, actor, async (trx) => {
    const row = await openContext(trx, viewer, id);
    const context = await presentContext(trx, viewer, row, opts);
    await appendAudit(trx, actor, {
      action: 'context.read',
      recordType: 'context',
      recordId: id,
      details: { childIds: context.childIds, outOfView: opts.outOfView === true },
    });
    return { context };
  });
}

export async function changeContext({ db, actor, viewer }: Ctx, id: string, body: unknown) {
  const record = parseWithRules(contextRecordSchema, body);
  return transact(db, actor, async (trx) => {
    const row = await openContext(trx, viewer, id);
    if (!(await mayManageContext(trx, viewer, id)))
      throw new AppError('forbidden', 'You do not have permission to change this record.');
    if (row.merged_into)
      throw refuse(
        'context.merged',
        'id',
        `This record was merged into ${row.merged_into}; change that record`,
        'conflict',
      );
    if (record.kind !== row.kind)
      throw refuse(
        'context.kind-fixed',
        'kind',
        `This record is a ${row.kind}; record a new one for a ${record.kind}`,
      );
    assertLabel(viewer, record);
    await assertChildRecord(trx, viewer, record);
    await updateContext(trx, id, record, viewer.userId);
    await appendAudit(trx, actor, {
      action: 'context.updated',
      recordType: 'context',
      recordId: id,
      fields: Object.keys(body as object),
      details: { kind: record.kind, sensitivity: record.sensitivity },
    });
    const matches = await findContextMatches(trx, viewer, record, id);
    return { context: await presentContext(trx, viewer, await openContext(trx, viewer, id)), matches };
  });
}

export async function findContexts({ db, viewer }: Ctx, q: string, kind?: string) {
  if (!mayEverReadContexts(viewer))
    throw new AppError('forbidden', 'You do not have permission to see contexts.');
  const rows = await searchContexts(db, viewer, q, kind);
  return {
    contexts: rows.map((r) => ({ id: r.id, kind: r.kind, name: r.display_name, sensitivity: r.sensitivity })),
  };
}

/** Records probably the same as a record being entered (nothing is saved). */
export async function matchesFor({ db, actor, viewer }: Ctx, body: unknown, excludeId: string | null = null) {
  const record = parseWithRules(contextRecordSchema, body);
  return transact(db, actor, async (trx) => {
    const matches = await findContextMatches(trx, viewer, record, excludeId);
    if (matches.length)
      await appendAudit(trx, actor, {
        action: 'context.matches_viewed',
        details: { contextIds: matches.map((m) => m.id) },
      });
    return { matches };
  });
}
