/**
 * The network view around a child, a person of concern or a place: controls (steps, dates, kinds,
 * minimum grade), the drawing, a legend in plain English, and the text alternative — every record and
 * link shown, as tables. Only what the viewer may see is ever sent; nothing shows what is hidden.
 */
import { type FormEvent, lazy, Suspense, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DateInput, type DateParts, datePartsOf, isoDate } from '../children/fields.tsx';
import { useApiData } from '../components/data.ts';
import { Checkboxes, Select } from '../components/fields.tsx';
import { usePageTitle } from '../components/page.ts';
import { ButtonLink, LoadFailure, Loading, Table, WarningText } from '../components/ui.tsx';
import { type ContextReference, contextsApi, type NetworkFilters, type NetworkView } from './api.ts';
import { KIND_STYLE } from './graph-style.ts';
import { GradingLegend, LinksTable, recordPath, useContextReference } from './parts.tsx';
import './contexts.css';

/** Cytoscape is large: it is loaded only when a network is shown. */
const NetworkGraph = lazy(() => import('./NetworkGraph.tsx'));

const ALL_KINDS = [
  'child',
  'person_of_concern',
  'place',
  'peer_group',
  'online_space',
  'vehicle',
  'business',
];

function filtersOf(params: URLSearchParams): NetworkFilters {
  return {
    steps: params.get('steps') ?? '2',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    kinds: params.get('kinds')?.split(',').filter(Boolean) ?? [],
    minSource: params.get('minSource') ?? '',
    minIntelligence: params.get('minIntelligence') ?? '',
    outOfView: params.get('outOfView') === 'true',
  };
}

function kindName(kind: string, reference: ContextReference) {
  return kind === 'child' ? 'Child' : (reference.kinds.find((k) => k.id === kind)?.name ?? kind);
}

function Controls({
  filters,
  reference,
  onApply,
}: {
  filters: NetworkFilters;
  reference: ContextReference;
  onApply(f: NetworkFilters): void;
}) {
  const [steps, setSteps] = useState(filters.steps);
  const [from, setFrom] = useState<DateParts>(datePartsOf(filters.from));
  const [to, setTo] = useState<DateParts>(datePartsOf(filters.to));
  const [kinds, setKinds] = useState(filters.kinds.length ? filters.kinds : ALL_KINDS);
  const [minSource, setMinSource] = useState(filters.minSource);
  const [minIntelligence, setMinIntelligence] = useState(filters.minIntelligence);
  const [outOfView, setOutOfView] = useState(filters.outOfView);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      steps,
      from: isoDate(from) ?? '',
      to: isoDate(to) ?? '',
      kinds: kinds.length === ALL_KINDS.length ? [] : kinds,
      minSource,
      minIntelligence,
      outOfView,
    });
  };
  return (
    <form
      className="lantern-network__controls"
      noValidate
      onSubmit={apply}
      aria-label="What the network shows"
    >
      <Select
        name="steps"
        label="How many links away"
        options={['1', '2', '3'].map((s) => ({ value: s, label: s === '1' ? '1 link' : `${s} links` }))}
        value={steps}
        onChange={setSteps}
      />
      <DateInput name="from" legend="Seen from (optional)" value={from} onChange={setFrom} />
      <DateInput name="to" legend="Seen up to (optional)" value={to} onChange={setTo} />
      <Checkboxes
        name="kinds"
        legend="Kinds of record"
        options={ALL_KINDS.map((k) => ({ value: k, label: kindName(k, reference) }))}
        values={kinds}
        onChange={setKinds}
        small
      />
      <Select
        name="minSource"
        label="Least reliable source to show"
        placeholder="Any"
        options={reference.grading.sourceEvaluations.map((g) => ({
          value: g.id,
          label: `${g.id} — ${g.name}`,
        }))}
        value={minSource}
        onChange={setMinSource}
      />
      <Select
        name="minIntelligence"
        label="Least certain information to show"
        placeholder="Any (except suspected false)"
        options={reference.grading.intelligenceAssessments.map((g) => ({
          value: g.id,
          label: `${g.id} — ${g.name}`,
        }))}
        value={minIntelligence}
        onChange={setMinIntelligence}
      />
      <Checkboxes
        name="outOfView"
        legend="Older links"
        options={[
          {
            value: 'yes',
            label: 'Also show unconfirmed links past their review date',
            hint: 'They are not shown by default, so that they do not label a child.',
          },
        ]}
        values={outOfView ? ['yes'] : []}
        onChange={(v) => setOutOfView(v.includes('yes'))}
        small
      />
      <button type="submit" className="govuk-button">
        Show the network
      </button>
    </form>
  );
}

