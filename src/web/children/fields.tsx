import './children.css';
import { Fragment, type ReactNode } from 'react';
import { ErrorMessage, Hint } from '../components/fields.tsx';
import type { FormErrors } from '../components/form.ts';
import { TextAreaWithAssistant } from '../language/TextAreaWithAssistant.tsx';

function classes(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

export interface FreeTextProps {
  /** Also the field's id, and the `path` the server uses for its errors. */
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange(value: string): void;
  rows?: number;
  labelClassName?: string;
  isPageHeading?: boolean;
}

/**
 * What a practitioner writes in their own words (the narrative, reasons, notes): a GOV.UK textarea with
 * the language assistant beneath it, which points out victim-blaming wording as it is written and
 * offers alternatives. Help, never a gate. Every free-text field of referrals and the case record goes
 * through this one component.
 */
export function FreeText(
  props: FreeTextProps & {
    /** The child's age, when known: lets the assistant see an age gap. */
    childAge?: number | null | undefined;
    /** Which field this is (`note.body`), sent with each check. */
    field?: string | undefined;
  },
) {
  const { childAge, ...rest } = props;
  return <TextAreaWithAssistant {...rest} childAge={childAge ?? undefined} />;
}

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

export function datePartsOf(iso: string | null | undefined): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!match) return EMPTY_DATE;
  return { year: match[1] ?? '', month: String(Number(match[2])), day: String(Number(match[3])) };
}

/**
 * The date as the API takes it (YYYY-MM-DD), or undefined when nothing was entered. Whether it is a real
 * date, or in the future, is for the server to say: what the person typed is sent as it is.
 */
export function isoDate(parts: DateParts): string | undefined {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return undefined;
  const two = (text: string) => (/^\d$/.test(text) ? `0${text}` : text);
  return `${year}-${two(month)}-${two(day)}`;
}

/**
 * A date and, optionally, a time, as the API's date-time. Without a time, the day is recorded the way the
 * server records a date-only event (midnight UTC) and shown as a date alone. With a time, it is the time
 * on this computer's clock.
 */
export function isoDateTime(parts: DateParts, time: string): string | undefined {
  const date = isoDate(parts);
  if (date === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{1,2})[:.](\d{2})\s*(am|pm)?$/i.exec(time.trim());
  if (!match) return date;
  if (!time.trim()) return `${date}T00:00:00.000Z`;
  if (!clock) return `${date}T${time.trim()}`;
  let hours = Number(clock[1]);
  const minutes = Number(clock[2]);
  const half = clock[3]?.toLowerCase();
  if (half === 'pm' && hours < 12) hours += 12;
  if (half === 'am' && hours === 12) hours = 0;
  const when = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), hours, minutes);
  return Number.isNaN(when.getTime()) ? `${date}T${time.trim()}` : when.toISOString();
}

/** The GOV.UK date input. The day field's id is the field's name, so an error summary link lands on it. */
export function DateInput({
  name,
  legend,
  hint,
  error,
  value,
  onChange,
  legendClassName = 'govuk-fieldset__legend--s',
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: DateParts;
  onChange(value: DateParts): void;
  legendClassName?: string;
}) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const part = (key: keyof DateParts, label: string, width: string) => {
    const id = key === 'day' ? name : `${name}-${key}`;
    return (
      <div className="govuk-date-input__item">
        <div className="govuk-form-group">
          <label className="govuk-label govuk-date-input__label" htmlFor={id}>
            {label}
          </label>
          <input
            className={classes('govuk-input govuk-date-input__input', width, error && 'govuk-input--error')}
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
    <div className={classes('govuk-form-group', error && 'govuk-form-group--error')}>
      <fieldset
        className="govuk-fieldset"
        aria-describedby={describedBy(hint ? hintId : undefined, error ? errorId : undefined)}
      >
        <legend className={classes('govuk-fieldset__legend', legendClassName)}>{legend}</legend>
        {hint && <Hint id={hintId}>{hint}</Hint>}
        {error && <ErrorMessage id={errorId} message={error} />}
        <div className="govuk-date-input">
          {part('day', 'Day', 'govuk-input--width-2')}
          {part('month', 'Month', 'govuk-input--width-2')}
          {part('year', 'Year', 'govuk-input--width-4')}
        </div>
      </fieldset>
    </div>
  );
}

