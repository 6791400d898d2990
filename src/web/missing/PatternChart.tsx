/**
 * A child's pattern of missing episodes as a timeline: each episode a bar at the day it was reported,
 * as tall as the time the child was missing. Drawn as SVG without a chart library; the text alternative
 * is the `<title>`/`<desc>` and the table of the same figures beneath it. Colours and sizes are in
 * missing.css (no inline styles).
 */
import { londonParts } from '../../domain/missing/index.ts';
import { formatDateTime } from '../components/format.ts';
import type { ChildMissing } from './api.ts';
import { formatDuration } from './datetime.tsx';
import './missing.css';

type Pattern = ChildMissing['pattern'];

const WIDTH = 720;
const HEIGHT = 260;
const M = { left: 56, right: 20, top: 28, bottom: 44 };
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A round top for the hours axis: 6, 12, 24, 48… */
function niceHours(max: number): number {
  for (const step of [6, 12, 24, 48, 72, 96, 168, 336, 672]) if (max <= step) return step;
  return Math.ceil(max / 168) * 168;
}

/** The start of each month between two instants, for the axis (to the day: an hour is invisible here). */
function monthStarts(from: number, to: number): { at: number; label: string }[] {
  const out: { at: number; label: string }[] = [];
  const start = londonParts(new Date(from));
  let year = start.year;
  let month = start.month;
  for (let i = 0; i < 60; i++) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    const at = Date.UTC(year, month - 1, 1);
    if (at > to) break;
    out.push({ at, label: `${MONTHS[month - 1]} ${year}` });
  }
  return out;
}

/** Month starts when the span covers two or more of them; otherwise a few evenly spaced days. */
function timeTicks(from: number, to: number): { at: number; label: string }[] {
  const months = monthStarts(from, to);
  if (months.length >= 2) return months;
  return [0.1, 0.5, 0.9].map((f) => {
    const at = from + (to - from) * f;
    const p = londonParts(new Date(at));
    return { at, label: `${p.day} ${MONTHS[p.month - 1]} ${p.year}` };
  });
}

export function describePattern(pattern: Pattern): string {
  const first = pattern.timeline[0];
  const last = pattern.timeline[pattern.timeline.length - 1];
  if (!first || !last) return 'No missing episodes are recorded.';
  const parts = [
    `${pattern.count} episode${pattern.count === 1 ? '' : 's'} reported between ${formatDateTime(first.reportedAt)} and ${formatDateTime(last.reportedAt)}.`,
  ];
  if (pattern.stillMissingCount > 0) parts.push(`${pattern.stillMissingCount} not yet found or returned.`);
  if (pattern.longest) parts.push(`Longest: ${formatDuration(pattern.longest.durationMs)}.`);
  if (pattern.medianDurationMs !== null) parts.push(`Median: ${formatDuration(pattern.medianDurationMs)}.`);
  const where = pattern.whereFound[0];
  if (where) parts.push(`Found most often at: ${where.label} (${where.count}).`);
  return parts.join(' ');
}

export function PatternChart({ pattern, now }: { pattern: Pattern; now: number }) {
  const points = pattern.timeline;
  if (points.length === 0) return null;
  const times = points.flatMap((p) => [
    Date.parse(p.reportedAt),
    p.returnedAt ? Date.parse(p.returnedAt) : now,
  ]);
  const span = Math.max(...times) - Math.min(...times);
  const pad = Math.max(2 * DAY, span * 0.05);
  const from = Math.min(...times) - pad;
  const to = Math.max(...times) + pad;
  const maxHours = niceHours(
    Math.max(1, ...points.map((p) => (p.durationMs ?? now - Date.parse(p.reportedAt)) / HOUR)),
  );
  const plotW = WIDTH - M.left - M.right;
  const plotH = HEIGHT - M.top - M.bottom;
  const x = (t: number) => M.left + ((t - from) / (to - from)) * plotW;
  const y = (hours: number) => M.top + plotH - (Math.min(hours, maxHours) / maxHours) * plotH;
  const yTicks = [0, maxHours / 2, maxHours];
  const description = describePattern(pattern);

  return (
    <figure className="lantern-missing-chart">
      <svg
        className="lantern-missing-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="missing-chart-title missing-chart-desc"
      >
        <title id="missing-chart-title">Missing episodes over time, with how long each lasted</title>
        <desc id="missing-chart-desc">{description} The table below gives every episode.</desc>
        {yTicks.map((h) => (
          <g key={h}>
            <line
              className="lantern-missing-chart__grid"
              x1={M.left}
              x2={WIDTH - M.right}
              y1={y(h)}
              y2={y(h)}
            />
            <text className="lantern-missing-chart__tick" x={M.left - 8} y={y(h) + 4} textAnchor="end">
              {h === 0 ? '0' : `${h}h`}
            </text>
          </g>
        ))}
        <text
          className="lantern-missing-chart__axis-label"
          x={14}
          y={M.top + plotH / 2}
          transform={`rotate(-90 14 ${M.top + plotH / 2})`}
          textAnchor="middle"
        >
          Hours missing
        </text>
        <line className="lantern-missing-chart__axis" x1={M.left} x2={WIDTH - M.right} y1={y(0)} y2={y(0)} />
        {timeTicks(from, to).map((m) => (
          <g key={m.at}>
            <line className="lantern-missing-chart__axis" x1={x(m.at)} x2={x(m.at)} y1={y(0)} y2={y(0) + 6} />
            <text className="lantern-missing-chart__tick" x={x(m.at)} y={y(0) + 20} textAnchor="middle">
              {m.label}
            </text>
          </g>
        ))}
        {points.map((p, index) => {
          const cx = x(Date.parse(p.reportedAt));
          const open = p.durationMs === null;
          const hours = (p.durationMs ?? now - Date.parse(p.reportedAt)) / HOUR;
          const top = y(Math.max(hours, maxHours / 60));
          return (
            <g key={p.episodeId}>
              <title>
                {`Episode ${index + 1}: reported ${formatDateTime(p.reportedAt)}; ` +
                  (open
                    ? 'not yet found or returned'
                    : `missing for ${formatDuration(p.durationMs ?? 0)}; found at ${p.whereFound ?? 'place not recorded'}`)}
              </title>
              <rect
                className={`lantern-missing-chart__bar${open ? ' lantern-missing-chart__bar--open' : ''}`}
                x={cx - 6}
                y={top}
                width={12}
                height={y(0) - top}
              />
              <text className="lantern-missing-chart__label" x={cx} y={top - 6} textAnchor="middle">
                {index + 1}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="govuk-body-s">
        Each bar is one episode, numbered as in the table, placed on the day the child was reported missing.
        Its height is how long they were missing. A dashed bar means the child has not been found or returned
        yet.
      </figcaption>
    </figure>
  );
}
