/** One disruption record: what, against whom, protecting whom, dates, conditions, breaches and what next. */
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { DateInput, type DateParts, EMPTY_DATE, FreeText, isoDate } from '../children/fields.tsx';
import { formatDate } from '../children/format.ts';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Select } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, LoadFailure, Loading, SummaryList, Table, WarningText } from '../components/ui.tsx';
import { type DisruptionView, disruptionApi } from './api.ts';
import { EligibilityPanel } from './parts.tsx';

function NextStep({ d, onDone }: { d: DisruptionView; onDone(): void }) {
  const [to, setTo] = useState('');
  const [on, setOn] = useState<DateParts>(EMPTY_DATE);
  const [expires, setExpires] = useState<DateParts>(EMPTY_DATE);
  const [outcome, setOutcome] = useState('');
  const { errors, show } = useFormErrors();
  const fields = {
    to: 'Next step',
    on: 'On',
    expiresOn: 'Expires on',
    outcome: 'Outcome',
    eligibility: 'Eligibility',
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await disruptionApi.setStatus(d.id, {
        to,
        ...(isoDate(on) ? { on: isoDate(on) } : {}),
        ...(isoDate(expires) ? { expiresOn: isoDate(expires) } : {}),
        ...(outcome.trim() ? { outcome: outcome.trim() } : {}),
      });
      setTo('');
      onDone();
    } catch (error) {
      show(error, { fields });
    }
  };
  if (d.nextStatuses.length === 0) return null;
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <h2 className="govuk-heading-m">What happened next</h2>
      <ErrorSummary errors={errors} />
      <Select
        name="to"
        label={fields.to}
        placeholder="Choose…"
        options={d.nextStatuses.map((s) => ({ value: s.id, label: s.name }))}
        value={to}
        onChange={setTo}
        error={errors.byField.to}
      />
      <DateInput
        name="on"
        legend="On (leave empty for today)"
        value={on}
        onChange={setOn}
        error={errors.byField.on}
      />
      {to === 'issued' && (
        <DateInput
          name="expiresOn"
          legend="Expires on (if it has an expiry date)"
          value={expires}
          onChange={setExpires}
          error={errors.byField.expiresOn}
        />
      )}
      <FreeText
        name="outcome"
        label="Outcome (needed when it ends)"
        field="disruption.outcome"
        rows={2}
        value={outcome}
        onChange={setOutcome}
        error={errors.byField.outcome}
      />
      <button type="submit" className="govuk-button govuk-button--secondary">
        Save the step
      </button>
    </form>
  );
}

function Breaches({ d, onDone }: { d: DisruptionView; onDone(): void }) {
  const [date, setDate] = useState<DateParts>(EMPTY_DATE);
  const [description, setDescription] = useState('');
  const [responses, setResponses] = useState<Record<string, string>>({});
  const { errors, show } = useFormErrors();
  const fields = { date: 'When', description: 'What happened', response: 'The response' };
  const record = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await disruptionApi.recordBreach(d.id, { date: isoDate(date), description });
      setDescription('');
      setDate(EMPTY_DATE);
      onDone();
    } catch (error) {
      show(error, { fields });
    }
  };
  const respond = async (breachId: string) => {
    try {
      await disruptionApi.respond(d.id, breachId, responses[breachId] ?? '');
      onDone();
    } catch (error) {
      show(error, { fields });
    }
  };
  return (
    <section aria-labelledby="breaches-heading">
      <h2 className="govuk-heading-m" id="breaches-heading">
        Breaches
      </h2>
      <ErrorSummary errors={errors} />
      {d.breaches.length === 0 ? (
        <p className="govuk-body">None recorded.</p>
      ) : (
        <Table
          caption="Breaches"
          captionClassName="govuk-table__caption--s"
          columns={[{ heading: 'When' }, { heading: 'What happened' }, { heading: 'Response' }]}
          rows={d.breaches.map((b) => ({
            key: b.id,
            cells: [
              formatDate(b.date),
              `${b.description} (recorded by ${b.recordedBy})`,
              b.response ?? (
                <span key="r">
                  <label className="govuk-label" htmlFor={`response-${b.id}`}>
                    The response
                  </label>
                  <input
                    className="govuk-input"
                    id={`response-${b.id}`}
                    value={responses[b.id] ?? ''}
                    onChange={(e) => setResponses({ ...responses, [b.id]: e.target.value })}
                  />
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-top-2"
                    onClick={() => void respond(b.id)}
                  >
                    Save the response
                    <span className="govuk-visually-hidden"> to the breach on {formatDate(b.date)}</span>
                  </button>
                </span>
              ),
            ],
          }))}
        />
      )}
      {d.permissions.manage && (
        <form noValidate onSubmit={(event) => void record(event)}>
          <h3 className="govuk-heading-s">Record a breach</h3>
          <DateInput
            name="date"
            legend={fields.date}
            value={date}
            onChange={setDate}
            error={errors.byField.date}
          />
          <FreeText
            name="description"
            label={fields.description}
            field="disruption.breach"
            rows={2}
            value={description}
            onChange={setDescription}
            error={errors.byField.description}
          />
          <button type="submit" className="govuk-button govuk-button--secondary">
            Record the breach
          </button>
        </form>
      )}
    </section>
  );
}

