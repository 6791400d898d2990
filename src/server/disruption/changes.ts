/**
 * Changes to a disruption record: its status (through the domain's lifecycle), its conditions, expiry
 * and owner, and breaches with the response to each. Every change is checked by the domain as a whole
 * record; moving to requested or issued re-checks eligibility with the facts as they now stand.
 */
import type { Transaction } from 'kysely';
import type { Viewer } from '../../domain/access/types.ts';
import type { ContextRecord } from '../../domain/contexts/index.ts';
import { type DisruptionRecord, transition } from '../../domain/disruption/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { transact } from '../children/access.ts';
import type { Ctx } from '../children/record.ts';
import { todayLocal } from '../children/store.ts';
import { mayManageDisruption } from '../contexts/authority.ts';
import { refuse } from '../contexts/refusals.ts';
import type { DB } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';
import { presentDisruption, toDomainRecord } from './presenter.ts';
import { allProtectedChildIds, breachesOf, type DisruptionRow, loadDisruption } from './queries.ts';
import type { ChangeInput, FactsInput, StatusInput } from './schemas.ts';
import { checked } from './service.ts';

interface Open {
  row: DisruptionRow;
  record: DisruptionRecord;
  childIds: string[];
  target: ContextRecord | null;
}

async function openForChange(trx: Transaction<DB>, viewer: Viewer, id: string): Promise<Open> {
  const row = await loadDisruption(trx, viewer, id);
  if (!row) throw notFound('disruption record');
  const childIds = await allProtectedChildIds(trx, id);
  if (!(await mayManageDisruption(trx, viewer, childIds)))
    throw new AppError('forbidden', 'You do not have permission to change this disruption record.');
  const target = row.target_context_id
    ? (((
        await trx
          .selectFrom('contexts')
          .select('details')
          .where('id', '=', row.target_context_id)
          .executeTakeFirst()
      )?.details as ContextRecord | undefined) ?? null)
    : null;
  return { row, record: toDomainRecord(row, childIds, await breachesOf(trx, id)), childIds, target };
}

