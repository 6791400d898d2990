/**
 * Recording links and what happens to them: a new sighting, a corroboration by a second source, a
 * withdrawal. Every change is checked again by the domain's link schema as a whole (so a corroboration
 * by the original source, or a review date parked more than a year away, is refused naming its rule),
 * written with its audit entry in one transaction, and refused before anything is written.
 */
import type { Transaction } from 'kysely';
import { canSeeLabel, decide } from '../../domain/access/policy.ts';
import type { Viewer } from '../../domain/access/types.ts';
import { isConfirmed, type Link, type LinkInput, linkSchema } from '../../domain/contexts/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { type ChildAccess, openChild, transact } from '../children/access.ts';
import type { Ctx } from '../children/record.ts';
import { todayLocal } from '../children/store.ts';
import type { DB } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';
import { mayManageContext } from './authority.ts';
import { idsToName, presentLink } from './presenter.ts';
import { type LinkRow, loadContext, loadLink, namesOf } from './queries.ts';
import { parseWithRules, refuse } from './refusals.ts';
import { labelsOnContexts } from './visibility.ts';

/** A stored link as the domain's input, to check a change to it as a whole. */
export function linkInputOf(row: LinkRow): LinkInput {
  return {
    id: row.id,
    from: { kind: row.from_kind as Link['from']['kind'], id: row.from_id },
    to: { kind: row.to_kind as Link['to']['kind'], id: row.to_id },
    nature: row.nature,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    source: {
      agencyId: row.source_agency_id,
      authorId: row.source_author_id,
      ...(row.source_reference ? { reference: row.source_reference } : {}),
    },
    grading: {
      source: row.grade_source,
      intelligence: row.grade_intelligence,
      handling: row.grade_handling,
      ...(row.handling_conditions ? { handlingConditions: row.handling_conditions } : {}),
    },
    sensitivity: row.sensitivity as Link['sensitivity'],
    reviewDate: row.review_date,
    corroborations: row.corroborations,
    ...(row.note ? { note: row.note } : {}),
    ...(row.withdrawn_on
      ? {
          withdrawn: {
            on: row.withdrawn_on,
            byUserId: row.withdrawn_by ?? '',
            reason: row.withdrawn_reason ?? '',
          },
        }
      : {}),
  };
}

async function assertKnownSource(trx: Transaction<DB>, agencyId: string, authorId: string, path = 'source') {
  const agency = await trx.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();
  if (!agency)
    throw refuse(
      'link.source-known',
      `${path}.agencyId`,
      'There is no agency with this id in the partnership',
    );
  const author = await trx.selectFrom('users').select('id').where('id', '=', authorId).executeTakeFirst();
  if (!author) throw refuse('link.source-known', `${path}.authorId`, 'There is no user with this id');
}

/** The end of a link that is a context: visible to the viewer, live, and of the kind the link says. */
async function contextEnd(
  trx: Transaction<DB>,
  viewer: Viewer,
  end: { kind: string; id: string },
  path: string,
) {
  const row = await loadContext(trx, viewer, end.id);
  if (!row || row.merged_into)
    throw refuse('link.endpoint', `${path}.id`, 'There is no context record with this id that you can see');
  if (row.kind !== end.kind)
    throw refuse('link.endpoint', `${path}.kind`, `This record is a ${row.kind}, not a ${end.kind}`);
  return row;
}

/**
 * Checks a new link's ends and the viewer's authority, then writes it. The viewer may record a link
 * through a child whose case they carry, or outright with `context.manage`; they may give it only a
 * label they could see themselves, since a link nobody who made it can see is a link nobody can correct.
 */
