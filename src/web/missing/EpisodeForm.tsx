/** Record a missing episode: when, by whom, from where, the police side and the local protocol. */
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api.ts';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Radios, Select, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, type FlashState, LoadFailure, Loading } from '../components/ui.tsx';
import { TextAreaWithAssistant } from '../language/TextAreaWithAssistant.tsx';
import { type MissingEpisodeInput, missingApi, type Saved } from './api.ts';
import { DateTimeInput, EMPTY_DATE_TIME, nowParts, toInstant } from './datetime.tsx';
import { choices, formError, useMissingReference } from './parts.tsx';
import './missing.css';

const FIELDS = {
  reportedAt: 'When the child was reported missing',
  lastSeenAt: 'When the child was last seen',
  'reportedBy.name': 'Who reported it',
  'reportedBy.role': 'Their role',
  'missingFrom.kind': 'Where the child went missing from',
  'missingFrom.placement.name': 'The placement',
  'missingFrom.placement.agencyId': 'Who runs the placement',
  'missingFrom.description': 'More about where',
  protocolCategory: 'Missing or absent',
  policeReference: 'Police reference',
  policeRiskGrade: 'The police’s risk grading at report',
};

/** What the server was told happened next, for the banner on the child's page. */
export function afterSaving(saved: Saved): string {
  const parts: string[] = [];
  const task = saved.triggers.reanalysisTask;
  if (task) parts.push(`${task.assignedTo.name} has a task to repeat the risk analysis.`);
  if (saved.triggers.triage.onNextList) parts.push('The child is on the next MACE triage list.');
  return parts.join(' ');
}

