/**
 * Allocation: the lead worker, the specialist co-worker and involved professionals. Each allocation
 * changes who may read the child's record, so each is audited and written to the chronology.
 */
import { PROFESSIONAL_KIND_NAMES, type ProfessionalKind } from '../../domain/children/record.ts';
import { appendAudit } from '../audit/audit.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { assertNotMerged, openChild, transact } from './access.ts';
import type { Ctx } from './record.ts';
import { addChronologyEntry } from './store.ts';

export async function allocate(
  { db, actor, viewer }: Ctx,
  childId: string,
  input: { userId: string; kind: ProfessionalKind; roleTitle?: string | null | undefined },
) {
  return transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId, 'case.allocate');
    assertNotMerged(access);
    const user = await trx
      .selectFrom('users')
      .innerJoin('agencies', 'agencies.id', 'users.agency_id')
      .select([
        'users.id',
        'users.name',
        'users.agency_id',
        'users.roles',
        'agencies.type as agency_type',
        'agencies.name as agency_name',
      ])
      .where('users.id', '=', input.userId)
      .where('users.active', '=', true)
      .executeTakeFirst();
    if (!user) throw invalid('userId', 'there is no active user with this id');
    // Children's social care allocates anyone; a manager of another involved agency only their own staff.
    if (viewer.agencyType !== 'childrens_social_care' && user.agency_id !== viewer.agencyId) {
      throw forbidden('userId: you may allocate only people from your own agency');
    }
    if (!user.roles.some((r) => r === 'practitioner' || r === 'manager')) {
      throw invalid('userId', 'must be a practitioner or manager: a referrer account cannot carry a case');
    }
    const current = await trx
      .selectFrom('child_professionals')
      .select(['id', 'user_id', 'kind'])
      .where('child_id', '=', childId)
      .where('ended_at', 'is', null)
      .execute();
    if (current.some((c) => c.user_id === input.userId && c.kind === input.kind)) {
      throw new AppError(
        'conflict',
        `userId: ${user.name} is already ${PROFESSIONAL_KIND_NAMES[input.kind].toLowerCase()}`,
        [{ path: 'userId', message: 'already allocated in this role' }],
      );
    }
    // One lead worker and one specialist co-worker at a time: a new one replaces the previous one.
    const replaced =
      input.kind === 'involved_professional' ? [] : current.filter((c) => c.kind === input.kind);
    if (replaced.length > 0) {
      await trx
        .updateTable('child_professionals')
        .set({ ended_at: new Date() })
        .where(
          'id',
          'in',
          replaced.map((r) => r.id),
        )
        .execute();
    }
    const { id } = await trx
      .insertInto('child_professionals')
      .values({
        child_id: childId,
        kind: input.kind,
        user_id: input.userId,
        agency_id: user.agency_id,
        role_title: input.roleTitle ?? null,
        allocated_by: viewer.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addChronologyEntry(trx, {
      childId,
      kind: 'allocation',
      title: `${PROFESSIONAL_KIND_NAMES[input.kind]}: ${user.name} (${user.agency_name})`,
      summary: `${user.name} of ${user.agency_name} allocated as ${PROFESSIONAL_KIND_NAMES[input.kind].toLowerCase()}.`,
      source: 'Allocation recorded in Lantern',
      occurredAt: new Date(),
      authorUserId: viewer.userId,
      sourceAgencyId: viewer.agencyId,
      verification: 'verified',
      sensitivity: 'standard',
      recordType: 'allocation',
      recordId: id,
    });
    await appendAudit(trx, actor, {
      action: 'case.allocated',
      recordType: 'allocation',
      recordId: id,
      childId,
      fields: ['professionals'],
      details: { userId: input.userId, kind: input.kind, replaced: replaced.map((r) => r.user_id) },
    });
    return id;
  });
}

export async function endAllocation({ db, actor, viewer }: Ctx, childId: string, allocationId: string) {
  await transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId, 'case.allocate');
    assertNotMerged(access);
    const row = await trx
      .selectFrom('child_professionals')
      .select(['id', 'agency_id', 'user_id', 'kind'])
      .where('id', '=', allocationId)
      .where('child_id', '=', childId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw notFound('allocation');
    if (viewer.agencyType !== 'childrens_social_care' && row.agency_id !== viewer.agencyId) {
      throw forbidden('allocationId: you may end only your own agency’s allocations');
    }
    await trx
      .updateTable('child_professionals')
      .set({ ended_at: new Date() })
      .where('id', '=', allocationId)
      .execute();
    await appendAudit(trx, actor, {
      action: 'case.allocation_ended',
      recordType: 'allocation',
      recordId: allocationId,
      childId,
      fields: ['professionals'],
      details: { userId: row.user_id, kind: row.kind },
    });
  });
}