export function DisruptionPage() {
  const { id = '' } = useParams();
  const loaded = useApiData(() => disruptionApi.get(id), [id]);
  const d = loaded.data?.disruption;
  usePageTitle(d ? d.measureName : 'Disruption');
  if (!d) {
    return (
      <>
        <BackLink to="/disruption">Back to disruption</BackLink>
        <h1 className="govuk-heading-l">Disruption</h1>
        {loaded.state === 'failed' && <LoadFailure error={loaded.error} />}
        {loaded.state === 'loading' && <Loading />}
      </>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={d.target ? `/contexts/${d.target.id}` : '/disruption'}>Back</BackLink>
        <span className="govuk-caption-l">{d.statusName}</span>
        <h1 className="govuk-heading-l">{d.measureName}</h1>
        <p className="govuk-body">{d.measurePurpose}</p>
        {d.warnings.map((w) => (
          <WarningText key={w.rule}>{w.message}</WarningText>
        ))}
        <SummaryList
          rows={[
            ...(d.target
              ? [
                  {
                    key: 'Against',
                    value: (
                      <Link className="govuk-link" to={`/contexts/${d.target.id}`}>
                        {d.target.name}
                      </Link>
                    ),
                  },
                ]
              : []),
            {
              key: 'Protecting',
              value: d.protectedChildren.length
                ? d.protectedChildren.map((c) => c.name).join(', ')
                : 'No named child',
            },
            { key: 'Lead agency', value: d.leadAgency.name },
            { key: 'Owner', value: d.owner.name },
            ...(['requestedOn', 'issuedOn', 'servedOn', 'expiresOn'] as const).flatMap((k) =>
              d[k]
                ? [
                    {
                      key: {
                        requestedOn: 'Requested',
                        issuedOn: 'Issued',
                        servedOn: 'Served',
                        expiresOn: 'Expires',
                      }[k],
                      value: formatDate(d[k]),
                    },
                  ]
                : [],
            ),
            ...(d.untilFurtherOrder ? [{ key: 'Duration', value: 'Until further order' }] : []),
            ...(d.conditions.length
              ? [
                  {
                    key: 'Conditions',
                    value: (
                      <ul className="govuk-list govuk-list--bullet">
                        {d.conditions.map((c) => (
                          <li key={c}>{c}</li>
                        ))}
                      </ul>
                    ),
                  },
                ]
              : []),
            ...(d.outcome ? [{ key: 'Outcome', value: d.outcome }] : []),
            { key: 'Recorded', value: `${d.createdBy}, ${formatDate(d.createdAt.slice(0, 10))}` },
          ]}
        />
        <h2 className="govuk-heading-m">Eligibility</h2>
        <EligibilityPanel eligibility={d.eligibility} />
        {d.permissions.manage && <NextStep d={d} onDone={loaded.reload} />}
        <Breaches d={d} onDone={loaded.reload} />
      </div>
    </div>
  );
}
