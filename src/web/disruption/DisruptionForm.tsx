/**
 * Record a disruption measure against a person, place or other record, protecting named children. The
 * eligibility rules are checked as the form is filled in ("Check the rules"), each with its source; the
 * server refuses, naming the rule, a measure that cannot be used.
 */
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { DateInput, type DateParts, EMPTY_DATE, isoDate } from '../children/fields.tsx';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Checkboxes, Radios, Select } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, type FlashState, LoadFailure, Loading } from '../components/ui.tsx';
import { contextsApi } from '../contexts/api.ts';
import { lines, useContextReference } from '../contexts/parts.tsx';
import { type Picked, RecordPicker } from '../contexts/RecordPicker.tsx';
import { type DisruptionInput, disruptionApi, type EligibilityView } from './api.ts';
import { EligibilityPanel } from './parts.tsx';

const QUESTIONS: [string, string][] = [
  ['judgements.necessaryToProtect', 'Is the order necessary to protect a person or the public from harm?'],
  [
    'judgements.significantHarmLikely',
    'Is the child likely to suffer significant harm without the court’s intervention?',
  ],
  ['judgements.orderWillHelpPrevent', 'Will the order help prevent the behaviour?'],
  ['judgements.futureSlaveryOffenceRisk', 'Might the person commit a modern slavery offence in future?'],
  ['judgements.exclusionStopsHarm', 'Would excluding the person stop the child suffering significant harm?'],
  [
    'judgements.premisesUsedForExploitation',
    'Have the premises been, or will they be, used for child sexual exploitation?',
  ],
  ['subject.sexualActDone', 'Has the person done an act of a sexual nature?'],
  [
    'subject.actedCreatingSlaveryRisk',
    'Has the person acted in a way that creates a risk of a slavery or trafficking offence?',
  ],
  [
    'subject.harassmentAlarmDistress',
    'Did the person’s behaviour cause, or was it likely to cause, harassment, alarm or distress?',
  ],
  ['subject.associatedWithChild', 'Is the person “associated” with the child (for a non-molestation order)?'],
  ['targetLicensed', 'Does the person, premises or vehicle hold a licence?'],
  ['exclusionAreaDefined', 'Is the area the person is to be excluded from defined?'],
  [
    'proceedings.careOrEmergencyProtectionApplication',
    'Is there an application for an interim care order or emergency protection order?',
  ],
  ['traffickingConcern', 'Are there concerns the named children have been trafficked?'],
  ['steps.youthOffendingTeamConsulted', 'Has the youth offending team been consulted (a person under 18)?'],
  ['steps.youthOffendingTeamViewsObtained', 'Have the youth offending team’s views been obtained?'],
  ['steps.welfareAssessmentDone', 'Has a structured assessment, with the person’s welfare first, been made?'],
  ['steps.otherOrdersConsidered', 'Have other orders and sentences already in place been considered?'],
  ['steps.interventionsOffered', 'Have interventions been offered to reduce the behaviour?'],
];

const OFFENCES = [
  { value: 'sexual:conviction', label: 'Conviction for a sexual offence' },
  { value: 'sexual:caution', label: 'Caution for a sexual offence' },
  { value: 'violent:conviction', label: 'Conviction for a violent offence' },
  { value: 'slavery_or_trafficking:conviction', label: 'Conviction for a slavery or trafficking offence' },
  { value: 'other:conviction', label: 'Conviction for another offence' },
  { value: 'none', label: 'None' },
];

const FIELDS = {
  measure: 'Measure',
  applicant: 'Who is applying or issuing it',
  protectedChildIds: 'Children it protects',
  status: 'Where it has got to',
  requestedOn: 'Requested on',
  issuedOn: 'Issued on',
  servedOn: 'Served on',
  expiresOn: 'Expires on',
  conditions: 'Conditions',
  sensitivity: 'Label',
  eligibility: 'Eligibility',
  targetId: 'Against',
};

