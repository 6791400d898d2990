import { createHash } from 'node:crypto';

/** The hash an empty log starts from. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedContent {
  seq: number;
  occurredAt: string;
  requestId: string | null;
  actorUserId: string | null;
  actorAgencyId: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  childId: string | null;
  fields: readonly string[];
  reason: string | null;
  outcome: string;
  details: unknown;
  prevHash: string;
}

/**
 * JSON with object keys sorted at every depth, so the same entry always serialises to the same bytes
 * whichever database stored it (jsonb reorders keys).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * SHA-256 over the previous entry's hash and this entry's canonical content (which includes it).
 * Only the chained fields are hashed: a stored entry also carries its own hash (and a database row may
 * carry more), which must not feed into the hash it is checked against.
 */
export function entryHash(content: ChainedContent): string {
  const chained: ChainedContent = {
    seq: content.seq,
    occurredAt: content.occurredAt,
    requestId: content.requestId,
    actorUserId: content.actorUserId,
    actorAgencyId: content.actorAgencyId,
    action: content.action,
    recordType: content.recordType,
    recordId: content.recordId,
    childId: content.childId,
    fields: content.fields,
    reason: content.reason,
    outcome: content.outcome,
    details: content.details,
    prevHash: content.prevHash,
  };
  return createHash('sha256').update(canonicalJson(chained)).digest('hex');
}

export type ChainProblem =
  | { kind: 'gap'; seq: number; expectedSeq: number }
  | { kind: 'broken_link'; seq: number }
  | { kind: 'tampered'; seq: number };

/**
 * Walks entries in sequence order and names the first one that breaks the chain: a missing sequence
 * number (a deleted entry), a previous-hash that does not match (reordered or removed entries), or a
 * hash that does not match the content (an edited entry).
 */
export function findFirstBreak(
  entries: Iterable<ChainedContent & { hash: string }>,
  start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): ChainProblem | null {
  let expectedSeq = start.seq + 1;
  let prevHash = start.hash;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) return { kind: 'gap', seq: entry.seq, expectedSeq };
    if (entry.prevHash !== prevHash) return { kind: 'broken_link', seq: entry.seq };
    if (entryHash(entry) !== entry.hash) return { kind: 'tampered', seq: entry.seq };
    prevHash = entry.hash;
    expectedSeq++;
  }
  return null;
}
