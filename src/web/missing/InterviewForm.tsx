/**
 * The return interview: the offer (by someone independent of the placement), the child's answer or a
 * decision not to hold one, and, once held, what it heard. The child's account is their own words,
 * written down as they said them and shown as a quotation.
 */
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  INTERVIEW_STATUS_NAMES,
  INTERVIEW_STATUSES,
  type InterviewStatus,
} from '../../domain/missing/index.ts';
import { api } from '../api.ts';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Radios, Select, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, type FlashState, InsetText, LoadFailure, Loading } from '../components/ui.tsx';
import { TextAreaWithAssistant } from '../language/TextAreaWithAssistant.tsx';
import { type EpisodeView, type InterviewView, missingApi } from './api.ts';
import { DateTimeInput, ukTime } from './datetime.tsx';
import { InterviewContent } from './InterviewContent.tsx';
import {
  fieldNames,
  type InterviewState,
  initialState,
  label,
  SHOWS_OFFER,
  toBody,
} from './interview-state.ts';
import { formError, useMissingReference } from './parts.tsx';
import './missing.css';

const STATUS_HINTS: Record<InterviewStatus, string> = {
  offered: 'Offered to the child; waiting for their reply.',
  accepted: 'The child said yes; the interview has not happened yet.',
  declined:
    'The child said no. Record what they said, or that they gave no reason. They can be offered again.',
  not_possible: 'It could not be offered or held. Record why, and what was tried.',
  not_held: 'A decision not to hold one. It must be recorded with who decided and why.',
  completed: 'The interview has happened.',
};

function InterviewFormFor({
  episode,
  childName,
  existing,
}: {
  episode: EpisodeView;
  childName: string;
  existing: InterviewView | undefined;
}) {
  const navigate = useNavigate();
  const reference = useMissingReference();
  const agencies = useApiData(() => api.agencies(), []);
  const [form, setForm] = useState<InterviewState>(() => initialState(existing));
  const set = (change: Partial<InterviewState>) => setForm((previous) => ({ ...previous, ...change }));
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Return interview', hasErrors);
  const back = `/children/${episode.childId}/missing`;
  const byField = errors.byField;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    const built = toBody(form, episode.id);
    if (!built.ok) {
      show(formError(built.problems), { fields: fieldNames(form) });
      return;
    }
    setWorking(true);
    try {
      const saved = existing
        ? await missingApi.updateInterview(existing.id, built.body)
        : await missingApi.createInterview(built.body);
      const warning = saved.warnings[0];
      const state: FlashState = {
        flash: {
          success: true,
          heading: 'Return interview recorded',
          body: warning ? `Saved with a warning. ${warning.message} ${warning.why}` : saved.clock.summary,
        },
      };
      navigate(back, { state });
    } catch (error) {
      show(error, { fields: fieldNames(form) });
      setWorking(false);
    }
  };

  if (reference.state !== 'loaded')
    return reference.state === 'failed' ? <LoadFailure error={reference.error} /> : <Loading />;
  const placement = episode.missingFrom.placement;
  const { status } = form;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={back}>Back to missing episodes</BackLink>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{childName}</span>
        <h1 className="govuk-heading-l">Return interview</h1>
        <p className="govuk-body">
          Found or returned {ukTime(episode.returned?.at)} (UK time). {episode.clock.summary}
        </p>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <Radios
            name="status"
            legend={label('status')}
            options={INTERVIEW_STATUSES.map((s) => ({
              value: s,
              label: INTERVIEW_STATUS_NAMES[s],
              hint: STATUS_HINTS[s],
            }))}
            value={status}
            onChange={(value) => set({ status: value })}
            error={byField.status}
          />
          {SHOWS_OFFER.includes(status) && (
            <>
              <h2 className="govuk-heading-m">The offer</h2>
              <InsetText>
                The offer should come from someone independent of {placement?.name ?? 'the placement'}, so the
                child can talk freely about it. Lantern warns if it does not; it still saves.
              </InsetText>
              <DateTimeInput
                name="offer.offeredAt"
                legend={label('offer.offeredAt')}
                value={form.offeredAt}
                onChange={(offeredAt) => set({ offeredAt })}
                error={byField['offer.offeredAt'] ?? byField.offer}
              />
              <TextInput
                name="offer.offeredBy"
                label={label('offer.offeredBy')}
                hint="Their name."
                value={form.offerer.name}
                onChange={(name) => set({ offerer: { ...form.offerer, name } })}
                error={byField['offer.offeredBy']}
              />
              <TextInput
                name="offer.offeredBy.role"
                label="Their role (optional)"
                value={form.offerer.role}
                onChange={(role) => set({ offerer: { ...form.offerer, role } })}
              />
              <Select
                name="offer.offeredBy.agencyId"
                label={label('offer.offeredBy.agencyId')}
                hint="So Lantern can check the offer is independent of the placement."
                placeholder="Not listed"
                options={(agencies.data?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
                value={form.offerer.agencyId}
                onChange={(agencyId) => set({ offerer: { ...form.offerer, agencyId } })}
                error={byField['offer.offeredBy.agencyId']}
              />
            </>
          )}
          {(status === 'declined' || status === 'not_possible') && (
            <TextAreaWithAssistant
              name="reason"
              label={
                status === 'declined'
                  ? 'What the child said, or that they gave no reason'
                  : 'Why it was not possible, and what was tried'
              }
              field="missing.interview.reason"
              rows={3}
              value={form.reason}
              onChange={(reason) => set({ reason })}
              error={byField.reason}
            />
          )}
          {status === 'not_held' && (
            <>
              <h2 className="govuk-heading-m">The decision not to hold one</h2>
              <DateTimeInput
                name="notHeldDecision.decidedAt"
                legend={label('notHeldDecision.decidedAt')}
                value={form.decidedAt}
                onChange={(decidedAt) => set({ decidedAt })}
                error={byField['notHeldDecision.decidedAt'] ?? byField.notHeldDecision}
              />
              <TextInput
                name="notHeldDecision.decidedBy.name"
                label={label('notHeldDecision.decidedBy.name')}
                value={form.decidedBy}
                onChange={(decidedBy) => set({ decidedBy })}
                error={byField['notHeldDecision.decidedBy.name']}
              />
              <TextAreaWithAssistant
                name="notHeldDecision.reason"
                label={label('notHeldDecision.reason')}
                hint="Required: a decision not to hold a return interview is recorded with its reason."
                field="missing.interview.notHeldReason"
                rows={4}
                value={form.decisionReason}
                onChange={(decisionReason) => set({ decisionReason })}
                error={byField['notHeldDecision.reason']}
              />
            </>
          )}
          {status === 'completed' && (
            <InterviewContent
              form={form}
              set={set}
              errors={byField}
              reference={reference.data}
              childName={childName}
            />
          )}
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">
              Save return interview
            </button>
            <Link className="govuk-link" to={back}>
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}

export function ReturnInterview() {
  const { id = '', interviewId } = useParams();
  const loaded = useApiData(() => missingApi.episode(id), [id]);
  usePageTitle('Return interview');
  if (loaded.state === 'loaded') {
    const { episode, child } = loaded.data;
    const existing = interviewId ? episode.interviews.find((i) => i.id === interviewId) : undefined;
    return (
      <InterviewFormFor
        key={existing?.id ?? episode.id}
        episode={episode}
        childName={child.name}
        existing={existing}
      />
    );
  }
  return (
    <>
      <h1 className="govuk-heading-l">Return interview</h1>
      {loaded.state === 'loading' ? <Loading /> : <LoadFailure error={loaded.error} />}
    </>
  );
}