export function RecordEpisode() {
  const { id: childId = '' } = useParams();
  const navigate = useNavigate();
  const child = useApiData(() => missingApi.child(childId), [childId]);
  const reference = useMissingReference();
  const agencies = useApiData(() => api.agencies(), []);
  const [reportedAt, setReportedAt] = useState(nowParts);
  const [lastSeenAt, setLastSeenAt] = useState(EMPTY_DATE_TIME);
  const [reporter, setReporter] = useState({ name: '', role: '' });
  const [kind, setKind] = useState('');
  const [placement, setPlacement] = useState({ name: '', agencyId: '' });
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState('');
  const [policeReference, setPoliceReference] = useState('');
  const [grade, setGrade] = useState('');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Record a missing episode', hasErrors);
  const back = `/children/${childId}/missing`;
  const isPlacement = reference.data?.missingFrom.find((o) => o.id === kind)?.placement === true;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    const reported = toInstant(reportedAt, 'when the child was reported missing');
    const seen = toInstant(lastSeenAt, 'when the child was last seen');
    const problems = [
      ...(reported.ok ? [] : [{ path: 'reportedAt', message: reported.message }]),
      ...(seen.ok ? [] : [{ path: 'lastSeenAt', message: seen.message }]),
    ];
    if (problems.length > 0 || !reported.ok || !seen.ok) {
      show(formError(problems), { fields: FIELDS });
      return;
    }
    setWorking(true);
    const body = {
      childId,
      reportedAt: reported.iso,
      lastSeenAt: seen.iso,
      reportedBy: { name: reporter.name, role: reporter.role || undefined },
      missingFrom: {
        kind,
        description: description || undefined,
        placement:
          isPlacement && (placement.name || placement.agencyId)
            ? { name: placement.name || undefined, agencyId: placement.agencyId || undefined }
            : undefined,
      },
      protocolCategory: category,
      policeReference: policeReference || undefined,
      policeRiskGrade: grade || undefined,
    } as MissingEpisodeInput;
    try {
      const saved = await missingApi.recordEpisode(body);
      const state: FlashState = {
        flash: { success: true, heading: 'Missing episode recorded', body: afterSaving(saved) },
      };
      navigate(back, { state });
    } catch (error) {
      show(error, { fields: FIELDS });
      setWorking(false);
    }
  };

  if (child.state !== 'loaded' || reference.state !== 'loaded') {
    return (
      <>
        <BackLink to={back}>Back to missing episodes</BackLink>
        <h1 className="govuk-heading-l">Record a missing episode</h1>
        {child.state === 'failed' && <LoadFailure error={child.error} />}
        {reference.state === 'failed' && <LoadFailure error={reference.error} />}
        {(child.state === 'loading' || reference.state === 'loading') && <Loading />}
      </>
    );
  }
  const ref = reference.data;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={back}>Back to missing episodes</BackLink>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{child.data.child.name}</span>
        <h1 className="govuk-heading-l">Record a missing episode</h1>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <DateTimeInput
            name="reportedAt"
            legend={FIELDS.reportedAt}
            value={reportedAt}
            onChange={setReportedAt}
            error={errors.byField.reportedAt}
          />
          <DateTimeInput
            name="lastSeenAt"
            legend="When the child was last seen (if known and earlier)"
            hint="How long the child was missing is counted from here when you know it."
            value={lastSeenAt}
            onChange={setLastSeenAt}
            error={errors.byField.lastSeenAt}
          />
          <TextInput
            name="reportedBy.name"
            label={FIELDS['reportedBy.name']}
            labelClassName="govuk-label--s"
            hint="The person who reported the child missing, for example a parent, carer or placement worker."
            value={reporter.name}
            onChange={(name) => setReporter({ ...reporter, name })}
            error={errors.byField['reportedBy.name']}
          />
          <TextInput
            name="reportedBy.role"
            label="Their role or relationship to the child (optional)"
            value={reporter.role}
            onChange={(role) => setReporter({ ...reporter, role })}
            error={errors.byField['reportedBy.role']}
          />
          <Radios
            name="missingFrom.kind"
            legend={FIELDS['missingFrom.kind']}
            options={choices(ref.missingFrom)}
            value={kind}
            onChange={setKind}
            error={errors.byField['missingFrom.kind']}
          />
          {isPlacement && (
            <>
              <TextInput
                name="missingFrom.placement.name"
                label="The placement (optional)"
                hint="Its name, so the return interview can be offered by someone independent of it."
                value={placement.name}
                onChange={(name) => setPlacement({ ...placement, name })}
                error={errors.byField['missingFrom.placement.name']}
              />
              <Select
                name="missingFrom.placement.agencyId"
                label="Who runs the placement (optional)"
                placeholder="Not known or not listed"
                options={(agencies.data?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
                value={placement.agencyId}
                onChange={(agencyId) => setPlacement({ ...placement, agencyId })}
                error={errors.byField['missingFrom.placement.agencyId']}
              />
            </>
          )}
          <TextAreaWithAssistant
            name="missingFrom.description"
            label="More about where the child went missing from (optional)"
            rows={2}
            field="missing.missingFrom.description"
            value={description}
            onChange={setDescription}
            error={errors.byField['missingFrom.description']}
          />
          <Radios
            name="protocolCategory"
            legend="Missing or absent, under the local protocol"
            hint="Lantern treats both alike: every episode enters the chronology and starts the return interview clock."
            options={choices(ref.protocolCategories)}
            value={category}
            onChange={setCategory}
            error={errors.byField.protocolCategory}
          />
          <TextInput
            name="policeReference"
            label="Police reference (optional)"
            widthClassName="govuk-input--width-20"
            value={policeReference}
            onChange={setPoliceReference}
            error={errors.byField.policeReference}
          />
          <Radios
            name="policeRiskGrade"
            legend="The police’s risk grading of the report (optional)"
            hint="Record it as the police gave it. It is the police’s grading of the report, not a judgement of the child, and Lantern decides nothing from it."
            options={choices(ref.policeRiskGrades)}
            value={grade}
            onChange={setGrade}
            error={errors.byField.policeRiskGrade}
            small
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">
              Record missing episode
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
