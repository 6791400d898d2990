import { type FormEvent, type RefObject, useState } from 'react';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextInput } from '../components/fields.tsx';
import type { FormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';

/** The second step of signing in: the 6-digit code from the person's authenticator app. */
export function MfaEntry({
  headingRef,
  errors,
  submitting,
  onSubmit,
  onStartAgain,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  errors: FormErrors;
  submitting: boolean;
  onSubmit(code: string): void;
  onStartAgain(): void;
}) {
  const [code, setCode] = useState('');
  usePageTitle('Enter the code from your authenticator app', errors.summary.length > 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!submitting) onSubmit(code);
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l" ref={headingRef} tabIndex={-1}>
          Enter the code from your authenticator app
        </h1>
        <p className="govuk-body">Your account uses 2-step verification.</p>
        <form noValidate onSubmit={submit}>
          <TextInput
            name="totp"
            label="Security code"
            hint="Open the authenticator app on your phone and enter the 6-digit code it shows for Lantern."
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            widthClassName="govuk-input--width-10"
            className="govuk-input--extra-letter-spacing"
            value={code}
            onChange={setCode}
            error={errors.byField.totp}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">
              Continue
            </button>
            <button type="button" className="lantern-link-button govuk-link" onClick={onStartAgain}>
              Sign in with a different account
            </button>
          </div>
        </form>
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">I cannot use my authenticator app</span>
          </summary>
          <div className="govuk-details__text">
            Ask your Lantern administrator to reset your 2-step verification. You can then set it up again on
            your new phone or app.
          </div>
        </details>
      </div>
    </div>
  );
}
