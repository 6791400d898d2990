import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, type MfaSetup } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { type FlashState, InsetText, LoadFailure, Loading } from '../components/ui.tsx';
import { gatePath, useMe, useSession } from '../session.tsx';

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to read and type into an app. */
export function groupInFours(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

/** UTF-8 safe base64, for the QR code's data: URI. */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Set up an authenticator app. When the account must have 2-step verification this is the only page
 * the person can reach until it is done.
 */
export function MfaEnrol() {
  const me = useMe();
  const { established } = useSession();
  const navigate = useNavigate();
  const [setup, setSetup] = useState<MfaSetup | null>(null);
  const [setupError, setSetupError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [code, setCode] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  const requested = useRef(-1);

  usePageTitle('Set up 2-step verification', hasErrors);

  useEffect(() => {
    // Each request makes a new secret: ask once per attempt, even when effects run twice in development.
    if (requested.current === attempt) return;
    requested.current = attempt;
    setSetupError(null);
    api.mfaSetup().then(setSetup, setSetupError);
  }, [attempt]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    try {
      const result = await api.mfaConfirm(code);
      const next = result.me.csrfToken ? result.me : await api.me();
      established(next);
      const state: FlashState = {
        flash: {
          success: true,
          heading: '2-step verification is set up',
          body: 'When you sign in, you will be asked for a code from your authenticator app.',
        },
      };
      navigate(gatePath(next) ?? '/my-work', { state, replace: true });
    } catch (error) {
      show(error, { fields: { code: 'Security code' }, linkTo: 'code' });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Set up 2-step verification</h1>
        {me.mfa.enrolmentRequired ? (
          <InsetText>
            Your account must use 2-step verification. You need to set it up before you can use Lantern.
          </InsetText>
        ) : (
          <p className="govuk-body">
            2-step verification keeps your account safe even if someone learns your password: when you sign
            in, you also enter a code from an app on your phone.
          </p>
        )}

        <h2 className="govuk-heading-m">1. Get an authenticator app</h2>
        <p className="govuk-body">
          Install an authenticator app on your phone or tablet if you do not have one already, for example
          Microsoft Authenticator or Google Authenticator. Use the one your organisation recommends, if it has
          one.
        </p>

        <h2 className="govuk-heading-m">2. Add Lantern to the app</h2>
        {setupError !== null ? (
          <>
            <LoadFailure error={setupError} />
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => setAttempt((n) => n + 1)}
            >
              Try again
            </button>
          </>
        ) : setup === null ? (
          <Loading />
        ) : (
          <>
            <p className="govuk-body">In the app, choose to add an account, then scan this QR code.</p>
            <img
              className="lantern-qr"
              src={`data:image/svg+xml;base64,${base64(setup.qrSvg)}`}
              alt="QR code for your authenticator app"
              width="200"
              height="200"
            />
            <p className="govuk-body">If you cannot scan the QR code, enter this key in the app instead:</p>
            <p className="govuk-body">
              <code className="lantern-secret" id="mfa-secret">
                {groupInFours(setup.secret)}
              </code>
            </p>
          </>
        )}

        <h2 className="govuk-heading-m">3. Enter the code from the app</h2>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <TextInput
            name="code"
            label="Security code"
            labelClassName="govuk-label--s"
            hint="The app shows a 6-digit code for Lantern. It changes every 30 seconds."
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            widthClassName="govuk-input--width-10"
            className="govuk-input--extra-letter-spacing"
            value={code}
            onChange={setCode}
            error={errors.byField.code}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">
              Continue
            </button>
            {!me.mfa.enrolmentRequired && (
              <Link className="govuk-link" to="/account">
                Cancel
              </Link>
            )}
          </div>
        </form>
      </div>
    </div>
  );
}