export async function createLinkIn(
  trx: Transaction<DB>,
  { actor, viewer }: Omit<Ctx, 'db'>,
  input: unknown,
): Promise<string> {
  const link = parseWithRules(linkSchema, input);
  let child: ChildAccess | null = null;
  if (link.from.kind === 'child') {
    child = await openChild(trx, viewer, link.from.id);
    if (child.mergedInto)
      throw refuse(
        'link.endpoint',
        'from.id',
        `This child's record was merged into ${child.mergedInto}; use that record`,
      );
  } else {
    await contextEnd(trx, viewer, link.from, 'from');
  }
  await contextEnd(trx, viewer, link.to, 'to');
  const allowed =
    decide(viewer, 'context.manage').allowed ||
    (child !== null && decide(viewer, 'context.manage', { child: child.rel }).allowed);
  if (!allowed) throw new AppError('forbidden', 'You do not have permission to record links.');
  const labelOk = child
    ? canSeeLabel(viewer, link.sensitivity, child.rel)
    : labelsOnContexts(viewer).includes(link.sensitivity);
  if (!labelOk)
    throw refuse(
      'link.sensitivity-visible',
      'sensitivity',
      'You can only give a link a label you could see yourself',
    );
  await assertKnownSource(trx, link.source.agencyId, link.source.authorId);
  for (const [i, c] of link.corroborations.entries())
    await assertKnownSource(trx, c.agencyId, c.authorId, `corroborations.${i}`);

  const row = await trx
    .insertInto('context_links')
    .values({
      scope: link.scope,
      from_kind: link.from.kind,
      from_child_id: link.from.kind === 'child' ? link.from.id : null,
      from_context_id: link.from.kind === 'child' ? null : link.from.id,
      to_kind: link.to.kind,
      to_context_id: link.to.id,
      nature: link.nature,
      first_seen: link.firstSeen,
      last_seen: link.lastSeen,
      review_date: link.reviewDate,
      source_agency_id: link.source.agencyId,
      source_author_id: link.source.authorId,
      source_reference: link.source.reference ?? null,
      grade_source: link.grading.source,
      grade_intelligence: link.grading.intelligence,
      grade_handling: link.grading.handling,
      handling_conditions: link.grading.handlingConditions ?? null,
      sensitivity: link.sensitivity,
      confirmed: isConfirmed(link),
      corroborations: JSON.stringify(link.corroborations),
      note: link.note ?? null,
      created_by: viewer.userId,
      updated_by: viewer.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, actor, {
    action: 'link.created',
    recordType: 'context_link',
    recordId: row.id,
    ...(child ? { childId: child.childId } : {}),
    fields: Object.keys(input as object),
    details: {
      nature: link.nature,
      from: link.from.id,
      to: link.to.id,
      grade: `${link.grading.source}${link.grading.intelligence}${link.grading.handling}`,
      sensitivity: link.sensitivity,
    },
  });
  return row.id;
}

/** One link as the API returns it, read inside the caller's transaction. */
export async function presentOneLink(db: Ctx['db'] | Transaction<DB>, viewer: Viewer, id: string) {
  const row = await loadLink(db, viewer, id);
  if (!row) throw notFound('link');
  const ids = idsToName([row]);
  return presentLink(row, todayLocal(), await namesOf(db, ids.users, ids.agencies));
}

export async function createLink(ctx: Ctx, input: unknown) {
  return transact(ctx.db, ctx.actor, async (trx) => {
    const id = await createLinkIn(trx, ctx, input);
    return { link: await presentOneLink(trx, ctx.viewer, id) };
  });
}

export async function readLink(ctx: Ctx, id: string) {
  return transact(ctx.db, ctx.actor, async (trx) => {
    const link = await presentOneLink(trx, ctx.viewer, id);
    const childId = link.from.kind === 'child' ? link.from.id : undefined;
    await appendAudit(trx, ctx.actor, {
      action: 'link.read',
      recordType: 'context_link',
      recordId: id,
      ...(childId ? { childId } : {}),
    });
    return { link };
  });
}

type LinkChange =
  | { kind: 'sighting'; lastSeen: string; reviewDate?: string | undefined; note?: string | undefined }
  | {
      kind: 'corroboration';
      agencyId: string;
      authorId?: string | undefined;
      on: string;
      note?: string | undefined;
    }
  | { kind: 'withdrawal'; reason: string };

/**
 * A change to a stored link: the changed link is checked by the domain's schema as a whole, and
 * `confirmed` is worked out again (a corroboration can confirm a link and bring it back into view).
 */
export async function changeLink(ctx: Ctx, id: string, change: LinkChange) {
  const { viewer, actor } = ctx;
  return transact(ctx.db, actor, async (trx) => {
    const row = await loadLink(trx, viewer, id);
    if (!row) throw notFound('link');
    if (row.withdrawn_on)
      throw refuse('link.withdrawn', 'id', 'This link was withdrawn; record a new one', 'conflict');
    const allowed =
      row.scope === 'child_context'
        ? (
            await openChild(trx, viewer, row.from_id).then((c) =>
              decide(viewer, 'context.manage', { child: c.rel }),
            )
          ).allowed || decide(viewer, 'context.manage').allowed
        : await mayManageContext(trx, viewer, row.to_id);
    if (!allowed) throw new AppError('forbidden', 'You do not have permission to change this link.');
    const current = linkInputOf(row);
    const today = todayLocal();
    let next: LinkInput;
    if (change.kind === 'sighting') {
      // Without a review date the default is worked out again from the new sighting.
      const { reviewDate: _old, ...rest } = current;
      next = {
        ...rest,
        lastSeen: change.lastSeen,
        ...(change.reviewDate ? { reviewDate: change.reviewDate } : {}),
        ...(change.note ? { note: change.note } : {}),
      };
      if (change.lastSeen < row.last_seen)
        throw refuse(
          'link.sighting-later',
          'lastSeen',
          `A new sighting is after the last one (${row.last_seen})`,
        );
    } else if (change.kind === 'corroboration') {
      const authorId = change.authorId ?? viewer.userId;
      await assertKnownSource(trx, change.agencyId, authorId, 'corroboration');
      next = {
        ...current,
        corroborations: [
          ...(current.corroborations ?? []),
          {
            agencyId: change.agencyId,
            authorId,
            on: change.on,
            ...(change.note ? { note: change.note } : {}),
          },
        ],
      };
    } else {
      next = { ...current, withdrawn: { on: today, byUserId: viewer.userId, reason: change.reason } };
    }
    const link = parseWithRules(linkSchema, next);
    await trx
      .updateTable('context_links')
      .set({
        last_seen: link.lastSeen,
        review_date: link.reviewDate,
        note: link.note ?? null,
        corroborations: JSON.stringify(link.corroborations),
        confirmed: isConfirmed(link),
        withdrawn_on: link.withdrawn?.on ?? null,
        withdrawn_by: link.withdrawn?.byUserId ?? null,
        withdrawn_reason: link.withdrawn?.reason ?? null,
        updated_by: viewer.userId,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const action = {
      sighting: 'link.sighted',
      corroboration: 'link.corroborated',
      withdrawal: 'link.withdrawn',
    } as const;
    await appendAudit(trx, actor, {
      action: action[change.kind],
      recordType: 'context_link',
      recordId: id,
      ...(row.scope === 'child_context' ? { childId: row.from_id } : {}),
      ...(change.kind === 'withdrawal' ? { reason: change.reason } : {}),
      details: { confirmed: isConfirmed(link), reviewDate: link.reviewDate },
    });
    return { link: await presentOneLink(trx, viewer, id) };
  });
}
