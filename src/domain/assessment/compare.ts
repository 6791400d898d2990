/**
 * Two assessments side by side: what changed in the factors of each domain, the level each practitioner
 * chose and why, what is known about harm, and whose voices were heard. Repeat analyses exist to show
 * change (seed 001 §3.5: "can be used in subsequent assessments to compare progress"; Table 4.1 "How will
 * I know risks are reducing?").
 *
 * Factors are matched by id first (a factor carried into the next analysis keeps its id), then by the
 * indicator guide item they cite, then by their wording.
 */

import { getInstrument, type InstrumentResolver } from './instruments/registry.ts';
import type { Instrument } from './instruments/schema.ts';
import { type Assessment, factorsOf, type Harm, type PlacedFactor } from './schema.ts';
import type { AssessmentDomain } from './vocabulary.ts';
import { listVoices, type VoiceRef } from './voices.ts';

export interface LevelView {
  readonly id: string;
  /** The label in the pinned instrument version (the id if that version cannot be found). */
  readonly label: string;
  /** Position on the pinned continuum, 0 = lowest concern; null if the version cannot be found. */
  readonly index: number | null;
}

export interface AssessmentSide {
  readonly id: string;
  readonly completedAt: string;
  readonly completedBy: string;
  readonly instrument: { readonly id: string; readonly version: string };
  readonly level: LevelView;
  readonly rationale: string;
  readonly harm: Harm['status'];
}

export type FactorField = 'description' | 'kind' | 'domain' | 'evidence' | 'verification';

export interface FactorChange {
  readonly before: PlacedFactor;
  readonly after: PlacedFactor;
  readonly changed: FactorField[];
}

export interface DomainComparison {
  readonly added: PlacedFactor[];
  readonly removed: PlacedFactor[];
  readonly changed: FactorChange[];
  readonly unchanged: PlacedFactor[];
}

export type LevelDirection = 'more_concern' | 'less_concern' | 'same' | 'not_comparable';

export interface AssessmentComparison {
  /** The assessments in date order: "added" means added since the earlier one. */
  readonly earlier: AssessmentSide;
  readonly later: AssessmentSide;
  readonly sameInstrumentVersion: boolean;
  readonly factors: Record<AssessmentDomain, DomainComparison>;
  readonly level: {
    readonly from: LevelView;
    readonly to: LevelView;
    readonly changed: boolean;
    /** Only when both versions use the same continuum; a judgement each time, not a measurement. */
    readonly direction: LevelDirection;
  };
  readonly harm: { readonly from: Harm['status']; readonly to: Harm['status']; readonly changed: boolean };
  readonly rationale: { readonly earlier: string; readonly later: string };
  readonly voices: {
    /** Given in the later assessment, not in the earlier one. */
    readonly added: VoiceRef[];
    /** Given in the earlier assessment, not in the later one. */
    readonly noLongerHeard: VoiceRef[];
    /** Not given in the later assessment, with the reason recorded. */
    readonly missing: VoiceRef[];
  };
}

function levelView(assessment: Assessment, instrument: Instrument | undefined): LevelView {
  const id = assessment.judgement.level;
  const levels = instrument?.continuum.levels;
  const index = levels ? levels.findIndex((l) => l.id === id) : -1;
  return { id, label: levels?.[index]?.label ?? id, index: index >= 0 ? index : null };
}

