import './language.css';
import { useState } from 'react';
import { useApiData } from '../components/data.ts';
import { Select } from '../components/fields.tsx';
import { usePageTitle } from '../components/page.ts';
import { LoadFailure, Loading, Table } from '../components/ui.tsx';
import { languageApi, type Stats } from './api.ts';

/**
 * Learning, not blame: how often the assistant pointed out words, and how often a suggestion was used,
 * by team and week. The server never sends a person's name; these numbers are about words.
 */

const PERIODS = [
  { value: '4', label: 'The last 4 weeks' },
  { value: '12', label: 'The last 12 weeks' },
  { value: '26', label: 'The last 26 weeks' },
  { value: '52', label: 'The last 52 weeks' },
];

function weeksAgo(weeks: number): string {
  const day = new Date(Date.now() - (weeks - 1) * 7 * 86_400_000);
  return day.toISOString().slice(0, 10);
}

interface WeekTotal {
  week: string;
  flagged: number;
  accepted: number;
}

function totalsByWeek(stats: Stats): WeekTotal[] {
  const totals = new Map(stats.weeks.map((w) => [w.week, { week: w.week, flagged: 0, accepted: 0 }]));
  for (const row of stats.rows) {
    const total = totals.get(row.week);
    if (total) {
      total.flagged += row.flagged;
      total.accepted += row.accepted;
    }
  }
  return [...totals.values()];
}

/** Bars for each week: words pointed out, and suggestions used. The table below says the same in words. */
function WeeklyChart({ totals }: { totals: WeekTotal[] }) {
  const width = 640;
  const height = 240;
  const left = 40;
  const bottom = 40;
  const top = 10;
  const max = Math.max(1, ...totals.map((t) => Math.max(t.flagged, t.accepted)));
  const slot = (width - left - 10) / Math.max(1, totals.length);
  const bar = Math.max(2, Math.min(24, slot / 2 - 2));
  const scale = (n: number) => ((height - top - bottom) * n) / max;
  const labelEvery = Math.ceil(totals.length / 13);
  const first = totals[0]?.week ?? '';
  const last = totals.at(-1)?.week ?? '';
  const flagged = totals.reduce((sum, t) => sum + t.flagged, 0);
  const accepted = totals.reduce((sum, t) => sum + t.accepted, 0);
  return (
    <>
      <ul className="lantern-chart__key govuk-body-s" aria-hidden="true">
        <li>
          <span className="lantern-chart__swatch" />
          Words pointed out
        </li>
        <li>
          <span className="lantern-chart__swatch lantern-chart__swatch--accepted" />
          Suggestions used
        </li>
      </ul>
      <svg
        className="lantern-chart"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="language-chart-title language-chart-desc"
      >
        <title id="language-chart-title">Words pointed out and suggestions used, by week</title>
        <desc id="language-chart-desc">
          {`From ${first} to ${last}: ${flagged} words pointed out and ${accepted} suggestions used in all. The table below gives each week’s numbers.`}
        </desc>
        <line
          className="lantern-chart__axis"
          x1={left}
          y1={height - bottom}
          x2={width - 5}
          y2={height - bottom}
        />
        <line className="lantern-chart__axis" x1={left} y1={top} x2={left} y2={height - bottom} />
        <text className="lantern-chart__label" x={left - 6} y={top + 10} textAnchor="end">
          {max}
        </text>
        <text className="lantern-chart__label" x={left - 6} y={height - bottom} textAnchor="end">
          0
        </text>
        {totals.map((t, i) => {
          const x = left + i * slot + slot / 2;
          return (
            <g key={t.week}>
              <rect
                className="lantern-chart__bar"
                x={x - bar - 1}
                y={height - bottom - scale(t.flagged)}
                width={bar}
                height={scale(t.flagged)}
              />
              <rect
                className="lantern-chart__bar lantern-chart__bar--accepted"
                x={x + 1}
                y={height - bottom - scale(t.accepted)}
                width={bar}
                height={scale(t.accepted)}
              />
              {i % labelEvery === 0 && (
                <text className="lantern-chart__label" x={x} y={height - bottom + 16} textAnchor="middle">
                  {t.week.slice(5)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </>
  );
}

export function LanguageStats() {
  const [period, setPeriod] = useState('12');
  const stats = useApiData(() => languageApi.stats({ from: weeksAgo(Number(period)) }), [period]);
  usePageTitle('Language statistics');
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Language statistics</h1>
          <p className="govuk-body">
            How often the language assistant pointed out words, and how often someone used one of its
            suggestions, by team and week. Use them to plan training and guidance. They are about words, never
            about a named person: Lantern does not record who wrote what was checked, or the text itself.
          </p>
          <p className="govuk-body">
            People who are not in a team are counted under their agency. Weeks are ISO weeks, starting on
            Monday.
          </p>
          <Select
            name="period"
            label="Period"
            labelClassName="govuk-label--s"
            options={PERIODS}
            value={period}
            onChange={setPeriod}
          />
        </div>
      </div>
      {stats.state === 'loading' && <Loading />}
      {stats.state === 'failed' && <LoadFailure error={stats.error} />}
      {stats.state === 'loaded' && <StatsTables stats={stats.data} />}
    </>
  );
}

function StatsTables({ stats }: { stats: Stats }) {
  const totals = totalsByWeek(stats);
  return (
    <>
      <h2 className="govuk-heading-m">By week</h2>
      <WeeklyChart totals={totals} />
      <Table
        caption="Totals by week"
        captionClassName="govuk-table__caption--s"
        columns={[
          { heading: 'Week' },
          { heading: 'Words pointed out', numeric: true },
          { heading: 'Suggestions used', numeric: true },
        ]}
        rows={totals.map((t) => ({ key: t.week, cells: [t.week, t.flagged, t.accepted] }))}
      />
      <h2 className="govuk-heading-m">By team, week and rule</h2>
      {stats.rows.length === 0 ? (
        <p className="govuk-body">Nothing was pointed out in this period.</p>
      ) : (
        <Table
          caption="Words pointed out and suggestions used, by team, week and rule"
          captionClassName="govuk-visually-hidden"
          columns={[
            { heading: 'Team' },
            { heading: 'Week' },
            { heading: 'Rule' },
            { heading: 'Words pointed out', numeric: true },
            { heading: 'Suggestions used', numeric: true },
          ]}
          rows={stats.rows.map((row) => ({
            key: `${row.agency.id}/${row.team?.id ?? '-'}/${row.weekStart}/${row.ruleId}`,
            cells: [
              row.team ? `${row.team.name}, ${row.agency.name}` : `${row.agency.name} (no team)`,
              row.week,
              <span key="rule" className="lantern-break-words">
                {row.ruleId}
              </span>,
              row.flagged,
              row.accepted,
            ],
          }))}
        />
      )}
    </>
  );
}
