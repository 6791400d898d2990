/**
 * Record the child's return: when, where and how they were found or came back, who they were with,
 * harm and crime while missing, and the police safe and well check. Starts the return interview clock.
 */
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { HARM_ANSWER_NAMES, HARM_ANSWERS } from '../../domain/missing/index.ts';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Radios, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, type FlashState, LoadFailure, Loading } from '../components/ui.tsx';
import { type Picked, RecordPicker } from '../contexts/RecordPicker.tsx';
import { TextAreaWithAssistant } from '../language/TextAreaWithAssistant.tsx';
import { type EpisodeView, missingApi, type ReturnInput } from './api.ts';
import { DateTimeInput, EMPTY_DATE_TIME, nowParts, partsOf, toInstant, ukTime } from './datetime.tsx';
import { choices, formError, useMissingReference } from './parts.tsx';
import './missing.css';

const FIELDS = {
  'returned.at': 'When the child was found or returned',
  'returned.how': 'How the child was found or came back',
  'returned.where': 'Where the child was found',
  'returned.where.placeId': 'The place the child was found',
  'returned.whoWith': 'Who the child was with',
  'returned.notes': 'Anything else about the return',
  harmWhileMissing: 'Harm while missing',
  crimeWhileMissing: 'Crime while missing',
  harmDetails: 'About the harm or crime',
  'safeAndWellCheck.at': 'When the police safe and well check happened',
  'safeAndWellCheck.by.name': 'Who did the safe and well check',
  safeAndWellCheck: 'The police safe and well check',
};

interface LinkedPerson {
  picked: Picked;
  description: string;
}

/** People the child was with who are persons of concern already recorded: each with what they did. */
function LinkedPeopleEditor({
  people,
  onChange,
  errors,
}: {
  people: LinkedPerson[];
  onChange(people: LinkedPerson[]): void;
  errors: Readonly<Record<string, string>>;
}) {
  const [adding, setAdding] = useState(false);
  return (
    <div className="govuk-form-group">
      {people.map((person, i) => (
        <div className="lantern-missing-entry" key={person.picked.id}>
          <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
            With {person.picked.name} (person of concern)
          </p>
          {errors[`returned.whoWith.${i}.personId`] && (
            <p className="govuk-error-message">{errors[`returned.whoWith.${i}.personId`]}</p>
          )}
          <TextInput
            name={`returned.whoWith.${i}.description`}
            label="What they did, as far as this episode goes"
            hint="For example: drove the child back, or the child was found with them."
            value={person.description}
            onChange={(description) => onChange(people.map((p, n) => (n === i ? { ...p, description } : p)))}
            error={errors[`returned.whoWith.${i}.description`]}
          />
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => onChange(people.filter((_, n) => n !== i))}
          >
            Remove<span className="govuk-visually-hidden"> {person.picked.name}</span>
          </button>
        </div>
      ))}
      {adding ? (
        <RecordPicker
          name="returned.whoWith.new"
          what="context"
          label="Who the child was with: a person of concern already recorded in Lantern"
          picked={null}
          onPick={(picked) => {
            if (picked && !people.some((p) => p.picked.id === picked.id))
              onChange([...people, { picked, description: '' }]);
            setAdding(false);
          }}
        />
      ) : (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => setAdding(true)}
        >
          Add a person of concern already recorded
        </button>
      )}
    </div>
  );
}

const HARM_OPTIONS = HARM_ANSWERS.map((value) => ({ value, label: HARM_ANSWER_NAMES[value] }));

