/**
 * The chronology: one merged, filterable timeline per child, each entry with its source agency, author,
 * date of the event and date recorded, verification status and sensitivity label. Entries the viewer
 * may not see are filtered out in SQL; the screen and the PDF use the same query and presenter.
 */
import type { Transaction } from 'kysely';
import { canSeeLabel } from '../../domain/access/policy.ts';
import type { SensitivityLabel, Viewer } from '../../domain/access/types.ts';
import { SENSITIVITY_LABEL_NAMES } from '../../domain/access/types.ts';
import {
  type ChronologyKind,
  VERIFICATION_NAMES,
  type VerificationStatus,
} from '../../domain/children/case-record.ts';
import { appendAudit } from '../audit/audit.ts';
import type { DB } from '../db/schema.ts';
import { invalid, notFound } from '../errors.ts';
import { assertNotMerged, type ChildAccess, openChild, transact } from './access.ts';
import type { Ctx } from './record.ts';
import { addChronologyEntry } from './store.ts';

export interface ChronologyFilter {
  kinds?: ChronologyKind[] | undefined;
  agencyId?: string | undefined;
  verification?: VerificationStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const iso = (d: Date | string) => new Date(d).toISOString();

export async function loadChronology(trx: Transaction<DB>, access: ChildAccess, filter: ChronologyFilter) {
  if (access.labels.length === 0) return [];
  let q = trx
    .selectFrom('chronology_entries as e')
    .leftJoin('users as u', 'u.id', 'e.author_user_id')
    .leftJoin('agencies as a', 'a.id', 'e.source_agency_id')
    .selectAll('e')
    .select(['u.name as author_name', 'a.name as agency_name'])
    .where('e.child_id', '=', access.childId)
    // DANGER: this line is what keeps police intelligence, health and other labelled entries from
    // people who may not see them, on screen and in the PDF.
    .where('e.sensitivity', 'in', access.labels);
  if (filter.kinds && filter.kinds.length > 0) q = q.where('e.kind', 'in', filter.kinds);
  if (filter.agencyId) q = q.where('e.source_agency_id', '=', filter.agencyId);
  if (filter.verification) q = q.where('e.verification', '=', filter.verification);
  if (filter.from) q = q.where('e.occurred_at', '>=', new Date(`${filter.from}T00:00:00Z`));
  if (filter.to)
    q = q.where('e.occurred_at', '<', new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000));
  const rows = await q.orderBy('e.occurred_at').orderBy('e.recorded_at').execute();
  const history =
    rows.length === 0
      ? []
      : await trx
          .selectFrom('chronology_verifications as v')
          .innerJoin('users', 'users.id', 'v.decided_by')
          .select([
            'v.entry_id',
            'v.verification',
            'v.reason',
            'v.decided_at',
            'users.id as user_id',
            'users.name as user_name',
          ])
          .where(
            'v.entry_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('v.decided_at', 'desc')
          .execute();
  return rows.map((r) => {
    const last = history.find((h) => h.entry_id === r.id);
    return {
      id: r.id,
      kind: r.kind,
      title: r.title,
      summary: r.summary,
      source: r.source,
      occurredAt: iso(r.occurred_at),
      recordedAt: iso(r.recorded_at),
      author: r.author_user_id ? { id: r.author_user_id, name: r.author_name ?? '' } : null,
      sourceAgency: r.source_agency_id ? { id: r.source_agency_id, name: r.agency_name ?? '' } : null,
      verification: r.verification as VerificationStatus,
      verificationName: VERIFICATION_NAMES[r.verification as VerificationStatus],
      lastVerificationChange: last
        ? {
            verification: last.verification,
            reason: last.reason,
            decidedBy: { id: last.user_id, name: last.user_name },
            decidedAt: iso(last.decided_at),
          }
        : null,
      sensitivity: r.sensitivity as SensitivityLabel,
      sensitivityName: SENSITIVITY_LABEL_NAMES[r.sensitivity as SensitivityLabel],
      record: r.record_type && r.record_id ? { type: r.record_type, id: r.record_id } : null,
    };
  });
}
export type ChronologyEntryView = Awaited<ReturnType<typeof loadChronology>>[number];

export async function readChronology({ db, actor, viewer }: Ctx, childId: string, filter: ChronologyFilter) {
  return transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId);
    const entries = await loadChronology(trx, access, filter);
    await appendAudit(trx, actor, {
      action: 'chronology.read',
      recordType: 'child',
      recordId: childId,
      childId,
      fields: ['chronology'],
      details: { entries: entries.length },
    });
    return { access, entries };
  });
}

/** A label may be put on an entry only by someone who could see it there. */
export function assertMayUseLabel(viewer: Viewer, access: ChildAccess, label: SensitivityLabel) {
  if (!canSeeLabel(viewer, label, access.rel)) {
    throw invalid('sensitivity', 'you may only use a label you can see yourself on this child’s record');
  }
}

export async function addEvent(
  { db, actor, viewer }: Ctx,
  childId: string,
  input: {
    occurredAt: string;
    title: string;
    summary: string;
    source: string;
    verification?: VerificationStatus | undefined;
    sensitivity?: SensitivityLabel | undefined;
  },
) {
  const occurredAt = new Date(input.occurredAt);
  if (occurredAt.getTime() > Date.now())
    throw invalid('occurredAt', 'must not be after the time it is recorded (now)');
  return transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId, 'note.create');
    assertNotMerged(access);
    const sensitivity = input.sensitivity ?? 'standard';
    assertMayUseLabel(viewer, access, sensitivity);
    const id = await addChronologyEntry(trx, {
      childId,
      kind: 'event',
      title: input.title,
      summary: input.summary,
      source: input.source,
      occurredAt,
      authorUserId: viewer.userId,
      sourceAgencyId: viewer.agencyId,
      verification: input.verification ?? 'unverified',
      sensitivity,
    });
    await appendAudit(trx, actor, {
      action: 'chronology.entry_added',
      recordType: 'chronology_entry',
      recordId: id,
      childId,
      details: { sensitivity },
    });
    return id;
  });
}

export async function setVerification(
  { db, actor, viewer }: Ctx,
  childId: string,
  entryId: string,
  input: { verification: VerificationStatus; reason: string },
) {
  await transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId, 'child.update');
    assertNotMerged(access);
    const entry = await trx
      .selectFrom('chronology_entries')
      .select(['id', 'verification'])
      .where('id', '=', entryId)
      .where('child_id', '=', childId)
      .where('sensitivity', 'in', access.labels.length > 0 ? access.labels : ['__none__'])
      .executeTakeFirst();
    if (!entry) throw notFound('chronology entry');
    if (entry.verification === input.verification)
      throw invalid('verification', `is already ${input.verification}`);
    await trx
      .updateTable('chronology_entries')
      .set({ verification: input.verification })
      .where('id', '=', entryId)
      .execute();
    await trx
      .insertInto('chronology_verifications')
      .values({
        entry_id: entryId,
        verification: input.verification,
        reason: input.reason,
        decided_by: viewer.userId,
      })
      .execute();
    await appendAudit(trx, actor, {
      action: 'chronology.verification_changed',
      recordType: 'chronology_entry',
      recordId: entryId,
      childId,
      fields: ['verification'],
      details: { from: entry.verification, to: input.verification },
    });
  });
}
