/**
 * Instruments in the database. The instrument files Lantern ships are validated by the domain's registry
 * and stored when the server starts; a stored version is never changed (the table refuses updates), and
 * a file changed under a version that is already stored stops the server: a change is a new version.
 * Every assessment resolves its pinned version from here, never from the files, so an instrument a
 * partnership published without code is honoured in the same way.
 */
import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import {
  createInstrumentRegistry,
  type Instrument,
  InstrumentError,
  type InstrumentRegistry,
  SHIPPED_INSTRUMENTS,
} from '../../domain/assessment/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { SYSTEM_ACTOR } from '../audit/events.ts';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

// Every Lantern process loading instruments into the same database queues on this lock.
const INSTRUMENT_LOCK = 4_201_735;

/** JSON with object keys in a fixed order, so the same definition always has the same checksum. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function instrumentChecksum(instrument: Instrument): string {
  return createHash('sha256').update(stableJson(instrument)).digest('hex');
}

/**
 * Stores every instrument version not yet in the database. A version already stored with a different
 * definition is an error: the server must not start with an instrument that says something else under
 * the same version as the one old assessments were made with.
 */
export async function syncInstruments(
  db: Kysely<DB>,
  instruments: readonly unknown[] = SHIPPED_INSTRUMENTS,
): Promise<{ published: string[] }> {
  const registry = createInstrumentRegistry(instruments);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${INSTRUMENT_LOCK})`.execute(trx);
    const stored = await trx
      .selectFrom('assessment_instruments')
      .select(['instrument_id', 'version', 'checksum'])
      .execute();
    const published: string[] = [];
    for (const instrument of registry.list()) {
      const key = `${instrument.id}@${instrument.version}`;
      const checksum = instrumentChecksum(instrument);
      const existing = stored.find(
        (s) => s.instrument_id === instrument.id && s.version === instrument.version,
      );
      if (existing) {
        if (existing.checksum !== checksum) {
          throw new InstrumentError(
            `Instrument ${key} has changed since it was published. Assessments were made with the published definition, so it cannot change: give the changed instrument a new version.`,
          );
        }
        continue;
      }
      await trx
        .insertInto('assessment_instruments')
        .values({
          instrument_id: instrument.id,
          version: instrument.version,
          title: instrument.title,
          definition: JSON.stringify(instrument),
          checksum,
        })
        .execute();
      await appendAudit(trx, SYSTEM_ACTOR, {
        action: 'assessment.instrument_published',
        recordType: 'assessment_instrument',
        details: { instrument: key, checksum },
      });
      published.push(key);
    }
    return { published };
  });
}

let cached: { key: string; registry: InstrumentRegistry } | null = null;

/**
 * The instruments stored in this database, as a registry. Rebuilt only when the stored versions change
 * (a new version published by another app server is seen at the next request).
 */
export async function storedInstruments(db: Db): Promise<InstrumentRegistry> {
  const keys = await db
    .selectFrom('assessment_instruments')
    .select(['instrument_id', 'version', 'checksum'])
    .orderBy('instrument_id')
    .orderBy('version')
    .execute();
  const key = keys.map((k) => `${k.instrument_id}@${k.version}:${k.checksum}`).join('|');
  if (cached?.key === key) return cached.registry;
  const rows = await db.selectFrom('assessment_instruments').select('definition').execute();
  const registry = createInstrumentRegistry(rows.map((r) => r.definition));
  cached = { key, registry };
  return registry;
}
