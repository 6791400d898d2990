/**
 * The young person's or a family member's part in their own strategy or review meeting (seed 003
 * Rec 23): took part in all of it or part of it, represented by a person they chose, invited and did not
 * attend (never recorded as a failing), or not invited and why; how their views reached the meeting;
 * and who told them the outcome, when and how.
 */
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Radios, Select, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, LoadFailure, Loading } from '../components/ui.tsx';
import { TextAreaWithAssistant } from '../language/TextAreaWithAssistant.tsx';
import { type MaceConfig, type MeetingView, maceApi } from './api.ts';
import { londonInstant, onForm, refusal } from './forms.ts';

const FIELDS = {
  'participant.kind': 'Who this is about',
  'participant.name': 'Their name',
  'participant.relationship': 'Their relationship to the child',
  participation: 'How they took part',
  partAttended: 'Which part they took part in',
  'representedBy.name': 'Name of the person they chose',
  'representedBy.relationshipOrRole': 'Relationship or role of the person they chose',
  'representedBy.chosenBy': 'Who chose them',
  'notInvited.reason': 'Why they were not invited',
  'notInvited.explanation': 'Explanation',
  'viewsShared.how': 'How their views reached the meeting',
  'viewsShared.summary': 'Their views',
  'toldOutcome.by': 'Who told them the outcome',
  'toldOutcome.date': 'Date they were told',
  'toldOutcome.time': 'Time they were told',
  'toldOutcome.how': 'How they were told',
  'toldOutcome.summary': 'What they were told',
};

function field(path: string): string {
  if (path in FIELDS) return path;
  if (path === 'representedBy') return 'representedBy.name';
  if (path === 'notInvited') return 'notInvited.reason';
  if (path === 'toldOutcome.at') return 'toldOutcome.date';
  if (path.startsWith('toldOutcome.by')) return 'toldOutcome.by';
  if (path === 'meetingId' || path === 'childId') return 'participation';
  return path;
}

const REPRESENTED_CHOSEN_BY = [
  { value: 'young_person', label: 'The young person' },
  { value: 'family', label: 'Their family' },
];

/** The participation recorded so far, in words: for the meeting page and this form. */
export function participationWords(p: Record<string, unknown>, config: MaceConfig): string {
  const who = p.participant as { kind: string; name?: string; relationship?: string } | undefined;
  const name =
    who?.kind === 'family_member'
      ? `${who.name ?? ''} (${who.relationship ?? 'family'})`
      : 'The young person';
  const how = config.options.participation[String(p.participation)] ?? String(p.participation);
  const told = p.toldOutcome as { by?: { name?: string }; at?: string; how?: string } | undefined;
  const toldHow = config.participation.toldOutcomeHow.find((h) => h.id === told?.how)?.label;
  const toldText = told?.at
    ? ` Told the outcome by ${told.by?.name ?? 'their worker'}, ${new Date(told.at).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' })}${toldHow ? ` (${toldHow.toLowerCase()})` : ''}.`
    : ' Not yet recorded as told the outcome.';
  return `${name}: ${how}.${toldText}`;
}

