import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api.ts';
import { useApiData } from '../components/data.ts';
import { Select } from '../components/fields.tsx';
import { formatDateTime } from '../components/format.ts';
import { ButtonLink, LoadFailure, Loading } from '../components/ui.tsx';
import { type ChronologyFilter, childrenApi, type Entry } from './api.ts';
import { DateInput, type DateParts, datePartsOf, isoDate } from './fields.tsx';
import { formatWhen } from './format.ts';
import { possessive, useChildContext, VerificationTag } from './record.tsx';
import { CHRONOLOGY_KIND_NAMES, nameOf } from './words.ts';

function recordLink(childId: string, entry: Entry): { to: string; text: string } | null {
  const record = entry.record;
  if (!record) return null;
  if (record.type === 'referral') return { to: `/referrals/${record.id}`, text: 'See the referral' };
  if (record.type === 'note')
    return { to: `/children/${childId}/notes/${record.id}`, text: 'See the case note' };
  if (record.type === 'flag') return { to: `/children/${childId}/flags`, text: 'See the flag' };
  return null;
}

function filterFrom(params: URLSearchParams): ChronologyFilter {
  return {
    kinds: params.get('kinds') ?? undefined,
    agencyId: params.get('agencyId') ?? undefined,
    verification: params.get('verification') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
}

function Filters({ filter, onApply }: { filter: ChronologyFilter; onApply(filter: ChronologyFilter): void }) {
  const { reference } = useChildContext();
  const agencies = useApiData(() => api.agencies(), []);
  const [kinds, setKinds] = useState(filter.kinds ?? '');
  const [agencyId, setAgencyId] = useState(filter.agencyId ?? '');
  const [verification, setVerification] = useState(filter.verification ?? '');
  const [from, setFrom] = useState<DateParts>(datePartsOf(filter.from));
  const [to, setTo] = useState<DateParts>(datePartsOf(filter.to));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply({ kinds, agencyId, verification, from: isoDate(from), to: isoDate(to) });
  };

  return (
    <form
      noValidate
      className="lantern-filter lantern-filter--chronology"
      onSubmit={apply}
      aria-label="Filter the chronology"
    >
      <Select
        name="kinds"
        label="Kind of entry"
        labelClassName="govuk-label--s"
        placeholder="All kinds"
        options={Object.entries(CHRONOLOGY_KIND_NAMES).map(([value, label]) => ({ value, label }))}
        value={kinds}
        onChange={setKinds}
      />
      <Select
        name="agencyId"
        label="Agency"
        labelClassName="govuk-label--s"
        placeholder="All agencies"
        options={(agencies.data?.agencies ?? []).map((agency) => ({ value: agency.id, label: agency.name }))}
        value={agencyId}
        onChange={setAgencyId}
      />
      <Select
        name="verification"
        label="Verification"
        labelClassName="govuk-label--s"
        placeholder="Verified or not"
        options={reference?.verificationStatuses ?? []}
        value={verification}
        onChange={setVerification}
      />
      <DateInput name="from" legend="From" value={from} onChange={setFrom} />
      <DateInput name="to" legend="To" value={to} onChange={setTo} />
      <button type="submit" className="govuk-button govuk-button--secondary">
        Apply filters
      </button>
    </form>
  );
}

