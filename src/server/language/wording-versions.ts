/**
 * The versions of wording kept outside a record (migration 0010): a referral's narrative, a completed
 * assessment's rationale and harm description, and a meeting's shareable minutes. Version 1 is the text as
 * first written; each later version is an accepted challenge. Readers show the latest version, so every
 * view and export of the record uses the amended text; the earlier versions stay for auditors.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export type VersionedRecordType = 'referral' | 'assessment' | 'minutes';

export interface WordingVersion {
  field: string;
  version: number;
  text: string;
}

/** The latest version of each amended field of these records: record id → field → version. */
export async function latestWordings(
  db: Db,
  recordType: VersionedRecordType,
  recordIds: readonly string[],
): Promise<Map<string, Map<string, WordingVersion>>> {
  const latest = new Map<string, Map<string, WordingVersion>>();
  if (recordIds.length === 0) return latest;
  const rows = await db
    .selectFrom('wording_versions')
    .select(['record_id', 'field', 'version', 'text'])
    .where('record_type', '=', recordType)
    .where('record_id', 'in', [...new Set(recordIds)])
    .orderBy('version')
    .execute();
  for (const row of rows) {
    const fields = latest.get(row.record_id) ?? new Map<string, WordingVersion>();
    fields.set(row.field, { field: row.field, version: row.version, text: row.text });
    latest.set(row.record_id, fields);
  }
  return latest;
}

/** One version of one field, or undefined when there is no such version. */
export async function wordingVersion(
  db: Db,
  recordType: VersionedRecordType,
  recordId: string,
  field: string,
  version: number,
) {
  return db
    .selectFrom('wording_versions')
    .select(['text', 'reason', 'challenge_id', 'created_by', 'created_at'])
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .where('field', '=', field)
    .where('version', '=', version)
    .executeTakeFirst();
}

/**
 * Adds an accepted amendment as the next version of a field, in the caller's transaction. The first
 * amendment also keeps the original text as version 1.
 */
export async function addWordingVersion(
  trx: Transaction<DB>,
  input: {
    recordType: VersionedRecordType;
    recordId: string;
    field: string;
    /** The text the amendment replaces (the original, when this is the first amendment). */
    previous: { version: number; text: string };
    version: number;
    text: string;
    reason: string;
    challengeId: string;
    userId: string;
  },
) {
  const key = { record_type: input.recordType, record_id: input.recordId, field: input.field };
  if (input.previous.version === 1) {
    await trx
      .insertInto('wording_versions')
      .values({ ...key, version: 1, text: input.previous.text })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await trx
    .insertInto('wording_versions')
    .values({
      ...key,
      version: input.version,
      text: input.text,
      reason: input.reason,
      challenge_id: input.challengeId,
      created_by: input.userId,
    })
    .execute();
}