function factsOf(answers: Record<string, string>, offences: string[], childIds: string[], rank: string) {
  const facts: Record<string, Record<string, unknown> | unknown> = {};
  const put = (path: string, value: unknown) => {
    const [a, b] = path.split('.') as [string, string | undefined];
    if (!b) facts[a] = value;
    else facts[a] = { ...((facts[a] as object) ?? {}), [b]: value };
  };
  for (const [path, answer] of Object.entries(answers)) {
    if (!answer) continue;
    const value = answer === 'yes';
    if (path === 'traffickingConcern')
      facts.children = childIds.map((id) => ({ id, traffickingConcern: value }));
    else put(path, value);
  }
  if (offences.length) {
    put(
      'subject.offences',
      offences.includes('none')
        ? []
        : offences.map((o) => {
            const [category, outcome] = o.split(':');
            return { category, outcome };
          }),
    );
  }
  if (rank) facts.issuerPoliceRank = rank;
  return facts;
}

export function DisruptionForm() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const targetId = params.get('target');
  const reference = useApiData(() => disruptionApi.reference(), []);
  const contextReference = useContextReference();
  const target = useApiData(() => (targetId ? contextsApi.get(targetId) : Promise.resolve(null)), [targetId]);
  const [measure, setMeasure] = useState(targetId ? '' : 'nrm_referral');
  const [applicant, setApplicant] = useState('');
  const [children, setChildren] = useState<Picked[]>([]);
  const [status, setStatus] = useState('proposed');
  const [dates, setDates] = useState<Record<string, DateParts>>({
    requestedOn: EMPTY_DATE,
    issuedOn: EMPTY_DATE,
    servedOn: EMPTY_DATE,
    expiresOn: EMPTY_DATE,
  });
  const [conditions, setConditions] = useState('');
  const [sensitivity, setSensitivity] = useState('standard');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [offences, setOffences] = useState<string[]>([]);
  const [rank, setRank] = useState('');
  const [checked, setChecked] = useState<EligibilityView | null>(null);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Record disruption', hasErrors);
  const back = targetId ? `/contexts/${targetId}` : '/disruption';

  if (reference.state !== 'loaded' || target.state !== 'loaded' || contextReference.state !== 'loaded') {
    return (
      <>
        <BackLink to={back} />
        <h1 className="govuk-heading-l">Record disruption</h1>
        {reference.state === 'failed' && <LoadFailure error={reference.error} />}
        {target.state === 'failed' && <LoadFailure error={target.error} />}
        {(reference.state === 'loading' || target.state === 'loading') && <Loading />}
      </>
    );
  }
  const context = target.data?.context;
  const targetKind = context?.kind === 'person_of_concern' ? 'person' : context?.kind;
  const measures = reference.data.measures.filter((m) =>
    targetKind ? m.against.includes(targetKind) : m.against.includes('none'),
  );
  const chosen = reference.data.measures.find((m) => m.id === measure);
  const childIds = children.map((c) => c.id);

  const body = (): DisruptionInput => ({
    measure: measure as DisruptionInput['measure'],
    ...(targetId ? { targetId } : {}),
    protectedChildIds: childIds,
    applicant: applicant as DisruptionInput['applicant'],
    status: status as DisruptionInput['status'],
    ...Object.fromEntries(Object.entries(dates).flatMap(([k, v]) => (isoDate(v) ? [[k, isoDate(v)]] : []))),
    ...(lines(conditions).length ? { conditions: lines(conditions) } : {}),
    sensitivity: sensitivity as DisruptionInput['sensitivity'],
    facts: factsOf(answers, offences, childIds, rank) as DisruptionInput['facts'],
  });
  const check = async () => {
    try {
      setChecked((await disruptionApi.eligibility(body())).eligibility);
    } catch (error) {
      show(error, { fields: FIELDS });
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const { disruption } = await disruptionApi.create(body());
      const state: FlashState = {
        flash: { success: true, heading: `${disruption.measureName} recorded`, body: disruption.statusName },
      };
      navigate(`/disruption/${disruption.id}`, { state });
    } catch (error) {
      show(error, { fields: FIELDS });
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={back} />
        <ErrorSummary errors={errors} />
        {context && <span className="govuk-caption-l">Against {context.name}</span>}
        <h1 className="govuk-heading-l">Record disruption</h1>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <Radios
            name="measure"
            legend={FIELDS.measure}
            options={measures.map((m) => ({ value: m.id, label: m.name, hint: m.purpose }))}
            value={measure}
            onChange={setMeasure}
            error={errors.byField.measure}
          />
          {chosen && <p className="govuk-body-s">Typical duration: {chosen.typicalDuration}</p>}
          <Select
            name="applicant"
            label={FIELDS.applicant}
            placeholder="Choose…"
            options={reference.data.applicants
              .filter(
                (a) =>
                  !chosen ||
                  chosen.applicants.includes(a.id) ||
                  a.id === 'police' ||
                  a.id === 'local_authority',
              )
              .map((a) => ({ value: a.id, label: a.name }))}
            value={applicant}
            onChange={setApplicant}
            error={errors.byField.applicant}
          />
          {children.length > 0 && (
            <ul className="govuk-list">
              {children.map((c) => (
                <li key={c.id}>
                  {c.name}{' '}
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    onClick={() => setChildren(children.filter((x) => x.id !== c.id))}
                  >
                    Remove<span className="govuk-visually-hidden"> {c.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <RecordPicker
            name="protectedChildIds"
            what="child"
            label={children.length ? 'Add another child it protects' : FIELDS.protectedChildIds}
            picked={null}
            onPick={(p) => p && !childIds.includes(p.id) && setChildren([...children, p])}
            error={errors.byField.protectedChildIds}
          />
          <Select
            name="status"
            label={FIELDS.status}
            options={reference.data.statuses
              .filter((s) => ['proposed', 'requested', 'issued', 'served'].includes(s.id))
              .map((s) => ({ value: s.id, label: s.name }))}
            value={status}
            onChange={setStatus}
            error={errors.byField.status}
          />
          {(['requestedOn', 'issuedOn', 'servedOn', 'expiresOn'] as const).map((k) => (
            <DateInput
              key={k}
              name={k}
              legend={`${FIELDS[k]} (if it has happened)`}
              value={dates[k] ?? EMPTY_DATE}
              onChange={(v) => setDates({ ...dates, [k]: v })}
              error={errors.byField[k]}
            />
          ))}
          {chosen?.hasConditions && (
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="conditions">
                {FIELDS.conditions} (one per line)
              </label>
              <textarea
                className="govuk-textarea"
                id="conditions"
                name="conditions"
                rows={3}
                value={conditions}
                onChange={(e) => setConditions(e.target.value)}
              />
            </div>
          )}
          <h2 className="govuk-heading-m">What is known</h2>
          <p className="govuk-body">
            Answer what you can. Lantern checks the rules against what is recorded; it does not make the
            judgements.
          </p>
          <Checkboxes
            name="offences"
            legend="The person’s convictions and cautions"
            options={OFFENCES}
            values={offences}
            onChange={setOffences}
            small
          />
          {QUESTIONS.map(([path, question]) => (
            <Radios
              key={path}
              name={path}
              legend={question}
              options={[
                { value: 'yes', label: 'Yes' },
                { value: 'no', label: 'No' },
                { value: '', label: 'Not known' },
              ]}
              value={answers[path] ?? ''}
              onChange={(v) => setAnswers({ ...answers, [path]: v })}
              small
            />
          ))}
          <Select
            name="issuerPoliceRank"
            label="Rank of the issuing police officer (if police)"
            placeholder="Not known"
            options={reference.data.policeRanks.map((r) => ({ value: r, label: r.replaceAll('_', ' ') }))}
            value={rank}
            onChange={setRank}
          />
          <Radios
            name="sensitivity"
            legend={FIELDS.sensitivity}
            options={contextReference.data.sensitivity
              .filter((s) => s.usable)
              .map((s) => ({ value: s.id, label: s.name }))}
            value={sensitivity}
            onChange={setSensitivity}
            error={errors.byField.sensitivity}
          />
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void check()}>
            Check the rules
          </button>
          {checked && <EligibilityPanel eligibility={checked} />}
          <div>
            <button type="submit" className="govuk-button">
              Save
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