function side(assessment: Assessment, instrument: Instrument | undefined): AssessmentSide {
  return {
    id: assessment.id,
    completedAt: assessment.completedAt,
    completedBy: `${assessment.completedBy.name} (${assessment.completedBy.agency})`,
    instrument: { id: assessment.instrumentId, version: assessment.instrumentVersion },
    level: levelView(assessment, instrument),
    rationale: assessment.judgement.rationale,
    harm: assessment.harm.status,
  };
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

function differences(before: PlacedFactor, after: PlacedFactor): FactorField[] {
  const out: FactorField[] = [];
  if (norm(before.description) !== norm(after.description)) out.push('description');
  if (before.kind !== after.kind) out.push('kind');
  if (before.domain !== after.domain) out.push('domain');
  const b = new Map(before.evidence.map((e) => [e.chronologyEntryId, e.verification]));
  const a = new Map(after.evidence.map((e) => [e.chronologyEntryId, e.verification]));
  if (b.size !== a.size || [...a.keys()].some((k) => !b.has(k))) out.push('evidence');
  if ([...a].some(([k, v]) => b.has(k) && b.get(k) !== v)) out.push('verification');
  return out;
}

/** Pairs each later factor with an earlier one, by id, then indicator, then wording. */
function matchFactors(earlier: PlacedFactor[], later: PlacedFactor[]) {
  const unmatched = new Set(earlier);
  const pairs: [PlacedFactor, PlacedFactor][] = [];
  const added: PlacedFactor[] = [];
  const strategies: ((e: PlacedFactor, l: PlacedFactor) => boolean)[] = [
    (e, l) => e.id === l.id,
    (e, l) => e.kind === l.kind && !!l.indicatorRef && e.indicatorRef === l.indicatorRef,
    (e, l) => e.kind === l.kind && norm(e.description) === norm(l.description),
  ];
  let remaining = [...later];
  for (const same of strategies) {
    const next: PlacedFactor[] = [];
    for (const l of remaining) {
      const e = [...unmatched].find((x) => same(x, l));
      if (e) {
        unmatched.delete(e);
        pairs.push([e, l]);
      } else next.push(l);
    }
    remaining = next;
  }
  added.push(...remaining);
  return { pairs, added, removed: [...unmatched] };
}

/**
 * Compares two assessments of the same child. The order of the arguments does not matter: the result
 * is in date order. `resolve` finds the pinned instrument versions for level labels.
 */
export function compareAssessments(
  a: Assessment,
  b: Assessment,
  resolve: InstrumentResolver = getInstrument,
): AssessmentComparison {
  const [earlier, later] = Date.parse(a.completedAt) <= Date.parse(b.completedAt) ? [a, b] : [b, a];
  const ie = resolve(earlier.instrumentId, earlier.instrumentVersion);
  const il = resolve(later.instrumentId, later.instrumentVersion);

  const empty = () => ({
    added: [] as PlacedFactor[],
    removed: [] as PlacedFactor[],
    changed: [] as FactorChange[],
    unchanged: [] as PlacedFactor[],
  });
  const factors = {
    developmental_needs: empty(),
    parenting_capacity: empty(),
    family_and_environment: empty(),
  } satisfies Record<AssessmentDomain, DomainComparison>;
  const { pairs, added, removed } = matchFactors(factorsOf(earlier), factorsOf(later));
  for (const f of added) factors[f.domain].added.push(f);
  for (const f of removed) factors[f.domain].removed.push(f);
  for (const [before, after] of pairs) {
    const changed = differences(before, after);
    if (changed.length > 0) factors[after.domain].changed.push({ before, after, changed });
    else factors[after.domain].unchanged.push(after);
  }

  const from = levelView(earlier, ie);
  const to = levelView(later, il);
  const sameContinuum =
    !!ie &&
    !!il &&
    ie.continuum.levels.length === il.continuum.levels.length &&
    ie.continuum.levels.every((l, i) => l.id === il.continuum.levels[i]?.id);
  let direction: LevelDirection = 'not_comparable';
  if (sameContinuum && from.index !== null && to.index !== null) {
    direction = to.index > from.index ? 'more_concern' : to.index < from.index ? 'less_concern' : 'same';
  }

  const before = new Map(listVoices(earlier.voices).map((v) => [v.key, v]));
  const after = listVoices(later.voices);
  const afterKeys = new Map(after.map((v) => [v.key, v]));

  return {
    earlier: side(earlier, ie),
    later: side(later, il),
    sameInstrumentVersion:
      earlier.instrumentId === later.instrumentId && earlier.instrumentVersion === later.instrumentVersion,
    factors,
    level: { from, to, changed: from.id !== to.id, direction },
    harm: {
      from: earlier.harm.status,
      to: later.harm.status,
      changed: earlier.harm.status !== later.harm.status,
    },
    rationale: { earlier: earlier.judgement.rationale, later: later.judgement.rationale },
    voices: {
      added: after.filter((v) => v.given && !before.get(v.key)?.given),
      noLongerHeard: [...before.values()].filter((v) => v.given && !afterKeys.get(v.key)?.given),
      missing: after.filter((v) => !v.given),
    },
  };
}
