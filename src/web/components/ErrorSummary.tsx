import { type MouseEvent, useEffect, useRef } from 'react';
import type { FormErrors } from './form.ts';

/** Moves focus to a field and brings its label (or its fieldset's legend) into view, as GOV.UK does. */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const input = document.getElementById(id);
  if (!input) return;
  event.preventDefault();
  const legend = input.closest('fieldset')?.querySelector('legend');
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  (legend ?? label ?? input).scrollIntoView();
  input.focus({ preventScroll: true });
}

/**
 * The GOV.UK error summary. It takes focus whenever a submission fails, so keyboard and screen reader
 * users learn at once what went wrong, and each error links to its field.
 */
export function ErrorSummary({ errors }: { errors: FormErrors }) {
  const ref = useRef<HTMLDivElement>(null);
  const { summary, version } = errors;
  const shown = summary.length > 0;

  useEffect(() => {
    if (shown && version > 0) ref.current?.focus();
  }, [shown, version]);

  if (!shown) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {summary.map((item) => (
              <li key={`${item.field ?? ''}:${item.text}`}>
                {item.field ? (
                  <a href={`#${item.field}`} onClick={(event) => focusField(event, item.field ?? '')}>
                    {item.text}
                  </a>
                ) : (
                  item.text
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
