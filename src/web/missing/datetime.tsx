/**
 * Dates and times as people in England and Wales read them: entered and shown in UK local time, sent to
 * the server as instants. The conversion is the domain's (`londonInstant`), which knows the clock
 * changes, so a time typed on a computer set to another time zone still means UK time.
 */
import type { ReactNode } from 'react';
import { formatDuration, londonInstant, londonParts } from '../../domain/missing/index.ts';
import { isValidLocalDate } from '../../domain/missing/london.ts';
import { ErrorMessage, Hint } from '../components/fields.tsx';
import { formatDateTime } from '../components/format.ts';

export interface DateTimeParts {
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

export const EMPTY_DATE_TIME: DateTimeParts = { day: '', month: '', year: '', hour: '', minute: '' };

const pad = (n: number) => String(n).padStart(2, '0');

/** The parts of an instant in UK local time, to fill a form. */
export function partsOf(iso: string | null | undefined): DateTimeParts {
  if (!iso) return EMPTY_DATE_TIME;
  const p = londonParts(new Date(iso));
  return {
    day: String(p.day),
    month: String(p.month),
    year: String(p.year),
    hour: pad(p.hour),
    minute: pad(p.minute),
  };
}

/** Now, in UK local time, to start a form with. */
export const nowParts = () => partsOf(new Date().toISOString());

export type Converted = { ok: true; iso: string | undefined } | { ok: false; message: string };

/**
 * The instant the parts name in UK local time; `undefined` when nothing was entered. What is checked
 * here is only that the parts make a real date and time: every rule about it is the server's.
 */
export function toInstant(parts: DateTimeParts, what: string): Converted {
  const values = Object.values(parts).map((v) => v.trim());
  if (values.every((v) => v === '')) return { ok: true, iso: undefined };
  if (values.some((v) => v === '' || !/^\d+$/.test(v))) {
    return { ok: false, message: `Enter ${what} as a day, month, year, hour and minute, using numbers` };
  }
  const [day, month, year, hour, minute] = values.map(Number) as [number, number, number, number, number];
  const date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  if (year < 1900 || !isValidLocalDate(date))
    return { ok: false, message: `${capital(what)} must be a real date` };
  if (hour > 23 || minute > 59) {
    return { ok: false, message: `${capital(what)} must be a real time on the 24-hour clock, like 22:15` };
  }
  return { ok: true, iso: londonInstant(date, { hour, minute }).toISOString() };
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "28 March 2026 at 10:15pm (UK time)". */
export function ukTime(iso: string | null | undefined): string {
  return iso ? `${formatDateTime(iso)}` : '';
}

export { formatDuration };

/**
 * The GOV.UK date input with the time beside it. The day field's id is the field's name, so an error
 * summary link lands on it.
 */
export function DateTimeInput({
  name,
  legend,
  hint,
  error,
  value,
  onChange,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: DateTimeParts;
  onChange(value: DateTimeParts): void;
}) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const part = (key: keyof DateTimeParts, label: string, width: string) => {
    const id = key === 'day' ? name : `${name}-${key}`;
    return (
      <div className="govuk-date-input__item">
        <div className="govuk-form-group">
          <label className="govuk-label govuk-date-input__label" htmlFor={id}>
            {label}
          </label>
          <input
            className={`govuk-input govuk-date-input__input ${width}${error ? ' govuk-input--error' : ''}`}
            id={id}
            name={id}
            type="text"
            inputMode="numeric"
            value={value[key]}
            onChange={(event) => onChange({ ...value, [key]: event.target.value })}
          />
        </div>
      </div>
    );
  };
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={`${hintId}${error ? ` ${errorId}` : ''}`}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <Hint id={hintId}>
          {hint ? <>{hint} </> : null}
          Use UK local time on the 24-hour clock, for example 28 3 2026, 22 15.
        </Hint>
        {error && <ErrorMessage id={errorId} message={error} />}
        <div className="govuk-date-input lantern-missing-datetime">
          {part('day', 'Day', 'govuk-input--width-2')}
          {part('month', 'Month', 'govuk-input--width-2')}
          {part('year', 'Year', 'govuk-input--width-4')}
          <span className="lantern-missing-datetime__gap" aria-hidden="true" />
          {part('hour', 'Hour', 'govuk-input--width-2')}
          {part('minute', 'Minute', 'govuk-input--width-2')}
        </div>
      </fieldset>
    </div>
  );
}
