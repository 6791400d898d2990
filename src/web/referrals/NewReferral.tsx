import { type FormEvent, type ReactNode, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import { oneError, YesNo } from '../children/fields.tsx';
import { useCaseReference } from '../children/reference.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import type { FormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, LoadFailure, Loading } from '../components/ui.tsx';
import { DraftProvider, type Step, stepPath, useDraft } from './draft.tsx';

export const CAPTION = 'Make a referral';

/** The referral form's questions share one draft; a question reached without starting goes to the start. */
export function ReferralFlow() {
  return (
    <DraftProvider>
      <FlowGuard />
    </DraftProvider>
  );
}

function FlowGuard() {
  const { draft, sent } = useDraft();
  const { pathname } = useLocation();
  const path = pathname.replace(/\/$/, '');
  if (path.endsWith('/sent')) return sent ? <Outlet /> : <Navigate to="/referrals/new" replace />;
  if (draft.immediateDanger === undefined && path !== '/referrals/new')
    return <Navigate to="/referrals/new" replace />;
  return <Outlet />;
}

/**
 * Where "Continue" goes: back to check your answers when the person came from there to change an answer,
 * otherwise to the next question.
 */
export function useContinue() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const fromCheck = params.get('from') === 'check';
  return {
    fromCheck,
    go: (next: Step | 'check') =>
      navigate(fromCheck || next === 'check' ? '/referrals/new/check' : stepPath(next)),
    /** A question the answer just given leads to, even when changing an answer from the check page. */
    goOn: (next: Step) => navigate(`${stepPath(next)}${fromCheck ? '?from=check' : ''}`),
  };
}

/** One question page of the referral: back link, the errors for its fields, the form and Continue. */
export function StepForm({
  step,
  title,
  back,
  children,
  onContinue,
  continueText = 'Continue',
  errors: ownErrors,
}: {
  step: Step;
  title: string;
  back: string;
  children: ReactNode;
  onContinue(): void | Promise<void>;
  continueText?: string;
  /** Errors this page found itself (only the first question has any). */
  errors?: FormErrors;
}) {
  const { errorsFor, clearStep } = useDraft();
  const { fromCheck } = useContinue();
  const errors = ownErrors && ownErrors.summary.length > 0 ? ownErrors : errorsFor(step);
  const [working, setWorking] = useState(false);
  usePageTitle(`${title} – ${CAPTION}`, errors.summary.length > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      await onContinue();
      clearStep(step);
    } finally {
      setWorking(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={fromCheck ? '/referrals/new/check' : back} />
        <ErrorSummary errors={errors} />
        <form noValidate onSubmit={(event) => void submit(event)}>
          {children}
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={working} aria-disabled={working}>
              {continueText}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

export function Caption() {
  return <span className="govuk-caption-l">{CAPTION}</span>;
}

/** The first question, before anything else: a child in immediate danger needs the police now. */
export function ImmediateDangerQuestion() {
  const { draft, update } = useDraft();
  const reference = useCaseReference();
  const { go, goOn } = useContinue();
  const [errors, setErrors] = useState<FormErrors>({ summary: [], byField: {}, version: 0 });
  const guidance = reference.data?.immediateDanger;

  const onContinue = () => {
    if (draft.immediateDanger === undefined) {
      // The next page depends on the answer, so it is needed before going on.
      const text = 'Select yes if the child is in immediate danger';
      setErrors((e) => oneError('immediateDanger', text, e.version));
      return;
    }
    if (draft.immediateDanger) goOn('immediate-danger');
    else go('child');
  };

  return (
    <StepForm
      step=""
      title="Is the child in immediate danger?"
      back="/my-work"
      onContinue={onContinue}
      errors={errors}
    >
      <Caption />
      <YesNo
        name="immediateDanger"
        legend="Is the child in immediate danger?"
        legendClassName="govuk-fieldset__legend--l"
        isPageHeading
        hint="For example, they are with someone who is harming them now, or they are missing and you think they are being harmed."
        value={draft.immediateDanger}
        onChange={(immediateDanger) => {
          update({ immediateDanger });
          setErrors((e) => ({ summary: [], byField: {}, version: e.version }));
        }}
        error={errors.byField.immediateDanger}
        yesConditional={
          <p className="govuk-body govuk-!-font-weight-bold">
            {guidance?.title ?? 'Call the police on 999 now.'}
          </p>
        }
      />
      <p className="govuk-body">
        You do not need to be sure that the child is being exploited, and you do not need the child to have
        told you. Tell us what you have seen or heard.
      </p>
    </StepForm>
  );
}

/** What to do now, shown before anything else when the child is in immediate danger. */
export function WhatToDoNow() {
  const reference = useCaseReference();
  const { go } = useContinue();
  const guidance = reference.data?.immediateDanger;
  return (
    <StepForm
      step="immediate-danger"
      title="Call the police on 999 now"
      back="/referrals/new"
      onContinue={() => go('child')}
      continueText="Continue with the referral"
    >
      <Caption />
      {reference.state === 'loading' && <h1 className="govuk-heading-xl">Call the police on 999 now</h1>}
      {reference.state === 'failed' && (
        <>
          <h1 className="govuk-heading-xl">Call the police on 999 now</h1>
          <LoadFailure error={reference.error} />
        </>
      )}
      {guidance && (
        <>
          <h1 className="govuk-heading-xl">{guidance.title}</h1>
          <div className="lantern-urgent">
            <ol className="govuk-list govuk-list--number govuk-list--spaced">
              {guidance.steps.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ol>
          </div>
        </>
      )}
      {reference.state === 'loading' && <Loading />}
    </StepForm>
  );
}
