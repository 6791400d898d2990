import type { FreeTextProps } from '../children/fields.tsx';
import { ErrorMessage, Hint } from '../components/fields.tsx';
import { LanguageAssistant, languageDescriptionId } from './LanguageAssistant.tsx';

export interface TextAreaWithAssistantProps extends FreeTextProps {
  /** The child's age from the record, when known: lets an age gap be seen. */
  childAge?: number | undefined;
  /** Which field this is (`note.body`); sent with each check, not stored. */
  field?: string | undefined;
}

function classes(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

function TextAreaField({ assistant, ...props }: TextAreaWithAssistantProps & { assistant: boolean }) {
  const {
    name,
    label,
    hint,
    error,
    value,
    onChange,
    rows = 5,
    labelClassName = 'govuk-label--s',
    isPageHeading,
  } = props;
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const labelElement = (
    <label className={classes('govuk-label', labelClassName)} htmlFor={name}>
      {label}
    </label>
  );
  const describedBy = [hint && hintId, error && errorId, assistant && languageDescriptionId(name)]
    .filter(Boolean)
    .join(' ');
  const textarea = (
    <textarea
      className={classes(
        'govuk-textarea',
        assistant && 'lantern-language__textarea',
        error && 'govuk-textarea--error',
      )}
      id={name}
      name={name}
      rows={rows}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      aria-describedby={describedBy || undefined}
    />
  );
  return (
    <div className={classes('govuk-form-group', error && 'govuk-form-group--error')}>
      {isPageHeading ? <h1 className="govuk-label-wrapper">{labelElement}</h1> : labelElement}
      {hint && <Hint id={hintId}>{hint}</Hint>}
      {error && <ErrorMessage id={errorId} message={error} />}
      {assistant ? (
        <LanguageAssistant
          id={name}
          value={value}
          onChange={onChange}
          childAge={props.childAge}
          field={props.field}
        >
          {textarea}
        </LanguageAssistant>
      ) : (
        textarea
      )}
    </div>
  );
}

/**
 * A GOV.UK textarea with the language assistant beneath it. Takes the same props as `FreeText`, so any
 * free-text field adopts the assistant by changing the component's name.
 */
export function TextAreaWithAssistant(props: TextAreaWithAssistantProps) {
  return <TextAreaField {...props} assistant />;
}

/**
 * The same textarea without the assistant, for text that is not prose about a child: a rule's
 * patterns and example sentences, which are meant to contain the words the assistant points out.
 */
export function PlainTextArea(props: FreeTextProps) {
  return <TextAreaField {...props} assistant={false} />;
}
