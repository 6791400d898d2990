/**
 * Helpers for the meeting forms: the server's refusals shown against this form's fields, and dates and
 * times in UK time (what people type) turned into instants (what the server keeps).
 */
import { ApiError } from '../api.ts';

/**
 * The server's field paths as this form's field names, and its messages without the leading field path
 * (`childId is required: …` becomes `is required: …`, which the form puts after the field's label).
 */
export function onForm(error: unknown, field: (path: string) => string): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = error.fields.map((f) => ({
    path: field(f.path),
    message: f.message.replace(/^[A-Za-z]+(\[\d+\])?(\.[A-Za-z]+)*(\s\([^)]*\))? (?=(is|must|was|are) )/, ''),
  }));
  return new ApiError(error.status, error.code, error.message, fields);
}

/** A refusal made in the browser, before anything is sent, in the same shape as the server's. */
export function refusal(fields: { path: string; message: string }[]): ApiError {
  return new ApiError(400, 'validation_failed', fields.map((f) => f.message).join('; '), fields);
}

const LONDON = 'Europe/London';

function partsOf(instant: Date): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: LONDON,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const out: Record<string, number> = {};
  for (const p of parts) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** A date (2026-12-03) and a time (14:30) in UK time as an ISO instant, or null when either is not valid. */
export function londonInstant(date: string, time: string): string | null {
  const d = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(date);
  const t = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, da, h, mi] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59) return null;
  const wanted = Date.UTC(y, mo - 1, da, h, mi);
  // The UK is at UTC or one hour ahead: try both and keep the one that reads back as what was typed.
  for (const offsetHours of [0, 1]) {
    const candidate = new Date(wanted - offsetHours * 3_600_000);
    const p = partsOf(candidate);
    if (p.year === y && p.month === mo && p.day === da && p.hour === h && p.minute === mi) {
      return candidate.toISOString();
    }
  }
  return null;
}

/** An instant as the date and time someone in the UK would type. */
export function londonFields(iso: string): { date: string; time: string } {
  const p = partsOf(new Date(iso));
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return { date: `${p.year}-${two(p.month)}-${two(p.day)}`, time: `${two(p.hour)}:${two(p.minute)}` };
}
