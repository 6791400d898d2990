import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { type FormErrors, useFormErrors } from '../components/form.ts';
import { formatDateTime } from '../components/format.ts';
import { usePageTitle } from '../components/page.ts';
import { ButtonLink, type FlashState, SummaryList } from '../components/ui.tsx';
import { type Child, childrenApi } from './api.ts';
import { Choices, FreeText, oneError } from './fields.tsx';
import { CaseStatusTag, ChildFormPage, useChildContext } from './record.tsx';
import type { CaseReference } from './reference.ts';

export function ClosurePage() {
  const { child } = useChildContext();
  const base = `/children/${child.id}/closure`;
  const p = child.permissions;
  return (
    <>
      <h2 className="govuk-heading-m">Closure</h2>
      <p className="govuk-body">
        <CaseStatusTag status={child.caseStatus} />
      </p>
      <p className="govuk-body">
        A case closes only with a reason and a manager’s approval. Not yet having found a way to reach a child
        is never a reason to close: Lantern keeps the case open and gives the lead worker an outreach action
        instead.
      </p>
      {child.pendingClosure && (
        <>
          <h3 className="govuk-heading-s">Closure requested</h3>
          <SummaryList
            rows={[
              { key: 'Reason', value: child.pendingClosure.reasonName },
              {
                key: 'Details',
                value: <span className="lantern-pre-wrap">{child.pendingClosure.detail}</span>,
              },
              {
                key: 'Asked by',
                value: `${child.pendingClosure.requestedBy.name}, ${formatDateTime(child.pendingClosure.requestedAt)}`,
              },
            ]}
          />
        </>
      )}
      <div className="govuk-button-group">
        {p.requestClosure && child.caseStatus === 'open' && (
          <ButtonLink to={`${base}/request`} secondary>
            Ask to close the case
          </ButtonLink>
        )}
        {p.approveClosure && child.caseStatus === 'closure_requested' && (
          <ButtonLink to={`${base}/decision`}>Approve or decline the closure</ButtonLink>
        )}
        {p.reopen && child.caseStatus === 'closed' && (
          <ButtonLink to={`${base}/reopen`}>Reopen the case</ButtonLink>
        )}
      </div>
    </>
  );
}