export function ChronologyPage() {
  const { child } = useChildContext();
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const chronology = useApiData(
    () => childrenApi.chronology(child.id, filter),
    [child.id, params.toString()],
  );
  const filtered = Object.values(filter).some(Boolean);
  const base = `/children/${child.id}`;

  const apply = (next: ChronologyFilter) => {
    const search: Record<string, string> = {};
    for (const [key, value] of Object.entries(next)) if (value) search[key] = value;
    setParams(search);
  };

  return (
    <>
      <h2 className="govuk-heading-m">Chronology</h2>
      <p className="govuk-body">
        Significant events from every agency, in the order they happened. Each says who it comes from and
        whether it has been verified. Unverified information is marked wherever it is shown: check it before
        you rely on it or repeat it.
      </p>
      {chronology.data && (
        <div className="govuk-button-group">
          {chronology.data.permissions.addEntry && (
            <ButtonLink to={`${base}/chronology/new`}>Add a significant event</ButtonLink>
          )}
          {chronology.data.permissions.export && (
            <a className="govuk-link" href={childrenApi.chronologyPdfHref(child.id, filter)} download>
              Download {filtered ? 'these entries' : 'the chronology'} as a PDF
            </a>
          )}
        </div>
      )}
      <Filters key={params.toString()} filter={filter} onApply={apply} />
      {filtered && (
        <p className="govuk-body">
          <Link className="govuk-link" to={`${base}/chronology`}>
            Clear the filters
          </Link>
        </p>
      )}
      {chronology.state === 'loading' && <Loading />}
      {chronology.state === 'failed' && <LoadFailure error={chronology.error} />}
      {chronology.state === 'loaded' &&
        (chronology.data.entries.length === 0 ? (
          <p className="govuk-body">
            {filtered
              ? 'No entries you can see match these filters.'
              : 'There are no entries you can see yet.'}
          </p>
        ) : (
          <table className="govuk-table lantern-chronology">
            <caption className="govuk-table__caption govuk-table__caption--s">
              {possessive(child.displayName)} chronology{filtered ? ', filtered' : ''}:{' '}
              {chronology.data.entries.length} {chronology.data.entries.length === 1 ? 'entry' : 'entries'}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  When
                </th>
                <th scope="col" className="govuk-table__header">
                  What happened
                </th>
                <th scope="col" className="govuk-table__header">
                  Source
                </th>
                <th scope="col" className="govuk-table__header">
                  Verification and label
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {chronology.data.entries.map((entry) => {
                const link = recordLink(child.id, entry);
                return (
                  <tr key={entry.id} className="govuk-table__row" data-verification={entry.verification}>
                    <td className="govuk-table__cell">
                      {formatWhen(entry.occurredAt)}
                      <span className="govuk-!-display-block govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0">
                        Recorded {formatDateTime(entry.recordedAt)}
                      </span>
                    </td>
                    <td className="govuk-table__cell">
                      <span className="govuk-caption-m lantern-entry-kind">
                        {nameOf(CHRONOLOGY_KIND_NAMES, entry.kind)}
                      </span>
                      <strong>{entry.title}</strong>
                      <span className="govuk-!-display-block lantern-pre-wrap">{entry.summary}</span>
                      {link && (
                        <Link className="govuk-link govuk-!-font-size-16" to={link.to}>
                          {link.text}
                        </Link>
                      )}
                    </td>
                    <td className="govuk-table__cell">
                      {entry.source}
                      {(entry.sourceAgency || entry.author) && (
                        <span className="govuk-!-display-block govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0">
                          Recorded by{' '}
                          {[entry.author?.name, entry.sourceAgency?.name].filter(Boolean).join(', ')}
                        </span>
                      )}
                    </td>
                    <td className="govuk-table__cell">
                      <span className="lantern-tags">
                        <VerificationTag verification={entry.verification} name={entry.verificationName} />
                        <span className="govuk-!-font-size-16">Label: {entry.sensitivityName}</span>
                      </span>
                      {entry.lastVerificationChange && (
                        <span className="govuk-!-display-block govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0">
                          {entry.lastVerificationChange.decidedBy.name},{' '}
                          {formatDateTime(entry.lastVerificationChange.decidedAt)}:{' '}
                          {entry.lastVerificationChange.reason}
                        </span>
                      )}
                      {chronology.data.permissions.setVerification && (
                        <Link
                          className="govuk-link govuk-!-font-size-16 govuk-!-display-block"
                          to={`${base}/chronology/${entry.id}/verification`}
                        >
                          Change verification
                          <span className="govuk-visually-hidden"> of “{entry.title}”</span>
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ))}
    </>
  );
}
