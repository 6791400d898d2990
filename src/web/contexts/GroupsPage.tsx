/**
 * The MACE group view: children connected through the people, places and groups they share, with their
 * levels of concern and open actions; then the places and persons linked to most children, never
 * without the caveat that counts show where agencies looked.
 */
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DateInput, type DateParts, datePartsOf, isoDate } from '../children/fields.tsx';
import { formatDate, todayInUk } from '../children/format.ts';
import { useApiData } from '../components/data.ts';
import { Select } from '../components/fields.tsx';
import { usePageTitle } from '../components/page.ts';
import { BackLink, InsetText, LoadFailure, Loading, Table } from '../components/ui.tsx';
import { contextsApi } from './api.ts';
import { useContextReference } from './parts.tsx';
import './contexts.css';

const yearAgo = () => {
  const d = new Date(`${todayInUk()}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString().slice(0, 10);
};

export function GroupsPage() {
  usePageTitle('MACE group view');
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? yearAgo();
  const to = params.get('to') ?? todayInUk();
  const minSource = params.get('minSource') ?? '';
  const minIntelligence = params.get('minIntelligence') ?? '';
  const reference = useContextReference();
  const view = useApiData(
    () =>
      contextsApi.groups({
        from,
        to,
        ...(minSource && minIntelligence ? { minSource, minIntelligence } : {}),
      }),
    [from, to, minSource, minIntelligence],
  );
  const [fromParts, setFrom] = useState<DateParts>(datePartsOf(from));
  const [toParts, setTo] = useState<DateParts>(datePartsOf(to));
  const [source, setSource] = useState(minSource);
  const [intelligence, setIntelligence] = useState(minIntelligence);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams({ from: isoDate(fromParts) ?? from, to: isoDate(toParts) ?? to });
    if (source && intelligence) {
      next.set('minSource', source);
      next.set('minIntelligence', intelligence);
    }
    setParams(next);
  };
  const names = new Map<string, string>();
  for (const g of view.data?.groups ?? []) for (const c of g.children) names.set(c.id, c.name);

  return (
    <>
      <BackLink to="/contexts">Back to contexts</BackLink>
      <h1 className="govuk-heading-l">MACE group view</h1>
      <p className="govuk-body">
        Children linked to the same person of concern, place or peer group are shown together, so their
        assessments can be read as a group. Attending the same school does not, on its own, join children.
      </p>
      <form className="lantern-network__controls" noValidate onSubmit={apply} aria-label="Period and grade">
        <DateInput name="from" legend="Links seen from" value={fromParts} onChange={setFrom} />
        <DateInput name="to" legend="Up to" value={toParts} onChange={setTo} />
        <Select
          name="minSource"
          label="Least reliable source"
          placeholder="Default"
          options={(reference.data?.grading.sourceEvaluations ?? []).map((g) => ({
            value: g.id,
            label: `${g.id} — ${g.name}`,
          }))}
          value={source}
          onChange={setSource}
        />
        <Select
          name="minIntelligence"
          label="Least certain information"
          placeholder="Default"
          options={(reference.data?.grading.intelligenceAssessments ?? []).map((g) => ({
            value: g.id,
            label: `${g.id} — ${g.name}`,
          }))}
          value={intelligence}
          onChange={setIntelligence}
        />
        <button type="submit" className="govuk-button">
          Show
        </button>
      </form>
      {view.state === 'loading' && <Loading />}
      {view.state === 'failed' && <LoadFailure error={view.error} />}
      {view.data && (
        <>
          <p className="govuk-body">
            Links seen between {formatDate(view.data.period.from)} and {formatDate(view.data.period.to)}.{' '}
            {view.data.minimumGrade.explanation}
          </p>
          <h2 className="govuk-heading-m">Connected groups of children ({view.data.groups.length})</h2>
          {view.data.groups.length === 0 && (
            <p className="govuk-body">
              No children are connected in this period among the records you can see.
            </p>
          )}
          {view.data.groups.map((g, i) => (
            <section
              key={g.children.map((c) => c.id).join()}
              className="govuk-summary-card"
              aria-labelledby={`group-${i}`}
            >
              <div className="govuk-summary-card__title-wrapper">
                <h3 className="govuk-summary-card__title" id={`group-${i}`}>
                  Group {i + 1}: {g.children.length} children
                </h3>
              </div>
              <div className="govuk-summary-card__content">
                <Table
                  caption="Children"
                  captionClassName="govuk-table__caption--s"
                  columns={[
                    { heading: 'Child' },
                    { heading: 'Level of concern' },
                    { heading: 'Open actions', numeric: true },
                  ]}
                  rows={g.children.map((c) => ({
                    key: c.id,
                    cells: [
                      <Link key="c" className="govuk-link" to={`/network?centre=${c.id}`}>
                        {c.name}
                      </Link>,
                      c.levelOfConcern
                        ? `${c.levelOfConcern}${c.assessedOn ? ` (assessed ${formatDate(c.assessedOn)})` : ''}`
                        : 'No completed assessment',
                      String(c.openActions),
                    ],
                  }))}
                />
                <p className="govuk-body govuk-!-font-weight-bold">What they share</p>
                <ul className="govuk-list govuk-list--bullet">
                  {g.sharedContexts.map((s) => (
                    <li key={s.id}>
                      <Link className="govuk-link" to={`/contexts/${s.id}`}>
                        {s.name}
                      </Link>{' '}
                      ({s.kindName.toLowerCase()}): {s.childIds.map((id) => names.get(id) ?? '').join(', ')}
                      {s.onMaceAgenda ? '; on the MACE agenda' : ''}
                      {s.openActions ? `; ${s.openActions} open action${s.openActions === 1 ? '' : 's'}` : ''}
                    </li>
                  ))}
                </ul>
              </div>
            </section>
          ))}
          <h2 className="govuk-heading-m">Places and persons linked to most children</h2>
          <InsetText>{view.data.mostLinked.caveat.text}</InsetText>
          {view.data.mostLinked.items.length === 0 ? (
            <p className="govuk-body">None in this period.</p>
          ) : (
            <Table
              caption="Most linked, with the agencies that recorded the links"
              captionClassName="govuk-table__caption--s"
              columns={[
                { heading: 'Record' },
                { heading: 'Children', numeric: true },
                { heading: 'Recorded by' },
              ]}
              rows={view.data.mostLinked.items.map((item) => ({
                key: item.id,
                cells: [
                  <Link key="n" className="govuk-link" to={`/contexts/${item.id}`}>
                    {item.name} ({item.kindName.toLowerCase()})
                  </Link>,
                  String(item.children),
                  item.sourceAgencies.map((a) => `${a.name} (${a.links})`).join(', '),
                ],
              }))}
            />
          )}
          <p className="govuk-body-s">Source of the caveat: {view.data.mostLinked.caveat.source}</p>
        </>
      )}
    </>
  );
}
