/** Pieces the contexts pages share: the reference data, the grading explained, a table of links. */
import { Link } from 'react-router';
import { Details } from '../children/fields.tsx';
import { formatDate } from '../children/format.ts';
import { useApiData } from '../components/data.ts';
import { Table, Tag } from '../components/ui.tsx';
import { type ContextReference, contextsApi, type LinkView } from './api.ts';

export function useContextReference() {
  return useApiData(() => contextsApi.reference(), []);
}

/** Where a record of this kind is shown: a child's network, or the context's own page. */
export function recordPath(kind: string, id: string): string {
  return kind === 'child' ? `/children/${id}` : `/contexts/${id}`;
}

/** Lines of a textarea as a list, blank lines dropped. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The 3×5×2 grading in plain English: what each part of "1B P" means. */
export function GradingLegend({ reference, open = false }: { reference: ContextReference; open?: boolean }) {
  const { grading } = reference;
  const body = (
    <>
      <p className="govuk-body">
        Every link says who it came from and how sure we are of it, in the {grading.name} police forces use.
        “1B P” means a reliable source, who was told it, backed up by something else, that may be shared with
        partners.
      </p>
      <dl className="govuk-summary-list lantern-grading">
        {[
          ['How reliable is the source?', grading.sourceEvaluations],
          ['How does the source know?', grading.intelligenceAssessments],
          ['Who may it be shared with?', grading.handlingCodes],
        ].map(([question, grades]) => (
          <div className="govuk-summary-list__row" key={question as string}>
            <dt className="govuk-summary-list__key">{question as string}</dt>
            <dd className="govuk-summary-list__value">
              <ul className="govuk-list">
                {(grades as ContextReference['grading']['sourceEvaluations']).map((g) => (
                  <li key={g.id}>
                    <strong>
                      {g.id} — {g.name}.
                    </strong>{' '}
                    {g.explanation}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
      <p className="govuk-body">{grading.confirmation}</p>
    </>
  );
  if (open) return body;
  return <Details summary="What the grades mean">{body}</Details>;
}

export function ViewTag({ link }: { link: LinkView }) {
  if (link.withdrawn) return <Tag colour="grey">Withdrawn</Tag>;
  if (!link.view.inDefaultView) return <Tag colour="grey">Not shown by default</Tag>;
  if (!link.confirmed) return <Tag colour="yellow">Unverified</Tag>;
  if (link.view.reviewDue) return <Tag colour="orange">Review due</Tag>;
  return <Tag colour="green">Confirmed</Tag>;
}

/** The links, as a table a screen reader can read: who, how, when, from whom, how sure. */
export function LinksTable({ caption, links }: { caption: string; links: LinkView[] }) {
  return (
    <Table
      caption={caption}
      captionClassName="govuk-table__caption--s"
      columns={[
        { heading: 'Link' },
        { heading: 'Seen' },
        { heading: 'Source' },
        { heading: 'Grade' },
        { heading: 'Status' },
      ]}
      rows={links.map((l) => ({
        key: l.id,
        cells: [
          <span key="link">
            <Link className="govuk-link" to={recordPath(l.from.kind, l.from.id)}>
              {l.from.name}
            </Link>{' '}
            {l.natureLabel.toLowerCase()}{' '}
            <Link className="govuk-link" to={recordPath(l.to.kind, l.to.id)}>
              {l.to.name}
            </Link>
            {l.note && <span className="govuk-body-s lantern-contexts__note">{l.note}</span>}
          </span>,
          l.firstSeen === l.lastSeen
            ? formatDate(l.lastSeen)
            : `${formatDate(l.firstSeen)} to ${formatDate(l.lastSeen)}`,
          `${l.source.agency.name} (${l.source.author.name})${l.source.reference ? `, ${l.source.reference}` : ''}`,
          <span key="grade">
            <strong>{l.grading.code}</strong>
            <span className="govuk-body-s lantern-contexts__note">{l.grading.explanation}</span>
            {l.grading.handlingConditions && (
              <span className="govuk-body-s lantern-contexts__note">
                Conditions: {l.grading.handlingConditions}
              </span>
            )}
          </span>,
          <span key="status">
            <ViewTag link={l} />
            <span className="govuk-body-s lantern-contexts__note">{l.view.explanation}</span>
            <Link className="govuk-link govuk-body-s" to={`/links/${l.id}`}>
              Open<span className="govuk-visually-hidden"> the link {l.reads}</span>
            </Link>
          </span>,
        ],
      }))}
    />
  );
}