function RequestClosureForm({ child, reference }: { child: Child; reference: CaseReference }) {
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const [detail, setDetail] = useState('');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Ask to close the case', hasErrors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      const result = await childrenApi.requestClosure(child.id, { reason: reason || undefined, detail });
      const state: FlashState = {
        flash:
          result.outcome === 'kept_open'
            ? {
                success: true,
                heading: 'The case stays open',
                body: `The lead worker has an outreach action: keep looking for a way to reach ${child.displayName}.`,
              }
            : {
                success: true,
                heading: 'Closure requested',
                body: 'A manager of the agency holding the case must approve it before the case closes.',
              },
      };
      navigate(`/children/${child.id}/closure`, { state });
    } catch (error) {
      show(error, { fields: { reason: 'Reason', detail: 'Details' } });
      setWorking(false);
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{child.displayName}</span>
      <h1 className="govuk-heading-l">Ask to close the case</h1>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Choices
          type="radio"
          name="reason"
          legend="Why should the case close?"
          hint="A manager will check your reason before the case closes."
          options={[
            ...reference.closureReasons.map((option) => ({ value: option.value, label: option.label })),
            {
              value: reference.keepOpenOption.value,
              label: reference.keepOpenOption.label,
              hint: reference.keepOpenOption.explanation,
              dividerBefore: true,
            },
          ]}
          values={reason ? [reason] : []}
          onChange={(values) => setReason(values[0] ?? '')}
          error={errors.byField.reason}
        />
        <FreeText
          name="detail"
          label="Details"
          hint="What has changed for the child, what support continues, and who the child and family can contact."
          value={detail}
          onChange={setDetail}
          error={errors.byField.detail}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={working} aria-disabled={working}>
            Continue
          </button>
          <Link className="govuk-link" to={`/children/${child.id}/closure`}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

export function RequestClosure() {
  usePageTitle('Ask to close the case');
  return (
    <ChildFormPage
      title="Ask to close the case"
      back={(id) => ({ to: `/children/${id}/closure`, text: 'Back to closure' })}
    >
      {(child, reference) => <RequestClosureForm child={child} reference={reference} />}
    </ChildFormPage>
  );
}

function ClosureDecisionForm({ child }: { child: Child }) {
  const navigate = useNavigate();
  const [choice, setChoice] = useState('');
  const [note, setNote] = useState('');
  const [working, setWorking] = useState(false);
  const { errors: serverErrors, show } = useFormErrors();
  const [missing, setMissing] = useState<FormErrors | null>(null);
  const errors = missing ?? serverErrors;
  usePageTitle('Approve or decline the closure', errors.summary.length > 0);
  const pending = child.pendingClosure;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    if (!choice) {
      setMissing(oneError('decision', 'Select approve or decline', errors.version));
      return;
    }
    setMissing(null);
    setWorking(true);
    try {
      await childrenApi.decideClosure(child.id, choice === 'approve', { note: note.trim() || null });
      const state: FlashState = {
        flash: {
          success: true,
          heading:
            choice === 'approve'
              ? 'The case has been closed'
              : 'The closure has been declined: the case stays open',
        },
      };
      navigate(`/children/${child.id}/closure`, { state });
    } catch (error) {
      show(error, { fields: { note: 'Note' } });
      setWorking(false);
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{child.displayName}</span>
      <h1 className="govuk-heading-l">Approve or decline the closure</h1>
      {pending ? (
        <SummaryList
          rows={[
            { key: 'Reason', value: pending.reasonName },
            { key: 'Details', value: <span className="lantern-pre-wrap">{pending.detail}</span> },
            { key: 'Asked by', value: `${pending.requestedBy.name}, ${formatDateTime(pending.requestedAt)}` },
          ]}
        />
      ) : (
        <p className="govuk-body">There is no closure request waiting.</p>
      )}
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Choices
          type="radio"
          name="decision"
          legend="Your decision"
          options={[
            { value: 'approve', label: 'Approve: close the case' },
            { value: 'decline', label: 'Decline: the case stays open' },
          ]}
          values={choice ? [choice] : []}
          onChange={(values) => setChoice(values[0] ?? '')}
          error={errors.byField.decision}
        />
        <FreeText
          name="note"
          label="Note (optional)"
          hint="For example, what must happen before the case can close."
          rows={3}
          value={note}
          onChange={setNote}
          error={errors.byField.note}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={working} aria-disabled={working}>
            Save the decision
          </button>
          <Link className="govuk-link" to={`/children/${child.id}/closure`}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

export function ClosureDecision() {
  usePageTitle('Approve or decline the closure');
  return (
    <ChildFormPage
      title="Approve or decline the closure"
      back={(id) => ({ to: `/children/${id}/closure`, text: 'Back to closure' })}
    >
      {(child) => <ClosureDecisionForm child={child} />}
    </ChildFormPage>
  );
}

function ReopenForm({ child }: { child: Child }) {
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Reopen the case', hasErrors);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      await childrenApi.reopen(child.id, { reason });
      const state: FlashState = { flash: { success: true, heading: 'The case has been reopened' } };
      navigate(`/children/${child.id}/closure`, { state });
    } catch (error) {
      show(error, { fields: { reason: 'Reason' } });
      setWorking(false);
    }
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{child.displayName}</span>
      <h1 className="govuk-heading-l">Reopen the case</h1>
      <p className="govuk-body">The closure and the reopening both stay in the history.</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FreeText
          name="reason"
          label="Why are you reopening the case?"
          value={reason}
          onChange={setReason}
          error={errors.byField.reason}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={working} aria-disabled={working}>
            Reopen the case
          </button>
          <Link className="govuk-link" to={`/children/${child.id}/closure`}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

export function Reopen() {
  usePageTitle('Reopen the case');
  return (
    <ChildFormPage
      title="Reopen the case"
      back={(id) => ({ to: `/children/${id}/closure`, text: 'Back to closure' })}
    >
      {(child) => <ReopenForm child={child} />}
    </ChildFormPage>
  );
}
