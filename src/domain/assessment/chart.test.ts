import { describe, expect, it } from 'vitest';
import { CHART_CAPTION, levelChartSeries } from './chart.ts';
import { parse, rafInput, uuid } from './fixtures.ts';

const first = parse(
  rafInput({
    id: uuid(101),
    completedAt: '2026-01-05T09:00:00Z',
    judgement: { level: 'moderate', rationale: 'Early concerns.' },
    harm: { status: 'none_identified' },
  }),
);
const second = parse(rafInput({ id: uuid(102), completedAt: '2026-03-02T10:00:00Z' }));
const third = parse(
  rafInput({
    id: uuid(103),
    completedAt: '2026-04-20T10:00:00Z',
    judgement: { level: 'mild', rationale: 'Disruption has worked; Amy is settled at her nan’s.' },
    harm: { status: 'known', kinds: ['sexual'], description: 'Abuse at the flat, now stopped.' },
  }),
);

describe('the level-over-time chart', () => {
  const series = levelChartSeries([third, first, second]);

  it('carries the caption that it is professional judgement, not a score', () => {
    expect(series.caption).toBe('Professional judgement, not a score');
    expect(CHART_CAPTION).toBe(series.caption);
    expect(series.yAxisTitle).toMatch(/judgement/);
  });

  it('plots each assessment’s chosen level, in date order', () => {
    expect(series.points.map((p) => [p.date, p.level, p.levelIndex, p.assessmentId])).toEqual([
      ['2026-01-05T09:00:00Z', 'moderate', 2, uuid(101)],
      ['2026-03-02T10:00:00Z', 'significant', 3, uuid(102)],
      ['2026-04-20T10:00:00Z', 'mild', 1, uuid(103)],
    ]);
    expect(series.yAxis.map((y) => y.label)).toEqual([
      'No significant risk',
      'Mild',
      'Moderate',
      'Significant',
      'Severe',
    ]);
  });

  it('keeps the rationale and what was known about harm with each point', () => {
    expect(series.points[2]).toMatchObject({
      levelLabel: 'Mild',
      harm: 'known',
      rationale: /Disruption has worked/,
    });
    expect(series.points[0]?.by).toBe('Sam Okafor (Children’s Services)');
  });

  it('plots no count or score', () => {
    for (const p of series.points) {
      expect(Object.keys(p).filter((k) => /count|score|tick/i.test(k))).toEqual([]);
    }
  });

  it('lists assessments it cannot place instead of guessing', () => {
    const orphan = { ...second, id: uuid(104), instrumentVersion: '1999.1' };
    const s = levelChartSeries([first, orphan]);
    expect(s.points).toHaveLength(1);
    expect(s.notPlotted).toEqual([{ assessmentId: uuid(104), reason: 'instrument raf@1999.1 not found' }]);
  });

  it('is empty, with its caption, when there are no assessments', () => {
    expect(levelChartSeries([])).toMatchObject({ caption: CHART_CAPTION, points: [], yAxis: [] });
  });
});
