import { formatDay } from '../children/format.ts';
import { labelOf } from '../children/words.ts';
import type { AssessmentReference, Chart } from './api.ts';

const WIDTH = 640;
const HEIGHT = 280;
const LEFT = 170;
const RIGHT = 30;
const TOP = 20;
const BOTTOM = 50;

/**
 * The level of concern over time, as each practitioner judged it. Drawn as an SVG with the caption the data
 * carries ("Professional judgement, not a score"); the table after it is the text alternative, with each
 * rationale. A point where harm was known is drawn as a square, suspected as a diamond, so the shape says
 * it as well as the key.
 */
export function LevelChart({ chart, reference }: { chart: Chart; reference: AssessmentReference }) {
  const { points, yAxis } = chart;
  if (points.length === 0) {
    return <p className="govuk-body">No assessment has been completed yet, so there is nothing to chart.</p>;
  }
  const levels = Math.max(yAxis.length - 1, 1);
  const y = (index: number) => TOP + (HEIGHT - TOP - BOTTOM) * (1 - index / levels);
  const times = points.map((p) => Date.parse(p.date));
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  const x = (i: number) =>
    span === 0
      ? LEFT + (WIDTH - LEFT - RIGHT) / 2
      : LEFT + ((WIDTH - LEFT - RIGHT) * ((times[i] ?? first) - first)) / span;
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.levelIndex).toFixed(1)}`)
    .join(' ');
  return (
    <figure className="lantern-chart" aria-labelledby="level-chart-caption">
      <figcaption id="level-chart-caption" className="govuk-heading-s">
        {chart.caption}
        <span className="govuk-body-s lantern-chart__subcaption">
          {chart.yAxisTitle}, at each completed assessment. Each point is one practitioner’s judgement, with a
          rationale in the table below; nothing is counted.
        </span>
      </figcaption>
      <svg
        className="lantern-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="level-chart-title level-chart-desc"
      >
        <title id="level-chart-title">{`Level of concern over time: ${chart.caption}`}</title>
        <desc id="level-chart-desc">
          {points.map((p) => `${formatDay(p.date)}: ${p.levelLabel}`).join('; ')}. The table below gives each
          rationale.
        </desc>
        {yAxis.map((tick) => (
          <g key={tick.index}>
            <line
              className="lantern-chart__grid"
              x1={LEFT}
              x2={WIDTH - RIGHT}
              y1={y(tick.index)}
              y2={y(tick.index)}
            />
            <text className="lantern-chart__label" x={LEFT - 10} y={y(tick.index) + 5} textAnchor="end">
              {tick.label}
            </text>
          </g>
        ))}
        <path className="lantern-chart__line" d={path} />
        {points.map((p, i) => {
          const cx = x(i);
          const cy = y(p.levelIndex);
          return (
            <g key={p.assessmentId}>
              {p.harm === 'known' ? (
                <rect
                  className="lantern-chart__point lantern-chart__point--known"
                  x={cx - 6}
                  y={cy - 6}
                  width={12}
                  height={12}
                />
              ) : p.harm === 'suspected' ? (
                <polygon
                  className="lantern-chart__point lantern-chart__point--suspected"
                  points={`${cx},${cy - 8} ${cx + 8},${cy} ${cx},${cy + 8} ${cx - 8},${cy}`}
                />
              ) : (
                <circle className="lantern-chart__point" cx={cx} cy={cy} r={6} />
              )}
              <text className="lantern-chart__date" x={cx} y={HEIGHT - BOTTOM + 22} textAnchor="middle">
                {formatDay(p.date)}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="govuk-body-s lantern-chart__key">
        Key: a square means exploitation was known to be happening, a diamond that it was suspected, a circle
        that none was identified at that analysis.
      </p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">
          Level of concern over time (the table behind the chart)
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Date
            </th>
            <th scope="col" className="govuk-table__header">
              Level of concern (judgement)
            </th>
            <th scope="col" className="govuk-table__header">
              Harm
            </th>
            <th scope="col" className="govuk-table__header">
              Rationale
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {points.map((p) => (
            <tr key={p.assessmentId} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {formatDay(p.date)}
                <span className="govuk-!-display-block govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0">
                  {p.by}
                </span>
              </th>
              <td className="govuk-table__cell">{p.levelLabel}</td>
              <td className="govuk-table__cell">{labelOf(reference.harmStatuses, p.harm)}</td>
              <td className="govuk-table__cell lantern-pre-wrap">{p.rationale}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