/** A date, then an optional time of day: what most events in a child's record need. */
export function DateTimeInput({
  name,
  legend,
  hint,
  error,
  date,
  time,
  onDateChange,
  onTimeChange,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  date: DateParts;
  time: string;
  onDateChange(value: DateParts): void;
  onTimeChange(value: string): void;
}) {
  const timeId = `${name}-time`;
  return (
    <>
      <DateInput name={name} legend={legend} hint={hint} error={error} value={date} onChange={onDateChange} />
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={timeId}>
          Time (optional)
        </label>
        <div className="govuk-hint" id={`${timeId}-hint`}>
          For example, 14:30 or 2:30pm. Leave it blank if you do not know the time.
        </div>
        <input
          className="govuk-input govuk-input--width-5"
          id={timeId}
          name={timeId}
          type="text"
          value={time}
          onChange={(event) => onTimeChange(event.target.value)}
          aria-describedby={`${timeId}-hint`}
        />
      </div>
    </>
  );
}

/** GOV.UK details: extra information a person can open, such as an indicator's evidence note. */
export function Details({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}

export interface RichOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the option while it is chosen (GOV.UK conditional reveal). */
  conditional?: ReactNode;
  /** Show "or" before this option. */
  dividerBefore?: boolean;
  /** Always shown under the option, outside its label and hint (for example an evidence note). */
  after?: ReactNode;
}

/**
 * GOV.UK radios or checkboxes whose options can reveal more questions when chosen. The first option's id
 * is the field's name, so an error summary link lands on it.
 */
export function Choices({
  type,
  name,
  legend,
  hint,
  error,
  options,
  values,
  onChange,
  legendClassName = 'govuk-fieldset__legend--s',
  isPageHeading,
  small,
  inline,
}: {
  type: 'radio' | 'checkbox';
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: RichOption[];
  values: string[];
  onChange(values: string[]): void;
  legendClassName?: string;
  isPageHeading?: boolean;
  small?: boolean;
  inline?: boolean;
}) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const block = type === 'radio' ? 'govuk-radios' : 'govuk-checkboxes';
  const choose = (value: string, checked: boolean) => {
    if (type === 'radio') onChange([value]);
    else onChange(checked ? [...values, value] : values.filter((v) => v !== value));
  };
  return (
    <div className={classes('govuk-form-group', error && 'govuk-form-group--error')}>
      <fieldset
        className="govuk-fieldset"
        aria-describedby={describedBy(hint ? hintId : undefined, error ? errorId : undefined)}
      >
        <legend className={classes('govuk-fieldset__legend', legendClassName)}>
          {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        {hint && <Hint id={hintId}>{hint}</Hint>}
        {error && <ErrorMessage id={errorId} message={error} />}
        <div
          className={classes(block, small && `${block}--small`, inline && `${block}--inline`)}
          data-module={block}
        >
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${index + 1}`;
            const checked = values.includes(option.value);
            const conditionalId = `${id}-conditional`;
            return (
              <Fragment key={option.value}>
                {option.dividerBefore && <div className={`${block}__divider`}>or</div>}
                <div className={`${block}__item`}>
                  <input
                    className={`${block}__input`}
                    id={id}
                    name={name}
                    type={type}
                    value={option.value}
                    checked={checked}
                    onChange={(event) => choose(option.value, event.target.checked)}
                    aria-describedby={option.hint ? `${id}-item-hint` : undefined}
                    aria-controls={option.conditional && checked ? conditionalId : undefined}
                  />
                  <label className={`govuk-label ${block}__label`} htmlFor={id}>
                    {option.label}
                  </label>
                  {option.hint && (
                    <div id={`${id}-item-hint`} className={`govuk-hint ${block}__hint`}>
                      {option.hint}
                    </div>
                  )}
                </div>
                {option.after}
                {option.conditional && checked && (
                  <div className={`${block}__conditional`} id={conditionalId}>
                    {option.conditional}
                  </div>
                )}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** Yes / No as radios, for a question whose answer the API takes as true or false. */
export function YesNo({
  name,
  legend,
  hint,
  error,
  value,
  onChange,
  legendClassName,
  isPageHeading,
  yesConditional,
  noConditional,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: boolean | undefined;
  onChange(value: boolean): void;
  legendClassName?: string;
  isPageHeading?: boolean;
  yesConditional?: ReactNode;
  noConditional?: ReactNode;
}) {
  return (
    <Choices
      type="radio"
      name={name}
      legend={legend}
      hint={hint}
      error={error}
      options={[
        { value: 'yes', label: 'Yes', conditional: yesConditional },
        { value: 'no', label: 'No', conditional: noConditional },
      ]}
      values={value === undefined ? [] : [value ? 'yes' : 'no']}
      onChange={(values) => onChange(values[0] === 'yes')}
      {...(legendClassName ? { legendClassName } : {})}
      {...(isPageHeading ? { isPageHeading } : {})}
      inline={!yesConditional && !noConditional}
    />
  );
}

/**
 * An answer a page needs before it can go on, because what it shows next depends on it (the server checks
 * everything else).
 */
export function oneError(field: string, text: string, version: number): FormErrors {
  return { summary: [{ text, field }], byField: { [field]: text }, version: version + 1 };
}
