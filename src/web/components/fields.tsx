import { type ReactNode, useId, useState } from 'react';

/** `aria-describedby` for a field: its hint, then its error. */
function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

function classes(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

export function ErrorMessage({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="govuk-hint">
      {children}
    </div>
  );
}

interface FieldProps {
  /** Also the field's id, and the `path` the server uses for its errors. */
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Makes the label the page's `<h1>` (one question per page). */
  isPageHeading?: boolean;
  labelClassName?: string;
}

function Label({ name, label, isPageHeading, labelClassName }: FieldProps) {
  const label_ = (
    <label className={classes('govuk-label', labelClassName)} htmlFor={name}>
      {label}
    </label>
  );
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label_}</h1> : label_;
}

export interface TextInputProps extends FieldProps {
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email';
  spellCheck?: boolean;
  /** A GOV.UK width class, for example `govuk-input--width-10` or `govuk-!-width-two-thirds`. */
  widthClassName?: string;
  className?: string;
}

export function TextInput(props: TextInputProps) {
  const { name, hint, error, value, onChange, type = 'text', autoComplete, inputMode, spellCheck } = props;
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  return (
    <div className={classes('govuk-form-group', error && 'govuk-form-group--error')}>
      <Label {...props} />
      {hint && <Hint id={hintId}>{hint}</Hint>}
      {error && <ErrorMessage id={errorId} message={error} />}
      <input
        className={classes(
          'govuk-input',
          props.widthClassName,
          props.className,
          error && 'govuk-input--error',
        )}
        id={name}
        name={name}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={spellCheck}
        aria-describedby={describedBy(hint ? hintId : undefined, error ? errorId : undefined)}
      />
    </div>
  );
}

/** GOV.UK password input, with a button to show the password while typing it. */
export function PasswordInput(props: Omit<TextInputProps, 'type' | 'inputMode' | 'spellCheck'>) {
  const { name, hint, error, value, onChange, autoComplete } = props;
  const [visible, setVisible] = useState(false);
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  return (
    <div className={classes('govuk-form-group govuk-password-input', error && 'govuk-form-group--error')}>
      <Label {...props} />
      {hint && <Hint id={hintId}>{hint}</Hint>}
      {error && <ErrorMessage id={errorId} message={error} />}
      <div className="govuk-input__wrapper govuk-password-input__wrapper">
        <input
          className={classes('govuk-input govuk-password-input__input', error && 'govuk-input--error')}
          id={name}
          name={name}
          type={visible ? 'text' : 'password'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete={autoComplete}
          autoCapitalize="none"
          spellCheck={false}
          aria-describedby={describedBy(hint ? hintId : undefined, error ? errorId : undefined)}
        />
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-password-input__toggle"
          aria-controls={name}
          aria-label={visible ? 'Hide password' : 'Show password'}
          onClick={() => setVisible((shown) => !shown)}
        >
          {visible ? 'Hide' : 'Show'}
        </button>
      </div>
      <div className="govuk-visually-hidden" aria-live="polite">
        {visible ? 'Your password is visible' : ''}
      </div>
    </div>
  );
}

export interface ChoiceOption {
  value: string;
  label: string;
  hint?: string;
}

interface ChoicesProps {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: ChoiceOption[];
  isPageHeading?: boolean;
  legendClassName?: string;
  small?: boolean;
}

function Fieldset({
  name,
  legend,
  hint,
  error,
  isPageHeading,
  legendClassName,
  children,
}: ChoicesProps & { children: ReactNode }) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  return (
    <div className={classes('govuk-form-group', error && 'govuk-form-group--error')}>
      <fieldset
        className="govuk-fieldset"
        aria-describedby={describedBy(hint ? hintId : undefined, error ? errorId : undefined)}
      >
        <legend className={classes('govuk-fieldset__legend', legendClassName ?? 'govuk-fieldset__legend--s')}>
          {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        {hint && <Hint id={hintId}>{hint}</Hint>}
        {error && <ErrorMessage id={errorId} message={error} />}
        {children}
      </fieldset>
    </div>
  );
}

/** The first option's id is the field's name, so error summary links land on it (GOV.UK convention). */
const optionId = (name: string, index: number) => (index === 0 ? name : `${name}-${index + 1}`);

export function Checkboxes(props: ChoicesProps & { values: string[]; onChange(values: string[]): void }) {
  const { name, options, values, onChange, small } = props;
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...values, value] : values.filter((v) => v !== value));
  return (
    <Fieldset {...props}>
      <div className={classes('govuk-checkboxes', small && 'govuk-checkboxes--small')}>
        {options.map((option, index) => {
          const id = optionId(name, index);
          return (
            <div className="govuk-checkboxes__item" key={option.value}>
              <input
                className="govuk-checkboxes__input"
                id={id}
                name={name}
                type="checkbox"
                value={option.value}
                checked={values.includes(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
                aria-describedby={option.hint ? `${id}-item-hint` : undefined}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                {option.label}
              </label>
              {option.hint && (
                <div id={`${id}-item-hint`} className="govuk-hint govuk-checkboxes__hint">
                  {option.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

export function Radios(props: ChoicesProps & { value: string; onChange(value: string): void }) {
  const { name, options, value, onChange, small } = props;
  return (
    <Fieldset {...props}>
      <div className={classes('govuk-radios', small && 'govuk-radios--small')}>
        {options.map((option, index) => {
          const id = optionId(name, index);
          return (
            <div className="govuk-radios__item" key={option.value}>
              <input
                className="govuk-radios__input"
                id={id}
                name={name}
                type="radio"
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-describedby={option.hint ? `${id}-item-hint` : undefined}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={id}>
                {option.label}
              </label>
              {option.hint && (
                <div id={`${id}-item-hint`} className="govuk-hint govuk-radios__hint">
                  {option.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

export interface SelectProps extends FieldProps {
  value: string;
  onChange(value: string): void;
  options: ChoiceOption[];
  /** Text for the empty first option, if there is one. */
  placeholder?: string;
}

export function Select(props: SelectProps) {
  const { name, hint, error, value, onChange, options, placeholder } = props;
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  return (
    <div className={classes('govuk-form-group', error && 'govuk-form-group--error')}>
      <Label {...props} />
      {hint && <Hint id={hintId}>{hint}</Hint>}
      {error && <ErrorMessage id={errorId} message={error} />}
      <select
        className={classes('govuk-select', error && 'govuk-select--error')}
        id={name}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(hint ? hintId : undefined, error ? errorId : undefined)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A stable id for ad-hoc ARIA relationships. */
export function useDomId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}
