import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { type ChainedContent, type ChainProblem, entryHash, findFirstBreak, GENESIS_HASH } from './chain.ts';
import type { AuditActor, AuditEvent } from './events.ts';

// Every transaction that writes an audit entry queues on this lock from the moment it appends until it
// commits, so entries are chained in commit order and two writers never take the same sequence number.
const AUDIT_CHAIN_LOCK = 4_201_734;

/**
 * Appends one entry to the audit log inside the caller's transaction: the entry commits with the
 * change it describes, or neither does.
 */
export async function appendAudit(
  trx: Transaction<DB>,
  actor: AuditActor,
  event: AuditEvent,
): Promise<number> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const content: ChainedContent = {
    seq: (last?.seq ?? 0) + 1,
    occurredAt: new Date().toISOString(),
    requestId: actor.requestId,
    actorUserId: actor.userId,
    actorAgencyId: actor.agencyId,
    action: event.action,
    recordType: event.recordType ?? null,
    recordId: event.recordId ?? null,
    childId: event.childId ?? null,
    fields: [...(event.fields ?? [])],
    reason: event.reason ?? null,
    outcome: event.outcome ?? 'success',
    details: event.details ?? {},
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await trx
    .insertInto('audit_log')
    .values({
      seq: content.seq,
      occurred_at: content.occurredAt,
      request_id: content.requestId,
      actor_user_id: content.actorUserId,
      actor_agency_id: content.actorAgencyId,
      action: content.action,
      record_type: content.recordType,
      record_id: content.recordId,
      child_id: content.childId,
      fields: [...content.fields],
      reason: content.reason,
      outcome: content.outcome,
      details: JSON.stringify(content.details),
      prev_hash: content.prevHash,
      hash: entryHash(content),
    })
    .execute();
  return content.seq;
}

/** Writes an audit entry in a transaction of its own: for events whose request is failing (a denial). */
export async function auditAlone(db: Kysely<DB>, actor: AuditActor, event: AuditEvent): Promise<void> {
  await db.transaction().execute((trx) => appendAudit(trx, actor, event));
}

export interface VerifyResult {
  entries: number;
  headHash: string;
  problem: ChainProblem | null;
}

const PAGE = 5000;

/** Reads the whole log in sequence order, page by page, and checks the chain. */
export async function verifyAuditLog(
  db: Kysely<DB>,
  onProgress: (checked: number, total: number) => void = () => {},
): Promise<VerifyResult> {
  const countRow = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(countRow.n);
  let position = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', position.seq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) break;
    const entries = rows.map((r) => ({
      seq: Number(r.seq),
      occurredAt: new Date(r.occurred_at).toISOString(),
      requestId: r.request_id,
      actorUserId: r.actor_user_id,
      actorAgencyId: r.actor_agency_id,
      action: r.action,
      recordType: r.record_type,
      recordId: r.record_id,
      childId: r.child_id,
      fields: r.fields,
      reason: r.reason,
      outcome: r.outcome,
      details: r.details,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
    // The first entry's sequence number must follow on: a page that starts later means deleted entries.
    const problem = findFirstBreak(entries, position);
    if (problem) return { entries: total, headHash: position.hash, problem };
    const lastEntry = entries[entries.length - 1];
    if (!lastEntry) break;
    position = { seq: lastEntry.seq, hash: lastEntry.hash };
    checked += entries.length;
    onProgress(checked, total);
  }
  return { entries: checked, headHash: position.hash, problem: null };
}

export function describeProblem(problem: ChainProblem): string {
  switch (problem.kind) {
    case 'gap':
      return `entry ${problem.expectedSeq} is missing (the next entry present is ${problem.seq}): entries were deleted`;
    case 'broken_link':
      return `entry ${problem.seq} does not follow the entry before it: an earlier entry was altered, removed or reordered`;
    case 'tampered':
      return `entry ${problem.seq} does not match its hash: its content was altered`;
  }
}