function Legend({ network, reference }: { network: NetworkView; reference: ContextReference }) {
  const kinds = [...new Set(network.nodes.map((n) => n.kind))];
  return (
    <div className="lantern-network__legend">
      <h2 className="govuk-heading-s">Key</h2>
      <ul className="govuk-list">
        {kinds.map((k) => (
          <li key={k}>
            <span className={`lantern-network__swatch lantern-network__swatch--${k}`} aria-hidden="true" />{' '}
            {kindName(k, reference)}: {KIND_STYLE[k]?.words}
          </li>
        ))}
        <li>The record at the centre is larger, with a black border.</li>
        <li>
          A solid line is a confirmed link; a dashed line is unverified; a dotted line is past its review
          date.
        </li>
        <li>
          Each line is labelled with how the records are linked and its grade, for example “Seen with (1B P)”.
        </li>
      </ul>
      <GradingLegend reference={reference} />
    </div>
  );
}

export function NetworkPage() {
  const [params, setParams] = useSearchParams();
  const centre = params.get('centre') ?? '';
  const filters = filtersOf(params);
  const reference = useContextReference();
  const network = useApiData(() => contextsApi.network(centre, filters), [params.toString()]);
  const data = network.data;
  const centreNode = data?.nodes.find((n) => n.isCentre);
  usePageTitle(centreNode ? `Network around ${centreNode.name}` : 'Network');

  const apply = (f: NetworkFilters) => {
    const next = new URLSearchParams({ centre, steps: f.steps });
    if (f.from) next.set('from', f.from);
    if (f.to) next.set('to', f.to);
    if (f.kinds.length) next.set('kinds', f.kinds.join(','));
    if (f.minSource) next.set('minSource', f.minSource);
    if (f.minIntelligence) next.set('minIntelligence', f.minIntelligence);
    if (f.outOfView) next.set('outOfView', 'true');
    setParams(next);
  };

  return (
    <>
      <span className="govuk-caption-l">Network</span>
      <h1 className="govuk-heading-l">{centreNode ? `Around ${centreNode.name}` : 'Network'}</h1>
      {centreNode && (
        <div className="lantern-contexts__actions">
          <Link className="govuk-link" to={recordPath(centreNode.kind, centreNode.id)}>
            Open {centreNode.name}’s record
          </Link>
          {centreNode.kind === 'child' && (
            <ButtonLink to={`/links/new?child=${centreNode.id}`} secondary>
              Link this child to a record
            </ButtonLink>
          )}
        </div>
      )}
      {reference.data && <Controls filters={filters} reference={reference.data} onApply={apply} />}
      {network.state === 'loading' && <Loading />}
      {network.state === 'failed' && <LoadFailure error={network.error} />}
      {data && reference.data && (
        <>
          {data.truncated && (
            <WarningText>
              There are more records within reach than can be drawn: the nearest are shown. Show fewer links
              away, or filter.
            </WarningText>
          )}
          <div className="lantern-network__layout">
            <Suspense fallback={<Loading />}>
              <NetworkGraph network={data} />
            </Suspense>
            <Legend network={data} reference={reference.data} />
          </div>
          <h2 className="govuk-heading-m">The network as a list</h2>
          <p className="govuk-body">The same records and links as the drawing.</p>
          <Table
            caption={`Records (${data.nodes.length})`}
            captionClassName="govuk-table__caption--s"
            columns={[
              { heading: 'Record' },
              { heading: 'Kind' },
              { heading: 'Links from the centre', numeric: true },
            ]}
            rows={data.nodes.map((n) => ({
              key: n.id,
              cells: [
                <Link key="n" className="govuk-link" to={recordPath(n.kind, n.id)}>
                  {n.name}
                </Link>,
                n.childFirst
                  ? `${kindName(n.kind, reference.data as ContextReference)} (a child first)`
                  : kindName(n.kind, reference.data as ContextReference),
                n.isCentre ? 'Centre' : String(n.depth),
              ],
            }))}
          />
          {data.links.length > 0 ? (
            <LinksTable caption={`Links (${data.links.length})`} links={data.links} />
          ) : (
            <p className="govuk-body">No links to show with these filters.</p>
          )}
        </>
      )}
    </>
  );
}
