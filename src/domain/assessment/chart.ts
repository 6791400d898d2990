/**
 * The series for the level-of-concern-over-time chart. Each point is one practitioner's judgement at
 * one analysis, with its rationale and what was known about harm; the caption is part of the data so
 * no chart can be drawn without it. Nothing here is a measurement or a score, and no count of indicators
 * is plotted (seed 001 §4.4: indicative, not predictive; seed 000 key theme 6).
 */
import { getInstrument, type InstrumentResolver } from './instruments/registry.ts';
import type { Assessment, Harm } from './schema.ts';

export const CHART_CAPTION = 'Professional judgement, not a score' as const;
export const CHART_Y_AXIS_TITLE = 'Level of concern (the practitioner’s judgement)' as const;

export interface LevelPoint {
  readonly date: string;
  readonly level: string;
  readonly levelLabel: string;
  /** Position on the pinned continuum, 0 = lowest concern. */
  readonly levelIndex: number;
  readonly assessmentId: string;
  readonly instrument: string;
  /** Shown on the point: a child being harmed is a victim, whatever the level. */
  readonly harm: Harm['status'];
  readonly rationale: string;
  readonly by: string;
}

export interface LevelSeries {
  readonly caption: typeof CHART_CAPTION;
  readonly yAxisTitle: typeof CHART_Y_AXIS_TITLE;
  /** The continuum of the most recent assessment, lowest first. */
  readonly yAxis: readonly { readonly index: number; readonly label: string }[];
  readonly points: readonly LevelPoint[];
  /** Assessments that could not be placed (their instrument version or level cannot be found). */
  readonly notPlotted: readonly { readonly assessmentId: string; readonly reason: string }[];
}

export function levelChartSeries(
  assessments: readonly Assessment[],
  resolve: InstrumentResolver = getInstrument,
): LevelSeries {
  const sorted = [...assessments].sort((a, b) => Date.parse(a.completedAt) - Date.parse(b.completedAt));
  const points: LevelPoint[] = [];
  const notPlotted: { assessmentId: string; reason: string }[] = [];
  let axisFrom: ReturnType<InstrumentResolver>;
  for (const a of sorted) {
    const instrument = resolve(a.instrumentId, a.instrumentVersion);
    const index = instrument ? instrument.continuum.levels.findIndex((l) => l.id === a.judgement.level) : -1;
    const level = instrument?.continuum.levels[index];
    if (!instrument || !level) {
      notPlotted.push({
        assessmentId: a.id,
        reason: instrument
          ? `level "${a.judgement.level}" is not on ${a.instrumentId}@${a.instrumentVersion}`
          : `instrument ${a.instrumentId}@${a.instrumentVersion} not found`,
      });
      continue;
    }
    axisFrom = instrument;
    points.push({
      date: a.completedAt,
      level: level.id,
      levelLabel: level.label,
      levelIndex: index,
      assessmentId: a.id,
      instrument: `${a.instrumentId}@${a.instrumentVersion}`,
      harm: a.harm.status,
      rationale: a.judgement.rationale,
      by: `${a.completedBy.name} (${a.completedBy.agency})`,
    });
  }
  const yAxis = (axisFrom?.continuum.levels ?? []).map((l, index) => ({ index, label: l.label }));
  return { caption: CHART_CAPTION, yAxisTitle: CHART_Y_AXIS_TITLE, yAxis, points, notPlotted };
}
