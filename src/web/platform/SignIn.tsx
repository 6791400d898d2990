import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, api, type Me } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { PasswordInput, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { type Banner, NotificationBanner } from '../components/ui.tsx';
import { gatePath, type SignedOutReason, type SignInState, useSession } from '../session.tsx';
import { MfaEntry } from './MfaEntry.tsx';

const NOTICES: Record<SignedOutReason, Banner> = {
  unauthenticated: { heading: 'You have been signed out', body: 'Sign in again to continue.' },
  inactive: {
    heading: 'You have been signed out',
    body: 'For your security, we sign you out when Lantern has not been used for a while. Sign in again to continue.',
  },
  ended: {
    heading: 'You have been signed out',
    body: 'For your security, you need to sign in again after a set time, even while you are using Lantern.',
  },
};

/** Only paths inside Lantern are followed after signing in. */
function safeReturnPath(from: string | undefined): string {
  if (!from?.startsWith('/') || from.startsWith('//')) return '/my-work';
  if (from.startsWith('/sign-in') || from.startsWith('/signed-out')) return '/my-work';
  return from;
}

/**
 * Sign in with email address and password; if the account has 2-step verification, ask for the code
 * and send all three together (the server keeps no half-signed-in state).
 */
export function SignIn() {
  const { status, me, established } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const state = (location.state as SignInState | null) ?? {};
  const [step, setStep] = useState<'credentials' | 'code'>('credentials');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const { errors, show, clear, hasErrors } = useFormErrors();
  const heading = useRef<HTMLHeadingElement>(null);
  const stepChanged = useRef(false);

  usePageTitle('Sign in', hasErrors);

  useEffect(() => {
    // Moving between the two steps happens on one address, so move focus to the new heading here.
    void step;
    if (!stepChanged.current) return;
    heading.current?.focus();
  }, [step]);

  if (status === 'loading') return null;
  if (status === 'signed-in' && me && !submitting) {
    return <Navigate to={gatePath(me) ?? '/my-work'} replace />;
  }

  const finish = async (signedIn: Me) => {
    // The sign-in response may not carry a CSRF token; the session's own description always does.
    const current = signedIn.csrfToken ? signedIn : await api.me();
    established(current);
    navigate(gatePath(current) ?? safeReturnPath(state.from), { replace: true });
  };

  const submitCredentials = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    try {
      const result = await api.signIn({ email, password });
      await finish(result.me);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'mfa_required') {
        clear();
        stepChanged.current = true;
        setStep('code');
      } else {
        show(error, {
          fields: { email: 'Email address', password: 'Password' },
          linkTo: error instanceof ApiError && error.code === 'invalid_credentials' ? 'password' : undefined,
        });
      }
    } finally {
      setSubmitting(false);
    }
  };

  const submitCode = async (totp: string) => {
    if (submitting) return;
    setSubmitting(true);
    try {
      const result = await api.signIn({ email, password, totp });
      await finish(result.me);
    } catch (error) {
      show(error, {
        fields: { totp: 'Security code' },
        linkTo: error instanceof ApiError && error.code === 'mfa_invalid' ? 'totp' : undefined,
      });
    } finally {
      setSubmitting(false);
    }
  };

  const startAgain = () => {
    clear();
    setPassword('');
    stepChanged.current = true;
    setStep('credentials');
  };

  const notice = state.reason ? NOTICES[state.reason] : null;

  if (step === 'code') {
    return (
      <MfaEntry
        headingRef={heading}
        errors={errors}
        submitting={submitting}
        onSubmit={(code) => void submitCode(code)}
        onStartAgain={startAgain}
      />
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {notice && !hasErrors && <NotificationBanner banner={notice} />}
        <h1 className="govuk-heading-l" ref={heading} tabIndex={-1}>
          Sign in to Lantern
        </h1>
        <form noValidate onSubmit={(event) => void submitCredentials(event)}>
          <TextInput
            name="email"
            label="Email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={errors.byField.email}
          />
          <PasswordInput
            name="password"
            label="Password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={errors.byField.password}
          />
          <button type="submit" className="govuk-button">
            Sign in
          </button>
        </form>
        <h2 className="govuk-heading-s">If you cannot sign in</h2>
        <p className="govuk-body">
          Ask your Lantern administrator. They can set up your account, give you a new temporary password or
          reset your 2-step verification.
        </p>
      </div>
    </div>
  );
}
