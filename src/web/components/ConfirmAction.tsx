import { type FormEvent, type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from './ErrorSummary.tsx';
import { useFormErrors } from './form.ts';
import { usePageTitle } from './page.ts';

/** A page asking "Are you sure…?" before something hard to undo, GOV.UK style. */
export function ConfirmAction({
  title,
  caption,
  children,
  confirmText,
  warning = false,
  cancelTo,
  onConfirm,
}: {
  title: string;
  caption?: string;
  children: ReactNode;
  confirmText: string;
  warning?: boolean;
  cancelTo: string;
  onConfirm(): Promise<void>;
}) {
  const { errors, show, hasErrors } = useFormErrors();
  const [working, setWorking] = useState(false);
  usePageTitle(title, hasErrors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      await onConfirm();
    } catch (error) {
      show(error, { fields: {} });
      setWorking(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {caption && <span className="govuk-caption-l">{caption}</span>}
        <h1 className="govuk-heading-l">{title}</h1>
        {children}
        <form noValidate onSubmit={(event) => void submit(event)}>
          <div className="govuk-button-group">
            <button type="submit" className={warning ? 'govuk-button govuk-button--warning' : 'govuk-button'}>
              {confirmText}
            </button>
            <Link className="govuk-link" to={cancelTo}>
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