function Form({ view, config }: { view: MeetingView; config: MaceConfig }) {
  const navigate = useNavigate();
  const { errors, show, hasErrors } = useFormErrors();
  const record = view.record;
  const [kind, setKind] = useState('young_person');
  const [name, setName] = useState('');
  const [relationship, setRelationship] = useState('');
  const [participation, setParticipation] = useState('');
  const [partAttended, setPartAttended] = useState('');
  const [repName, setRepName] = useState('');
  const [repRole, setRepRole] = useState('');
  const [repChosenBy, setRepChosenBy] = useState('');
  const [reason, setReason] = useState('');
  const [explanation, setExplanation] = useState('');
  const [viewsHow, setViewsHow] = useState('');
  const [views, setViews] = useState('');
  const [toldBy, setToldBy] = useState('');
  const [toldDate, setToldDate] = useState('');
  const [toldTime, setToldTime] = useState('');
  const [toldHow, setToldHow] = useState('');
  const [toldSummary, setToldSummary] = useState('');
  usePageTitle('Record participation', hasErrors);
  const invitations = record?.invitations ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const telling = Boolean(toldBy || toldDate || toldTime || toldHow || toldSummary.trim());
    const at = telling ? londonInstant(toldDate, toldTime || '12:00') : null;
    if (telling) {
      const problems = [];
      if (!toldBy) problems.push({ path: 'toldOutcome.by', message: 'Choose who told them the outcome' });
      if (!at)
        problems.push({
          path: 'toldOutcome.date',
          message: 'Date they were told must be a real date, for example 2026-12-03',
        });
      if (!toldHow) problems.push({ path: 'toldOutcome.how', message: 'Choose how they were told' });
      if (problems.length > 0) {
        show(refusal(problems), { fields: FIELDS });
        return;
      }
    }
    const teller = invitations.find((i) => i.id === toldBy)?.person;
    const body = {
      participant:
        kind === 'family_member' ? { kind, name: name.trim(), relationship: relationship.trim() } : { kind },
      ...(participation ? { participation } : {}),
      ...(participation === 'attended_part' && partAttended.trim()
        ? { partAttended: partAttended.trim() }
        : {}),
      ...(participation === 'represented' && (repName || repRole || repChosenBy)
        ? {
            representedBy: {
              name: repName.trim(),
              relationshipOrRole: repRole.trim(),
              ...(repChosenBy ? { chosenBy: repChosenBy } : {}),
            },
          }
        : {}),
      ...(participation === 'not_invited' && (reason || explanation.trim())
        ? { notInvited: { reason, explanation: explanation.trim() } }
        : {}),
      ...(viewsHow
        ? { viewsShared: { how: viewsHow, ...(views.trim() ? { summary: views.trim() } : {}) } }
        : {}),
      ...(telling && teller && at
        ? {
            toldOutcome: {
              by: teller,
              at,
              how: toldHow,
              ...(toldSummary.trim() ? { summary: toldSummary.trim() } : {}),
            },
          }
        : {}),
    };
    try {
      await maceApi.participation(view.id, body);
      navigate(`/meetings/${view.id}`);
    } catch (error) {
      show(onForm(error, field), { fields: FIELDS });
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{view.title}</span>
      <h1 className="govuk-heading-l">Record participation</h1>
      <p className="govuk-body">
        Young people and their families take part in their own meetings, or are represented by a person they
        choose, and are told the outcome. Not attending is never recorded as a failing.
      </p>
      <form onSubmit={submit} noValidate>
        <Radios
          name="participant.kind"
          legend="Who this is about"
          legendClassName="govuk-fieldset__legend--m"
          options={[
            { value: 'young_person', label: 'The young person' },
            { value: 'family_member', label: 'A family member' },
          ]}
          value={kind}
          onChange={setKind}
        />
        {kind === 'family_member' && (
          <>
            <TextInput
              name="participant.name"
              label="Their name"
              error={errors.byField['participant.name']}
              value={name}
              onChange={setName}
            />
            <TextInput
              name="participant.relationship"
              label="Their relationship to the child"
              hint="For example, mother, grandparent, foster carer"
              error={errors.byField['participant.relationship']}
              value={relationship}
              onChange={setRelationship}
            />
          </>
        )}
        <Radios
          name="participation"
          legend="How they took part"
          legendClassName="govuk-fieldset__legend--m"
          error={errors.byField.participation}
          options={Object.entries(config.options.participation).map(([value, label]) => ({ value, label }))}
          value={participation}
          onChange={setParticipation}
        />
        {participation === 'attended_part' && (
          <TextAreaWithAssistant
            name="partAttended"
            field="participation.partAttended"
            label="Which part they took part in"
            hint="For example, the part where the plan of support and protection was discussed and decided"
            error={errors.byField.partAttended}
            value={partAttended}
            onChange={setPartAttended}
          />
        )}
        {participation === 'represented' && (
          <>
            <TextInput
              name="representedBy.name"
              label="Name of the person they chose"
              error={errors.byField['representedBy.name']}
              value={repName}
              onChange={setRepName}
            />
            <TextInput
              name="representedBy.relationshipOrRole"
              label="Relationship or role of the person they chose"
              hint="For example, advocate, aunt, youth worker"
              error={errors.byField['representedBy.relationshipOrRole']}
              value={repRole}
              onChange={setRepRole}
            />
            <Radios
              name="representedBy.chosenBy"
              legend="Who chose them"
              error={errors.byField['representedBy.chosenBy']}
              options={REPRESENTED_CHOSEN_BY}
              value={repChosenBy}
              onChange={setRepChosenBy}
              small
            />
          </>
        )}
        {participation === 'not_invited' && (
          <>
            <Radios
              name="notInvited.reason"
              legend="Why they were not invited"
              error={errors.byField['notInvited.reason']}
              options={config.participation.notInvitedReasons.map((r) => ({ value: r.id, label: r.label }))}
              value={reason}
              onChange={setReason}
            />
            <TextAreaWithAssistant
              name="notInvited.explanation"
              field="participation.notInvited.explanation"
              label="Explanation"
              hint="In words that could be shared with them later"
              error={errors.byField['notInvited.explanation']}
              value={explanation}
              onChange={setExplanation}
            />
          </>
        )}
        <Radios
          name="viewsShared.how"
          legend="How their views reached the meeting (optional)"
          error={errors.byField['viewsShared.how']}
          options={Object.entries(config.options.viewsShared).map(([value, label]) => ({ value, label }))}
          value={viewsHow}
          onChange={setViewsHow}
          small
        />
        {viewsHow && viewsHow !== 'not_shared' && (
          <TextAreaWithAssistant
            name="viewsShared.summary"
            field="participation.viewsShared.summary"
            label="Their views (optional)"
            hint="In their own words where you can"
            error={errors.byField['viewsShared.summary']}
            value={views}
            onChange={setViews}
          />
        )}
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            Telling them the outcome (once they have been told)
          </legend>
          <Select
            name="toldOutcome.by"
            label="Who told them the outcome"
            placeholder="Not told yet"
            error={errors.byField['toldOutcome.by']}
            value={toldBy}
            onChange={setToldBy}
            options={invitations.map((i) => ({
              value: i.id,
              label: `${i.person.name}, ${i.agencyName ?? i.agencyType}`,
            }))}
          />
          <TextInput
            name="toldOutcome.date"
            label="Date they were told"
            hint="For example, 2026-12-03"
            widthClassName="govuk-input--width-10"
            error={errors.byField['toldOutcome.date']}
            value={toldDate}
            onChange={setToldDate}
          />
          <TextInput
            name="toldOutcome.time"
            label="Time they were told (UK time, optional)"
            hint="For example, 16:30"
            widthClassName="govuk-input--width-5"
            error={errors.byField['toldOutcome.time']}
            value={toldTime}
            onChange={setToldTime}
          />
          <Radios
            name="toldOutcome.how"
            legend="How they were told"
            error={errors.byField['toldOutcome.how']}
            options={config.participation.toldOutcomeHow.map((h) => ({ value: h.id, label: h.label }))}
            value={toldHow}
            onChange={setToldHow}
            small
          />
          <TextAreaWithAssistant
            name="toldOutcome.summary"
            field="participation.toldOutcome.summary"
            label="What they were told (optional)"
            error={errors.byField['toldOutcome.summary']}
            value={toldSummary}
            onChange={setToldSummary}
          />
        </fieldset>
        <button type="submit" className="govuk-button">
          Save participation
        </button>
      </form>
    </>
  );
}

export function Participation() {
  const { id = '' } = useParams();
  const data = useApiData(() => Promise.all([maceApi.meeting(id), maceApi.config()]), [id]);
  return (
    <>
      <BackLink to={`/meetings/${id}`}>Back to the meeting</BackLink>
      {data.state === 'loading' && <Loading />}
      {data.state === 'failed' && <LoadFailure error={data.error} />}
      {data.state === 'loaded' &&
        (() => {
          const [view, config] = data.data;
          if (!view.canManage) {
            return (
              <p className="govuk-body">
                Only the chair or the worker carrying the case records participation.
              </p>
            );
          }
          if (
            !config.meetingTypes[view.type as keyof MaceConfig['meetingTypes']]?.youngPersonAndFamilyTakePart
          ) {
            return (
              <p className="govuk-body">
                Participation is recorded for the young person’s own strategy and review meetings, not for the{' '}
                {view.typeLabel}.
              </p>
            );
          }
          return <Form view={view} config={config} />;
        })()}
    </>
  );
}
