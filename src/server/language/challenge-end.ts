/**
 * Ending a challenge to the wording of a record, in the caller's transaction: the one way its status,
 * its decider's task and its audit entry change together. Used by the challenge service, and by a
 * capability whose record drops a text that has open challenges (a plan that no longer has an objective).
 */
import { sql, type Transaction, type Updateable } from 'kysely';
import { appendAudit } from '../audit/audit.ts';
import type { AuditAction, AuditActor, AuditDetailValue } from '../audit/events.ts';
import type { DB, WordingChallengeTable } from '../db/schema.ts';
import type { WordingRecordType } from './records.ts';

/** Where a challenge is: which kind of record, which one, and the child it is about. */
export interface RecordRef {
  type: WordingRecordType;
  childId: string;
  recordId: string;
}

/** Who ended it: the request's actor, and the user recorded as deciding. */
export interface Ender {
  actor: AuditActor;
  userId: string;
}

/**
 * Ends an open challenge with its outcome: the status, who ended it and when (with whatever else the
 * outcome records), the decider's task closed, and the audit entry against the record.
 */
export async function endChallenge(
  trx: Transaction<DB>,
  who: Ender,
  c: { id: string; task_id: string | null; field: string },
  ref: RecordRef,
  outcome: {
    status: 'withdrawn' | 'declined' | 'superseded' | 'accepted';
    set?: Updateable<WordingChallengeTable>;
    action: AuditAction;
    fields?: readonly string[];
    details: Readonly<Record<string, AuditDetailValue>>;
  },
) {
  await trx
    .updateTable('wording_challenges')
    .set({ ...outcome.set, status: outcome.status, decided_by: who.userId, decided_at: sql`now()` })
    .where('id', '=', c.id)
    .execute();
  if (c.task_id)
    await trx
      .updateTable('tasks')
      .set({ status: 'done', completed_at: sql`now()`, completed_by: who.userId })
      .where('id', '=', c.task_id)
      .where('status', '=', 'open')
      .execute();
  await appendAudit(trx, who.actor, {
    action: outcome.action,
    recordType: ref.type,
    recordId: ref.recordId,
    childId: ref.childId,
    ...(outcome.fields ? { fields: outcome.fields } : {}),
    details: { challengeId: c.id, field: c.field, ...outcome.details },
  });
}

/**
 * A record that no longer has some of its texts (a plan saved without an objective, or without "how we
 * will know"): the open challenges to those texts are superseded, their tasks closed, each audited. Returns
 * how many were.
 */
export async function supersedeChallengesToRemovedTexts(
  trx: Transaction<DB>,
  who: Ender,
  ref: RecordRef,
  remaining: readonly string[],
  version: number,
): Promise<number> {
  const open = await trx
    .selectFrom('wording_challenges')
    .select(['id', 'task_id', 'field', 'version'])
    .where('record_type', '=', ref.type)
    .where('record_id', '=', ref.recordId)
    .where('status', '=', 'open')
    .execute();
  const gone = open.filter((c) => !remaining.includes(c.field));
  for (const c of gone) {
    await endChallenge(trx, who, c, ref, {
      status: 'superseded',
      action: 'language.challenge_superseded',
      details: { fromVersion: c.version, currentVersion: version, removed: true },
    });
  }
  return gone.length;
}
