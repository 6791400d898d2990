/** Use cases on the details of a child's record: address history, person roles, statutory statuses. */
import { STATUTORY_STATUS_NAMES, type StatutoryStatus } from '../../domain/referrals/decisions.ts';
import { appendAudit } from '../audit/audit.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { assertNotMerged, openChild, transact } from './access.ts';
import { assertNotFuture, type Ctx } from './record.ts';
import { maybeDateText } from './record-queries.ts';
import { addChronologyEntry, startStatutoryStatus, todayLocal } from './store.ts';

export async function addAddress(
  { db, actor, viewer }: Ctx,
  childId: string,
  input: {
    line1: string;
    town?: string | null | undefined;
    postcode?: string | null | undefined;
    fromDate?: string | null | undefined;
    toDate?: string | null | undefined;
  },
) {
  assertNotFuture('fromDate', input.fromDate);
  if (input.fromDate && input.toDate && input.toDate < input.fromDate)
    throw invalid('toDate', 'must not be before fromDate');
  await transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId, 'child.update');
    assertNotMerged(access);
    // A new current address ends the previous current one: the history stays.
    if (!input.toDate) {
      await trx
        .updateTable('person_addresses')
        .set({ to_date: input.fromDate ?? todayLocal() })
        .where('person_id', '=', childId)
        .where('to_date', 'is', null)
        .execute();
    }
    const { id } = await trx
      .insertInto('person_addresses')
      .values({
        person_id: childId,
        line1: input.line1,
        town: input.town ?? null,
        postcode: input.postcode ?? null,
        from_date: input.fromDate ?? null,
        to_date: input.toDate ?? null,
        recorded_by: viewer.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, {
      action: 'child.address_added',
      recordType: 'address',
      recordId: id,
      childId,
      fields: Object.keys(input),
    });
  });
}

export async function addRole(
  { db, actor, viewer }: Ctx,
  childId: string,
  input: { role: string; note?: string | null | undefined },
) {
  await transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId, 'child.update');
    assertNotMerged(access);
    const existing = await trx
      .selectFrom('person_roles')
      .select('role')
      .where('person_id', '=', childId)
      .where('role', '=', input.role)
      .executeTakeFirst();
    if (existing)
      throw new AppError('conflict', `role: this person already has the role ${input.role}`, [
        { path: 'role', message: 'already held' },
      ]);
    await trx
      .insertInto('person_roles')
      .values({ person_id: childId, role: input.role, note: input.note ?? null, added_by: viewer.userId })
      .execute();
    await appendAudit(trx, actor, {
      action: 'child.role_added',
      recordType: 'child',
      recordId: childId,
      childId,
      fields: ['role'],
      details: { role: input.role },
    });
  });
}

export async function setStatutoryStatus(
  { db, actor, viewer }: Ctx,
  childId: string,
  input: { status: StatutoryStatus; startedOn: string; reason: string },
) {
  assertNotFuture('startedOn', input.startedOn);
  await transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId, 'child.update');
    assertNotMerged(access);
    const result = await startStatutoryStatus(trx, {
      childId,
      ...input,
      referralId: null,
      userId: viewer.userId,
    });
    if (!result.started)
      throw new AppError('conflict', `status: ${STATUTORY_STATUS_NAMES[input.status]} is already current`, [
        { path: 'status', message: 'already current' },
      ]);
    await addChronologyEntry(trx, {
      childId,
      kind: 'statutory_status',
      title: `${STATUTORY_STATUS_NAMES[input.status]} started`,
      summary: input.reason,
      source: 'Statutory status recorded in Lantern',
      occurredAt: new Date(`${input.startedOn}T00:00:00Z`),
      authorUserId: viewer.userId,
      sourceAgencyId: viewer.agencyId,
      verification: 'verified',
      sensitivity: 'standard',
    });
    await appendAudit(trx, actor, {
      action: 'child.status_started',
      recordType: 'child',
      recordId: childId,
      childId,
      fields: ['statutoryStatus'],
      details: { status: input.status },
    });
  });
}

export async function endStatutoryStatus(
  { db, actor, viewer }: Ctx,
  childId: string,
  statusId: string,
  input: { endedOn: string; reason: string },
) {
  assertNotFuture('endedOn', input.endedOn);
  await transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId, 'child.update');
    assertNotMerged(access);
    const row = await trx
      .selectFrom('statutory_statuses')
      .select(['id', 'status', 'ended_on'])
      .select(maybeDateText('started_on').as('started'))
      .where('id', '=', statusId)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    if (!row) throw notFound('statutory status');
    if (row.ended_on !== null)
      throw new AppError('conflict', 'statusId: this status has already ended', [
        { path: 'statusId', message: 'already ended' },
      ]);
    if (row.started && input.endedOn < row.started)
      throw invalid('endedOn', 'must not be before the status started');
    await trx
      .updateTable('statutory_statuses')
      .set({ ended_on: input.endedOn })
      .where('id', '=', statusId)
      .execute();
    await addChronologyEntry(trx, {
      childId,
      kind: 'statutory_status',
      title: `${STATUTORY_STATUS_NAMES[row.status as StatutoryStatus]} ended`,
      summary: input.reason,
      source: 'Statutory status recorded in Lantern',
      occurredAt: new Date(`${input.endedOn}T00:00:00Z`),
      authorUserId: viewer.userId,
      sourceAgencyId: viewer.agencyId,
      verification: 'verified',
      sensitivity: 'standard',
    });
    await appendAudit(trx, actor, {
      action: 'child.status_ended',
      recordType: 'child',
      recordId: childId,
      childId,
      fields: ['statutoryStatus'],
      details: { status: row.status },
    });
  });
}
