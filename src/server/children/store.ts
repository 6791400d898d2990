/**
 * Writes shared by several use cases on a child's record: chronology entries, tasks and statutory
 * statuses. Each takes the caller's transaction, so it commits with the change it records.
 */
import type { Transaction } from 'kysely';
import type { SensitivityLabel } from '../../domain/access/types.ts';
import type { ChronologyKind, VerificationStatus } from '../../domain/children/case-record.ts';
import { STATUS_SUPERSEDES, type StatutoryStatus } from '../../domain/referrals/decisions.ts';
import { TIMESCALES } from '../../domain/referrals/timescales.ts';
import { addWorkingDays, localDate } from '../../domain/referrals/working-days.ts';
import type { DB } from '../db/schema.ts';

export interface NewChronologyEntry {
  childId: string;
  kind: ChronologyKind;
  title: string;
  summary: string;
  source: string;
  occurredAt: Date;
  authorUserId: string | null;
  sourceAgencyId: string | null;
  verification: VerificationStatus;
  sensitivity: SensitivityLabel;
  recordType?: string;
  recordId?: string;
}

export async function addChronologyEntry(trx: Transaction<DB>, e: NewChronologyEntry): Promise<string> {
  const row = await trx
    .insertInto('chronology_entries')
    .values({
      child_id: e.childId,
      kind: e.kind,
      title: e.title,
      summary: e.summary,
      source: e.source,
      occurred_at: e.occurredAt,
      author_user_id: e.authorUserId,
      source_agency_id: e.sourceAgencyId,
      verification: e.verification,
      sensitivity: e.sensitivity,
      record_type: e.recordType ?? null,
      record_id: e.recordId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface NewTask {
  childId: string | null;
  referralId: string | null;
  kind: string;
  title: string;
  assignedTo: string;
  dueInWorkingDays: number;
  createdBy: string | null;
  from?: Date;
}

export async function addTask(trx: Transaction<DB>, t: NewTask): Promise<string> {
  const row = await trx
    .insertInto('tasks')
    .values({
      child_id: t.childId,
      referral_id: t.referralId,
      kind: t.kind,
      title: t.title,
      assigned_to: t.assignedTo,
      due_at: addWorkingDays(TIMESCALES, t.from ?? new Date(), t.dueInWorkingDays),
      created_by: t.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const todayLocal = () => localDate(TIMESCALES.timeZone, new Date());

/**
 * Starts a statutory status, ending the open statuses it replaces (Child in Need replaces Early Help…).
 * An already-open status of the same kind is kept: nothing is recorded twice.
 */
export async function startStatutoryStatus(
  trx: Transaction<DB>,
  input: {
    childId: string;
    status: StatutoryStatus;
    startedOn: string;
    reason: string;
    referralId: string | null;
    userId: string;
  },
): Promise<{ started: boolean; ended: string[] }> {
  const open = await trx
    .selectFrom('statutory_statuses')
    .select(['id', 'status'])
    .where('child_id', '=', input.childId)
    .where('ended_on', 'is', null)
    .execute();
  if (open.some((s) => s.status === input.status)) return { started: false, ended: [] };
  const replaced: readonly string[] = STATUS_SUPERSEDES[input.status];
  const toEnd = open.filter((s) => replaced.includes(s.status));
  if (toEnd.length > 0) {
    await trx
      .updateTable('statutory_statuses')
      .set({ ended_on: input.startedOn })
      .where(
        'id',
        'in',
        toEnd.map((s) => s.id),
      )
      .where('started_on', '<=', input.startedOn)
      .execute();
  }
  await trx
    .insertInto('statutory_statuses')
    .values({
      child_id: input.childId,
      status: input.status,
      started_on: input.startedOn,
      reason: input.reason,
      referral_id: input.referralId,
      recorded_by: input.userId,
    })
    .execute();
  return { started: true, ended: toEnd.map((s) => s.status) };
}
