/**
 * One context: a person of concern who is a child is shown as a child first; then what is known, the
 * links with their source and grade, the context's own assessment and actions, disruption, and records
 * that may be the same.
 */
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { formatDate } from '../children/format.ts';
import { useApiData } from '../components/data.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, ButtonLink, LoadFailure, Loading, SummaryList, WarningText } from '../components/ui.tsx';
import { type ContextReference, type ContextView, contextsApi, type MatchView } from './api.ts';
import { ContextAssessment } from './ContextAssessment.tsx';
import { PossibleMatches } from './Merges.tsx';
import { GradingLegend, LinksTable, useContextReference } from './parts.tsx';
import './contexts.css';

function detailRows(context: ContextView, reference: ContextReference) {
  const d = context.details as Record<string, unknown>;
  const list = (v: unknown) =>
    Array.isArray(v) && v.length ? (v as unknown[]).map(String).join(', ') : null;
  const rows: [string, string | null][] = [
    ['Kind', reference.kinds.find((k) => k.id === context.kind)?.name ?? context.kind],
    ['Name', (d.name as string) ?? null],
    ['Also known as', list(d.aliases)],
    ['Date of birth', d.dateOfBirth ? formatDate(d.dateOfBirth as string) : null],
    [
      'Age',
      d.ageYears !== undefined
        ? `${d.ageYears} (as recorded on ${formatDate(d.ageRecordedOn as string)})`
        : null,
    ],
    ['Phone numbers', list(d.phones)],
    [
      'Handles',
      Array.isArray(d.handles) && d.handles.length
        ? (d.handles as { platform: string; handle: string }[])
            .map(
              (h) =>
                `${h.handle} (${reference.platforms.find((p) => p.id === h.platform)?.name ?? h.platform})`,
            )
            .join(', ')
        : null,
    ],
    ['Vehicles', list(d.vehicleRegistrations)],
    ['Kind of place', reference.placeKinds.find((p) => p.id === d.placeKind)?.name ?? null],
    [
      'Address',
      Array.isArray(d.addressLines) && d.addressLines.length
        ? (d.addressLines as string[]).join(', ')
        : Array.isArray(d.addresses) && d.addresses.length
          ? (d.addresses as { lines: string[]; postcode?: string }[])
              .map((a) => [...a.lines, a.postcode].filter(Boolean).join(', '))
              .join('; ')
          : null,
    ],
    ['Postcode', (d.postcode as string) ?? null],
    ['Platform', reference.platforms.find((p) => p.id === d.platform)?.name ?? null],
    ['Handle', (d.handle as string) ?? null],
    ['Registration', (d.registration as string) ?? null],
    ['Make, model and colour', [d.make, d.model, d.colour].filter(Boolean).join(' ') || null],
    ['Kind of business', reference.businessSectors.find((s) => s.id === d.sector)?.name ?? null],
    ['Licences', list(d.licenceReferences)],
    ['Description', (d.description as string) ?? null],
    ['Label', reference.sensitivity.find((s) => s.id === context.sensitivity)?.name ?? context.sensitivity],
    ['Recorded by', `${context.createdBy}, ${context.createdAgency}`],
  ];
  return rows.flatMap(([key, value]) => (value ? [{ key, value }] : []));
}

/** A child who is also a person of concern: their safeguarding first, before any intelligence. */
function ChildFirst({ context }: { context: ContextView }) {
  if (context.roles[0] !== 'child') return null;
  const record = context.childRecord;
  return (
    <section className="govuk-notification-banner" aria-labelledby="child-first-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="child-first-title">
          A child first
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">This person is under 18: they are a child first.</p>
        {record?.readable ? (
          <p className="govuk-body">
            Their own record:{' '}
            <Link className="govuk-notification-banner__link" to={`/children/${record.id}`}>
              {record.name}
            </Link>
            . Plan their safeguarding before any disruption.
          </p>
        ) : record ? (
          <p className="govuk-body">Their own child record is held by children’s services.</p>
        ) : (
          <p className="govuk-body">
            No child record is linked yet. Link their own record, or refer them to children’s services.
          </p>
        )}
      </div>
    </section>
  );
}

