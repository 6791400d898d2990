/**
 * MACE triage: the list built from the records since the last triage, every child and context with all
 * the reasons it is there, and a decision for each with its reasons. The list is a prompt, never a
 * decision: nothing on it is added up into a score, and any agency can raise a child or context.
 */
import { Link } from 'react-router';
import { useApiData } from '../components/data.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, InsetText, LoadFailure, Loading, Tag } from '../components/ui.tsx';
import { type MaceConfig, maceApi, type TriageDecision, type TriageItem, ukDateTime } from './api.ts';

export const subjectKey = (s: TriageItem['subject'] | TriageDecision['subject']) =>
  s.kind === 'child' ? `child/${s.childId}` : `context/${s.contextId}`;

export const subjectName = (item: TriageItem) =>
  item.subject.kind === 'child' ? item.subject.name : item.subject.label;

function Item({
  item,
  decision,
  config,
}: {
  item: TriageItem;
  decision: TriageDecision | undefined;
  config: MaceConfig;
}) {
  const name = subjectName(item);
  const headingId = `triage-${subjectKey(item.subject).replace('/', '-')}`;
  return (
    <section className="govuk-summary-card" aria-labelledby={headingId}>
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title" id={headingId}>
          {name}
          {item.subject.kind === 'context' && (
            <span className="govuk-caption-m">
              {config.options.contextKinds[item.subject.contextKind] ?? item.subject.contextKind}
            </span>
          )}
        </h3>
        {decision ? <Tag colour="green">Decided</Tag> : <Tag colour="yellow">No decision yet</Tag>}
      </div>
      <div className="govuk-summary-card__content">
        {item.levelOfConcern && (
          <p className="govuk-body">
            Level of concern recorded by their workers: {item.levelOfConcern.label}
          </p>
        )}
        <h4 className="govuk-heading-s">Why {name} is on the list</h4>
        <ul className="govuk-list govuk-list--bullet">
          {item.reasons.map((r) => (
            <li key={`${r.rule}:${r.message}`}>{r.message}</li>
          ))}
        </ul>
        {decision ? (
          <p className="govuk-body">
            <strong>{config.options.triageDecisions[decision.decision] ?? decision.decision}</strong>
            {decision.singleAgency &&
              ` (${decision.singleAgency.agencyName ?? 'agency'}: ${decision.singleAgency.action})`}
            . Reasons: {decision.reasons.join(' ')} Recorded by {decision.decidedBy},{' '}
            {ukDateTime(decision.decidedAt)}.
          </p>
        ) : null}
        <p className="govuk-body">
          <Link className="govuk-link" to={`/meetings/triage/${subjectKey(item.subject)}`}>
            {decision ? 'Record another decision' : 'Record a decision'}
            <span className="govuk-visually-hidden"> for {name}</span>
          </Link>
        </p>
      </div>
    </section>
  );
}

export function Triage() {
  const data = useApiData(() => Promise.all([maceApi.config(), maceApi.triage()]), []);
  usePageTitle('MACE triage');
  return (
    <>
      <BackLink to="/meetings">Meetings</BackLink>
      <h1 className="govuk-heading-l">MACE triage</h1>
      {data.state === 'loading' && <Loading />}
      {data.state === 'failed' && <LoadFailure error={data.error} />}
      {data.state === 'loaded' &&
        (() => {
          const [config, list] = data.data;
          // The newest decision for each item is the one that stands.
          const decided = new Map<string, TriageDecision>();
          for (const d of list.decisions) {
            if (!decided.has(subjectKey(d.subject))) decided.set(subjectKey(d.subject), d);
          }
          const open = [...list.children, ...list.contexts].filter(
            (i) => !decided.has(subjectKey(i.subject)),
          ).length;
          return (
            <>
              <p className="govuk-body">
                Built from the records since {ukDateTime(list.since)}: MACE risk assessments, levels of
                concern, missing episodes, new connections, overdue actions, and children and contexts any
                agency raised.
              </p>
              <InsetText>
                The list is a prompt, never a decision. Every child and context gets a decision with its
                reasons: discuss at the MACE meeting, a single-agency action, or no further MACE action.
              </InsetText>
              <p className="govuk-body" aria-live="polite">
                {open === 0
                  ? 'Every item on the list has a decision.'
                  : `${open} ${open === 1 ? 'item has' : 'items have'} no decision yet.`}
              </p>
              <h2 className="govuk-heading-m">Children</h2>
              {list.children.length === 0 ? (
                <p className="govuk-body">
                  No child is on the triage list: nothing in the records since {ukDateTime(list.since)} brings
                  a child here. Any agency can still raise a child for triage from the child’s record.
                </p>
              ) : (
                list.children.map((item) => (
                  <Item
                    key={subjectKey(item.subject)}
                    item={item}
                    decision={decided.get(subjectKey(item.subject))}
                    config={config}
                  />
                ))
              )}
              <h2 className="govuk-heading-m">Persons of concern, places and other contexts</h2>
              {list.contexts.length === 0 ? (
                <p className="govuk-body">
                  No person of concern, place or other context is on the triage list.
                </p>
              ) : (
                list.contexts.map((item) => (
                  <Item
                    key={subjectKey(item.subject)}
                    item={item}
                    decision={decided.get(subjectKey(item.subject))}
                    config={config}
                  />
                ))
              )}
            </>
          );
        })()}
    </>
  );
}