function ReturnFormFor({ episode, childName }: { episode: EpisodeView; childName: string }) {
  const navigate = useNavigate();
  const reference = useMissingReference();
  const r = episode.returned;
  const [at, setAt] = useState(r ? partsOf(r.at) : nowParts());
  const [how, setHow] = useState(r?.how.id ?? '');
  const [where, setWhere] = useState(r?.where?.description ?? '');
  const [wherePlace, setWherePlace] = useState<Picked | null>(
    r?.where?.context
      ? { kind: r.where.context.kind, id: r.where.context.id, name: r.where.context.name }
      : null,
  );
  // People linked to a person of concern keep their link; entries linked to a record the person may not
  // see are not in the form at all (the server keeps them as they are).
  const [linkedPeople, setLinkedPeople] = useState<LinkedPerson[]>(
    (r?.whoWith ?? []).flatMap((m) =>
      m.context
        ? [
            {
              picked: { kind: m.context.kind, id: m.context.id, name: m.context.name },
              description: m.description ?? '',
            },
          ]
        : [],
    ),
  );
  const [whoWith, setWhoWith] = useState(
    (r?.whoWith ?? [])
      .filter((m) => m.requested !== 'existing')
      .map((m) => m.description ?? '')
      .join('\n'),
  );
  const [notes, setNotes] = useState(r?.notes ?? '');
  const [harm, setHarm] = useState(episode.harmWhileMissing.id);
  const [crime, setCrime] = useState(episode.crimeWhileMissing.id);
  const [harmDetails, setHarmDetails] = useState(episode.harmDetails ?? '');
  const [checkAt, setCheckAt] = useState(partsOf(episode.safeAndWellCheck?.at) ?? EMPTY_DATE_TIME);
  const [checkBy, setCheckBy] = useState(episode.safeAndWellCheck?.by.name ?? '');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Record the return', hasErrors);
  const back = `/children/${episode.childId}/missing`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    const returned = toInstant(at, 'when the child was found or returned');
    const checked = toInstant(checkAt, 'when the safe and well check happened');
    const problems = [
      ...(returned.ok ? [] : [{ path: 'returned.at', message: returned.message }]),
      ...(checked.ok ? [] : [{ path: 'safeAndWellCheck.at', message: checked.message }]),
      ...(checked.ok && checked.iso && !checkBy.trim()
        ? [{ path: 'safeAndWellCheck.by.name', message: 'Enter who did the safe and well check' }]
        : []),
    ];
    if (problems.length > 0 || !returned.ok || !checked.ok) {
      show(formError(problems), { fields: FIELDS });
      return;
    }
    setWorking(true);
    const body = {
      returned: {
        at: returned.iso,
        how,
        where:
          wherePlace || where.trim()
            ? { placeId: wherePlace?.id, description: where.trim() || undefined }
            : undefined,
        whoWith: [
          ...linkedPeople.map((p) => ({ personId: p.picked.id, description: p.description.trim() })),
          ...whoWith
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
            .map((description) => ({ description })),
        ],
        notes: notes.trim() || undefined,
      },
      harmWhileMissing: harm,
      crimeWhileMissing: crime,
      harmDetails: harmDetails.trim() || undefined,
      safeAndWellCheck: checked.iso ? { at: checked.iso, by: { name: checkBy.trim() } } : undefined,
    } as ReturnInput;
    try {
      const saved = await missingApi.recordReturn(episode.id, body);
      const clock = saved.episode.clock;
      const state: FlashState = {
        flash: {
          success: true,
          heading: 'Return recorded',
          body: clock.dueAt
            ? `A return interview should be offered by ${ukTime(clock.dueAt)} (UK time).${saved.triggers.triage.onNextList ? ' The child is on the next MACE triage list.' : ''}`
            : '',
        },
      };
      navigate(back, { state });
    } catch (error) {
      show(error, { fields: FIELDS });
      setWorking(false);
    }
  };

  if (reference.state !== 'loaded')
    return reference.state === 'failed' ? <LoadFailure error={reference.error} /> : <Loading />;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={back}>Back to missing episodes</BackLink>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{childName}</span>
        <h1 className="govuk-heading-l">Record the return</h1>
        <p className="govuk-body">Reported missing {ukTime(episode.reportedAt)} (UK time).</p>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <DateTimeInput
            name="returned.at"
            legend={FIELDS['returned.at']}
            value={at}
            onChange={setAt}
            error={errors.byField['returned.at']}
          />
          <Radios
            name="returned.how"
            legend={FIELDS['returned.how']}
            options={choices(reference.data.howReturned)}
            value={how}
            onChange={setHow}
            error={errors.byField['returned.how']}
          />
          <RecordPicker
            name="returned.where.placeId"
            what="context"
            label="Where the child was found: a place already recorded in Lantern (optional)"
            picked={wherePlace}
            onPick={setWherePlace}
            error={errors.byField['returned.where.placeId']}
          />
          <TextInput
            name="returned.where"
            label={
              wherePlace
                ? 'More about where the child was found (optional)'
                : 'Where the child was found (optional)'
            }
            hint="An address, a place or a description."
            value={where}
            onChange={setWhere}
            error={errors.byField['returned.where'] ?? errors.byField['returned.where.description']}
          />
          <LinkedPeopleEditor people={linkedPeople} onChange={setLinkedPeople} errors={errors.byField} />
          <TextAreaWithAssistant
            name="returned.whoWith"
            label={
              linkedPeople.length
                ? 'Anyone else the child was with (optional)'
                : 'Who the child was with (optional)'
            }
            hint="One person on each line: a name, nickname or description. Someone who brought the child back may be a person of concern."
            rows={3}
            field="missing.returned.whoWith"
            value={whoWith}
            onChange={setWhoWith}
            error={errors.byField['returned.whoWith']}
          />
          <TextAreaWithAssistant
            name="returned.notes"
            label="Anything else about the return (optional)"
            rows={3}
            field="missing.returned.notes"
            value={notes}
            onChange={setNotes}
            error={errors.byField['returned.notes']}
          />
          <Radios
            name="harmWhileMissing"
            legend="Did the child come to harm while missing?"
            hint="Nothing here waits for the child to tell you. Choose ‘Not known yet’ if you do not know."
            options={HARM_OPTIONS}
            value={harm}
            onChange={setHarm}
            error={errors.byField.harmWhileMissing}
            small
          />
          <Radios
            name="crimeWhileMissing"
            legend="Did a crime happen while the child was missing?"
            hint="Against the child, or one others may have exploited them to commit."
            options={HARM_OPTIONS}
            value={crime}
            onChange={setCrime}
            error={errors.byField.crimeWhileMissing}
            small
          />
          <TextAreaWithAssistant
            name="harmDetails"
            label="About the harm or crime (optional)"
            rows={3}
            field="missing.harmDetails"
            value={harmDetails}
            onChange={setHarmDetails}
            error={errors.byField.harmDetails}
          />
          <h2 className="govuk-heading-m">Police safe and well check</h2>
          <p className="govuk-body">
            The police check is not the return interview. Leave it blank if it has not happened yet.
          </p>
          <DateTimeInput
            name="safeAndWellCheck.at"
            legend={FIELDS['safeAndWellCheck.at']}
            value={checkAt}
            onChange={setCheckAt}
            error={errors.byField['safeAndWellCheck.at'] ?? errors.byField.safeAndWellCheck}
          />
          <TextInput
            name="safeAndWellCheck.by.name"
            label={FIELDS['safeAndWellCheck.by.name']}
            value={checkBy}
            onChange={setCheckBy}
            error={errors.byField['safeAndWellCheck.by.name']}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">
              Record the return
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

export function RecordReturn() {
  const { id = '' } = useParams();
  const loaded = useApiData(() => missingApi.episode(id), [id]);
  usePageTitle('Record the return');
  if (loaded.state === 'loaded')
    return (
      <ReturnFormFor
        key={loaded.data.episode.id}
        episode={loaded.data.episode}
        childName={loaded.data.child.name}
      />
    );
  return (
    <>
      <h1 className="govuk-heading-l">Record the return</h1>
      {loaded.state === 'loading' ? <Loading /> : <LoadFailure error={loaded.error} />}
    </>
  );
}