export function ContextPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const [outOfView, setOutOfView] = useState(false);
  const loaded = useApiData(() => contextsApi.get(id, outOfView), [id, outOfView]);
  const reference = useContextReference();
  const context = loaded.data?.context;
  usePageTitle(context ? context.name : 'Context');
  const fresh = (location.state as { matches?: MatchView[] } | null)?.matches;

  if (!context || !reference.data) {
    return (
      <>
        <BackLink to="/contexts">Back to contexts</BackLink>
        <h1 className="govuk-heading-l">Context</h1>
        {loaded.state === 'failed' && <LoadFailure error={loaded.error} />}
        {reference.state === 'failed' && <LoadFailure error={reference.error} />}
        {(loaded.state === 'loading' || reference.state === 'loading') && <Loading />}
      </>
    );
  }
  const ref = reference.data;
  const p = context.permissions;
  return (
    <>
      <BackLink to="/contexts">Back to contexts</BackLink>
      <ChildFirst context={context} />
      <span className="govuk-caption-l">{ref.kinds.find((k) => k.id === context.kind)?.name}</span>
      <h1 className="govuk-heading-l">{context.name}</h1>
      {context.mergedInto && (
        <WarningText>
          This record was merged into{' '}
          <Link className="govuk-link" to={`/contexts/${context.mergedInto}`}>
            another record
          </Link>
          . Its links are shown there.
        </WarningText>
      )}
      {context.warnings
        .filter((w) => w.rule !== 'person.child-first')
        .map((w) => (
          <WarningText key={w.rule}>{w.message}</WarningText>
        ))}
      <div className="lantern-contexts__actions">
        <ButtonLink to={`/network?centre=${context.id}`}>See the network</ButtonLink>
        {p.edit && (
          <ButtonLink to={`/contexts/${context.id}/edit`} secondary>
            Change the record
          </ButtonLink>
        )}
        {p.recordDisruption && (
          <ButtonLink to={`/disruption/new?target=${context.id}`} secondary>
            Record disruption
          </ButtonLink>
        )}
      </div>
      <SummaryList rows={detailRows(context, ref)} />

      <h2 className="govuk-heading-m">Links</h2>
      {p.addLink && (
        <div className="lantern-contexts__actions">
          <ButtonLink to={`/links/new?context=${context.id}&with=child`} secondary>
            Link to a child
          </ButtonLink>
          <ButtonLink to={`/links/new?context=${context.id}&with=context`} secondary>
            Link to another record
          </ButtonLink>
        </div>
      )}
      {context.links.length === 0 ? (
        <p className="govuk-body">{outOfView ? 'No links are recorded.' : 'No links in the default view.'}</p>
      ) : (
        <LinksTable
          caption={outOfView ? 'Every link on the record' : 'Links in the default view'}
          links={context.links}
        />
      )}
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id="out-of-view"
            type="checkbox"
            checked={outOfView}
            onChange={(e) => setOutOfView(e.target.checked)}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor="out-of-view">
            Also show links no longer in the default view (past their review date and unconfirmed, suspected
            false, or withdrawn)
          </label>
        </div>
      </div>
      <GradingLegend reference={ref} />

      <ContextAssessment context={context} onChange={loaded.reload} />

      <h2 className="govuk-heading-m">Disruption</h2>
      {context.disruptions.length === 0 ? (
        <p className="govuk-body">No disruption recorded.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {context.disruptions.map((d) => (
            <li key={d.id}>
              <Link className="govuk-link" to={`/disruption/${d.id}`}>
                {d.measureName}
              </Link>{' '}
              — {d.statusName}
              {d.expiresOn ? `, expires ${formatDate(d.expiresOn)}` : ''}
            </li>
          ))}
        </ul>
      )}

      <PossibleMatches context={context} fresh={fresh} />
    </>
  );
}
