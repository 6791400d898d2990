import './assessment.css';
import { useParams, useSearchParams } from 'react-router';
import { formatDay } from '../children/format.ts';
import { useFocusHeadingWhenReady } from '../children/record.tsx';
import { labelOf } from '../children/words.ts';
import { useApiData } from '../components/data.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, LoadFailure, Loading, Tag } from '../components/ui.tsx';
import { type AssessmentReference, assessmentApi, type Comparison, type Factor } from './api.ts';

const DIRECTION: Record<string, string> = {
  more_concern: 'More concern than before',
  less_concern: 'Less concern than before',
  same: 'The same level as before',
  not_comparable: 'Not comparable: the two versions use different levels',
};

const CHANGE_NAMES: Record<string, string> = {
  description: 'wording',
  kind: 'kind',
  domain: 'domain',
  evidence: 'evidence',
  verification: 'verification',
};

function FactorCell({ factor }: { factor: Factor | undefined }) {
  if (!factor) return <span className="govuk-hint">Not recorded</span>;
  return (
    <>
      <span className="lantern-pre-wrap">{factor.description}</span>
      <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">
        {factor.kind === 'risk' ? 'Risk factor' : 'Protective factor'}
      </span>
    </>
  );
}

function DomainTable({
  title,
  domain,
}: {
  title: string;
  domain: Comparison['comparison']['factors'][string];
}) {
  const rows = [
    ...domain.changed.map((c) => ({
      key: `c-${c.after.id}`,
      before: c.before,
      after: c.after,
      tag: <Tag colour="blue">{`Changed: ${c.changed.map((x) => CHANGE_NAMES[x] ?? x).join(', ')}`}</Tag>,
    })),
    ...domain.added.map((f) => ({
      key: `a-${f.id}`,
      before: undefined,
      after: f,
      tag: <Tag colour="orange">Added</Tag>,
    })),
    ...domain.removed.map((f) => ({
      key: `r-${f.id}`,
      before: f,
      after: undefined,
      tag: <Tag colour="grey">No longer recorded</Tag>,
    })),
    ...domain.unchanged.map((f) => ({
      key: `u-${f.id}`,
      before: f,
      after: f,
      tag: <Tag colour="green">Unchanged</Tag>,
    })),
  ];
  return (
    <table className="govuk-table lantern-compare-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{title}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Earlier
          </th>
          <th scope="col" className="govuk-table__header">
            Later
          </th>
          <th scope="col" className="govuk-table__header">
            What changed
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.length === 0 ? (
          <tr className="govuk-table__row">
            <td className="govuk-table__cell" colSpan={3}>
              No factors recorded in either.
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.key} className="govuk-table__row">
              <td className="govuk-table__cell">
                <FactorCell factor={row.before} />
              </td>
              <td className="govuk-table__cell">
                <FactorCell factor={row.after} />
              </td>
              <td className="govuk-table__cell">{row.tag}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

function Side({
  label,
  side,
  level,
  rationale,
  harm,
  title,
  reference,
}: {
  label: string;
  side: Comparison['comparison']['earlier'];
  level: string;
  rationale: string;
  harm: string;
  title: string;
  reference: AssessmentReference;
}) {
  return (
    <div className="govuk-grid-column-one-half">
      <h2 className="govuk-heading-m">
        {label}: {formatDay(side.completedAt)}
      </h2>
      <p className="govuk-body-s">
        {title} (version {side.instrument.version}), {side.completedBy}
      </p>
      <h3 className="govuk-heading-s">Level of concern (judgement)</h3>
      <p className="govuk-body">{level}</p>
      <h3 className="govuk-heading-s">Rationale</h3>
      <p className="govuk-body lantern-pre-wrap">{rationale}</p>
      <h3 className="govuk-heading-s">Exploitation</h3>
      <p className="govuk-body">{labelOf(reference.harmStatuses, harm)}</p>
    </div>
  );
}

/** Two assessments side by side: factors by domain, the level each practitioner chose and why, harm, voices. */
export function CompareAssessments() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const loaded = useApiData(async () => {
    const [comparison, reference] = await Promise.all([
      assessmentApi.compare(id, a, b),
      assessmentApi.reference(),
    ]);
    return { ...comparison, reference };
  }, [id, a, b]);
  usePageTitle('Compare two assessments');
  useFocusHeadingWhenReady(loaded.state === 'loaded');
  return (
    <>
      <BackLink to={`/children/${id}/assessments`}>Back to assessments</BackLink>
      <h1 className="govuk-heading-l">Compare two assessments</h1>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <LoadFailure error={loaded.error} />}
      {loaded.data &&
        (() => {
          const { comparison: c, titles, reference } = loaded.data;
          return (
            <>
              <p className="govuk-body">
                <strong>{DIRECTION[c.level.direction]}.</strong> Each level is a practitioner’s judgement at
                the time, not a measurement.
              </p>
              <div className="govuk-grid-row">
                <Side
                  label="Earlier"
                  side={c.earlier}
                  level={c.level.from.label}
                  rationale={c.rationale.earlier}
                  harm={c.harm.from}
                  title={titles[c.earlier.id] ?? ''}
                  reference={reference}
                />
                <Side
                  label="Later"
                  side={c.later}
                  level={c.level.to.label}
                  rationale={c.rationale.later}
                  harm={c.harm.to}
                  title={titles[c.later.id] ?? ''}
                  reference={reference}
                />
              </div>
              <h2 className="govuk-heading-m">Factors, domain by domain</h2>
              {reference.domains.map((d) => {
                const domain = c.factors[d.value];
                return domain ? <DomainTable key={d.value} title={d.label} domain={domain} /> : null;
              })}
              <h2 className="govuk-heading-m">Voices</h2>
              <ul className="govuk-list govuk-list--bullet">
                {c.voices.added.map((v) => (
                  <li key={`added-${v.who}`}>Newly heard: {v.who}</li>
                ))}
                {c.voices.noLongerHeard.map((v) => (
                  <li key={`gone-${v.who}`}>Heard before, not this time: {v.who}</li>
                ))}
                {c.voices.missing.map((v) => (
                  <li key={`missing-${v.who}`}>
                    Missing in the later assessment: {v.who}
                    {v.reason ? ` — ${v.reason}` : ''}
                  </li>
                ))}
                {c.voices.added.length + c.voices.noLongerHeard.length + c.voices.missing.length === 0 && (
                  <li>The same voices were heard in both.</li>
                )}
              </ul>
            </>
          );
        })()}
    </>
  );
}
