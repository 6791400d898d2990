/**
 * The instruments Lantern ships, and the lookup every assessment goes through. Each instrument is
 * validated and frozen when the registry is built, so a published version can never be changed in
 * place: a change is a new version, and an assessment made under an old one still finds it.
 *
 * The database will hold the same data (loaded from these files); `createInstrumentRegistry` is the
 * entry point for that list too, so the same validation runs on it.
 */
import { MACE_RISK_ASSESSMENT_2025_1, MACE_RISK_ASSESSMENT_2025_2 } from './mace-risk-assessment.ts';
import { RAF_2025_1 } from './raf.ts';
import { type Instrument, type InstrumentInput, instrumentSchema } from './schema.ts';

export class InstrumentError extends Error {
  override readonly name = 'InstrumentError';
}

export type InstrumentResolver = (id: string, version: string) => Instrument | undefined;

export interface InstrumentRegistry {
  /** The exact version asked for, or undefined: never a nearby or newer version. */
  get(id: string, version: string): Instrument | undefined;
  /** The newest version of an instrument, for starting a new assessment. */
  latest(id: string): Instrument | undefined;
  list(): readonly Instrument[];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Orders `YYYY.N` versions numerically (2025.10 is after 2025.9). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function createInstrumentRegistry(
  instruments: readonly (InstrumentInput | unknown)[],
): InstrumentRegistry {
  const byKey = new Map<string, Instrument>();
  for (const raw of instruments) {
    const parsed = instrumentSchema.safeParse(raw);
    if (!parsed.success) {
      const where = (raw as { id?: unknown; version?: unknown }) ?? {};
      throw new InstrumentError(
        `Instrument ${String(where.id)}@${String(where.version)} is invalid: ${parsed.error.issues
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}`,
      );
    }
    const key = `${parsed.data.id}@${parsed.data.version}`;
    if (byKey.has(key)) throw new InstrumentError(`Instrument ${key} is listed twice.`);
    byKey.set(key, deepFreeze(parsed.data));
  }
  const all = Object.freeze([...byKey.values()]);
  return {
    get: (id, version) => byKey.get(`${id}@${version}`),
    latest: (id) =>
      all.filter((i) => i.id === id).sort((a, b) => compareVersions(b.version, a.version))[0] ?? undefined,
    list: () => all,
  };
}

/** Every instrument version Lantern ships. Old versions stay listed for as long as assessments use them. */
export const SHIPPED_INSTRUMENTS: readonly InstrumentInput[] = [
  RAF_2025_1,
  MACE_RISK_ASSESSMENT_2025_1,
  MACE_RISK_ASSESSMENT_2025_2,
];

export const instrumentRegistry: InstrumentRegistry = createInstrumentRegistry(SHIPPED_INSTRUMENTS);

/** The shipped instrument with exactly this id and version, or undefined for an unknown version. */
export const getInstrument: InstrumentResolver = (id, version) => instrumentRegistry.get(id, version);

export function latestInstrument(id: string): Instrument | undefined {
  return instrumentRegistry.latest(id);
}

export const RAF_ID = 'raf';
export const MACE_RISK_ASSESSMENT_ID = 'mace-risk-assessment';