async function save(
  trx: Transaction<DB>,
  viewer: Viewer,
  id: string,
  r: DisruptionRecord,
  extra: { facts?: FactsInput; eligibility?: object },
) {
  await trx
    .updateTable('disruptions')
    .set({
      status: r.status,
      owner_user_id: r.ownerUserId,
      requested_on: r.requestedOn ?? null,
      issued_on: r.issuedOn ?? null,
      served_on: r.servedOn ?? null,
      expires_on: r.expiresOn ?? null,
      until_further_order: r.untilFurtherOrder,
      conditions: JSON.stringify(r.conditions),
      outcome: r.outcome ?? null,
      ...(extra.facts ? { facts: JSON.stringify(extra.facts) } : {}),
      ...(extra.eligibility ? { eligibility: JSON.stringify(extra.eligibility) } : {}),
      updated_by: viewer.userId,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function changeStatus({ db, actor, viewer }: Ctx, id: string, input: StatusInput) {
  return transact(db, actor, async (trx) => {
    const open = await openForChange(trx, viewer, id);
    const on = input.on ?? todayLocal();
    if (on > todayLocal())
      throw refuse('disruption.not-future', 'on', `${on} is in the future: record steps that have happened`);
    const moved = transition(open.record, input.to, {
      on,
      ...(input.outcome ? { outcome: input.outcome } : {}),
      ...(input.expiresOn ? { expiresOn: input.expiresOn } : {}),
    });
    if (!moved.ok) throw refuse(moved.rule, 'to', moved.message.replace(/^\[[^\]]+\]\s*/, ''));
    // Requesting or issuing needs the measure to be eligible on what is known now.
    const recheck = ['requested', 'issued'].includes(input.to);
    const facts = open.row.facts as FactsInput;
    const result = recheck
      ? await checked(trx, moved.record, {
          applicant: open.row.applicant as never,
          target: open.target,
          childIds: open.childIds,
          facts,
        })
      : null;
    await save(trx, viewer, id, moved.record, result ? { eligibility: result.eligibility } : {});
    await appendAudit(trx, actor, {
      action: 'disruption.status_changed',
      recordType: 'disruption',
      recordId: id,
      ...(open.childIds[0] ? { childId: open.childIds[0] } : {}),
      details: { from: open.row.status, to: input.to, on },
    });
    return { disruption: await presentDisruption(trx, viewer, id) };
  });
}

export async function changeDetails({ db, actor, viewer }: Ctx, id: string, input: ChangeInput) {
  return transact(db, actor, async (trx) => {
    const open = await openForChange(trx, viewer, id);
    if (input.ownerUserId) {
      const owner = await trx
        .selectFrom('users')
        .select('id')
        .where('id', '=', input.ownerUserId)
        .where('active', '=', true)
        .executeTakeFirst();
      if (!owner) throw refuse('disruption.owner', 'ownerUserId', 'There is no active user with this id');
    }
    const { expiresOn: _expires, ...rest } = open.record;
    const next = {
      ...rest,
      ...(input.expiresOn === undefined
        ? open.record.expiresOn
          ? { expiresOn: open.record.expiresOn }
          : {}
        : input.expiresOn
          ? { expiresOn: input.expiresOn }
          : {}),
      ...(input.conditions ? { conditions: input.conditions } : {}),
      ...(input.untilFurtherOrder !== undefined ? { untilFurtherOrder: input.untilFurtherOrder } : {}),
      ...(input.ownerUserId ? { ownerUserId: input.ownerUserId } : {}),
    };
    const facts = input.facts ?? (open.row.facts as FactsInput);
    const result = await checked(trx, next, {
      applicant: open.row.applicant as never,
      target: open.target,
      childIds: open.childIds,
      facts,
    });
    await save(trx, viewer, id, result.parsed, { facts, eligibility: result.eligibility });
    await appendAudit(trx, actor, {
      action: 'disruption.updated',
      recordType: 'disruption',
      recordId: id,
      ...(open.childIds[0] ? { childId: open.childIds[0] } : {}),
      fields: Object.keys(input),
    });
    return { disruption: await presentDisruption(trx, viewer, id) };
  });
}

export async function recordBreach(
  { db, actor, viewer }: Ctx,
  id: string,
  input: { date: string; description: string; response?: string | undefined },
) {
  return transact(db, actor, async (trx) => {
    const open = await openForChange(trx, viewer, id);
    if (input.date > todayLocal())
      throw refuse(
        'disruption.not-future',
        'date',
        `${input.date} is in the future: record breaches that have happened`,
      );
    const breach = {
      date: input.date,
      description: input.description,
      ...(input.response ? { response: input.response } : {}),
      recordedBy: viewer.userId,
    };
    await checked(
      trx,
      { ...open.record, breaches: [...open.record.breaches, breach] },
      {
        applicant: open.row.applicant as never,
        target: open.target,
        childIds: open.childIds,
        facts: open.row.facts as FactsInput,
      },
    ).catch((error: unknown) => {
      // A breach is recorded whatever the measure's current eligibility: only the record's own rules apply.
      if (error instanceof AppError && error.fields?.every((f) => f.path === 'eligibility')) return null;
      throw error;
    });
    const row = await trx
      .insertInto('disruption_breaches')
      .values({
        disruption_id: id,
        breach_date: input.date,
        description: input.description,
        response: input.response ?? null,
        recorded_by: viewer.userId,
        response_by: input.response ? viewer.userId : null,
        response_at: input.response ? new Date() : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, {
      action: 'disruption.breach_recorded',
      recordType: 'disruption_breach',
      recordId: row.id,
      ...(open.childIds[0] ? { childId: open.childIds[0] } : {}),
      details: { disruptionId: id, date: input.date },
    });
    return { disruption: await presentDisruption(trx, viewer, id) };
  });
}

export async function respondToBreach(
  { db, actor, viewer }: Ctx,
  id: string,
  breachId: string,
  response: string,
) {
  return transact(db, actor, async (trx) => {
    const open = await openForChange(trx, viewer, id);
    const result = await trx
      .updateTable('disruption_breaches')
      .set({ response, response_by: viewer.userId, response_at: new Date() })
      .where('id', '=', breachId)
      .where('disruption_id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('breach');
    await appendAudit(trx, actor, {
      action: 'disruption.breach_response',
      recordType: 'disruption_breach',
      recordId: breachId,
      ...(open.childIds[0] ? { childId: open.childIds[0] } : {}),
      details: { disruptionId: id },
    });
    return { disruption: await presentDisruption(trx, viewer, id) };
  });
}

export async function readDisruption({ db, actor, viewer }: Ctx, id: string) {
  return transact(db, actor, async (trx) => {
    const disruption = await presentDisruption(trx, viewer, id);
    await appendAudit(trx, actor, {
      action: 'disruption.read',
      recordType: 'disruption',
      recordId: id,
      details: { childIds: disruption.protectedChildren.map((c) => c.id) },
    });
    return { disruption };
  });
}
