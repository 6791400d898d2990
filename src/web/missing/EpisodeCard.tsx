/** One missing episode on the child's record: what was reported, the return, the clock and the interviews. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../components/format.ts';
import { ButtonLink, InsetText, SummaryList, type SummaryRow } from '../components/ui.tsx';
import type { EpisodeView, InterviewView } from './api.ts';
import { MentionList } from './ContextLinks.tsx';
import { ClockText, IndependenceWarnings } from './parts.tsx';

const who = (p: { name: string; role: string | null; agency: { name: string } | null }) =>
  [p.name, p.role, p.agency?.name].filter(Boolean).join(', ');

/** The child's own words, as a quotation: never paraphrased. */
export function ChildsAccount({ childName, text }: { childName: string; text: string }) {
  return (
    <blockquote className="govuk-body lantern-missing-quote">
      <span className="lantern-missing-quote__label">
        In {childName}’s own words (as written down, not paraphrased)
      </span>
      “{text}”
    </blockquote>
  );
}

function InterviewSummary({
  interview,
  childName,
  canLink,
  onLinked,
}: {
  interview: InterviewView;
  childName: string;
  canLink: boolean;
  onLinked?: (() => void) | undefined;
}) {
  const rows: SummaryRow[] = [{ key: 'Status', value: interview.statusName }];
  if (interview.offer)
    rows.push({
      key: 'Offered',
      value: `${formatDateTime(interview.offer.offeredAt)} by ${who(interview.offer.offeredBy)}`,
    });
  if (interview.reason) rows.push({ key: 'Reason', value: interview.reason });
  if (interview.notHeldDecision)
    rows.push({
      key: 'Decision not to hold one',
      value: `${who(interview.notHeldDecision.decidedBy)}, ${formatDateTime(interview.notHeldDecision.decidedAt)}: ${interview.notHeldDecision.reason}`,
    });
  if (interview.completedAt) rows.push({ key: 'Completed', value: formatDateTime(interview.completedAt) });
  const factors = (list: { label: string }[], other: string | null) =>
    [...list.map((f) => f.label), ...(other ? [other] : [])].join('; ') || 'None recorded';
  if (interview.status === 'completed') {
    rows.push({ key: 'Push factors', value: factors(interview.pushFactors, interview.pushFactorsOther) });
    rows.push({ key: 'Pull factors', value: factors(interview.pullFactors, interview.pullFactorsOther) });
  }
  if (interview.whatHappened)
    rows.push({ key: 'What happened while missing', value: <Pre>{interview.whatHappened}</Pre> });
  const places = [...interview.whereTheyWere, ...interview.whoWith];
  if (places.length > 0)
    rows.push({
      key: 'Where they were and who with',
      value: <MentionList mentions={places} canLink={canLink} onLinked={onLinked} />,
    });
  if (interview.actions.length > 0)
    rows.push({
      key: 'Actions',
      value: (
        <ul className="govuk-list govuk-list--bullet">
          {interview.actions.map((a) => (
            <li key={a.description}>
              {a.description}
              {a.ownerName ? ` (${a.ownerName})` : ''}
            </li>
          ))}
        </ul>
      ),
    });
  if (interview.sharing.length > 0)
    rows.push({
      key: 'Shared with',
      value: (
        <ul className="govuk-list">
          {interview.sharing.map((s) => (
            <li key={`${s.with}${s.sharedAt}`}>
              {s.withName}, {formatDateTime(s.sharedAt)}: {s.summary}
            </li>
          ))}
        </ul>
      ),
    });
  return (
    <div className="lantern-missing-entry">
      <IndependenceWarnings warnings={interview.independenceWarnings} />
      <SummaryList rows={rows} />
      {interview.childsAccount && <ChildsAccount childName={childName} text={interview.childsAccount} />}
    </div>
  );
}

function Pre({ children }: { children: ReactNode }) {
  return <span className="lantern-missing-pre-wrap">{children}</span>;
}

export function EpisodeCard({
  episode,
  number,
  childName,
  onLinked,
}: {
  episode: EpisodeView;
  number: number;
  childName: string;
  /** Called after a place or person is recorded as a link, to show the page again. */
  onLinked?: () => void;
}) {
  // Recording a link is the contexts capability's decision; it is offered to those who record returns.
  const canLink = episode.permissions.recordReturn;
  const from = [
    episode.missingFrom.label,
    episode.missingFrom.placement?.name,
    episode.missingFrom.description,
  ]
    .filter(Boolean)
    .join(', ');
  const rows: SummaryRow[] = [
    { key: 'Reported missing', value: `${formatDateTime(episode.reportedAt)} by ${who(episode.reportedBy)}` },
  ];
  if (episode.lastSeenAt) rows.push({ key: 'Last seen', value: formatDateTime(episode.lastSeenAt) });
  rows.push({
    key: 'Missing from',
    value: episode.missingFrom.place ? (
      <>
        {from}
        <span className="govuk-!-display-block">
          <Link className="govuk-link" to={`/contexts/${episode.missingFrom.place.id}`}>
            {episode.missingFrom.place.name}
          </Link>
        </span>
      </>
    ) : (
      from
    ),
  });
  rows.push({ key: 'Local protocol', value: episode.protocolCategory.label });
  rows.push({
    key: 'Police',
    value: [
      episode.policeReference ? `Reference ${episode.policeReference}` : 'No police reference recorded',
      episode.policeRiskGrade ? `The police graded the report: ${episode.policeRiskGrade.label}` : null,
    ]
      .filter(Boolean)
      .join('. '),
  });
  if (episode.returned) {
    rows.push({
      key: 'Found or returned',
      value: `${formatDateTime(episode.returned.at)}: ${episode.returned.how.label}`,
    });
    rows.push({
      key: 'Where found',
      value: episode.returned.where ? (
        <MentionList mentions={[episode.returned.where]} canLink={canLink} onLinked={onLinked} />
      ) : (
        'Not recorded'
      ),
    });
    if (episode.returned.whoWith.length > 0)
      rows.push({
        key: 'Who with',
        value: <MentionList mentions={episode.returned.whoWith} canLink={canLink} onLinked={onLinked} />,
      });
    rows.push({ key: 'Missing for', value: episode.durationText ?? '' });
  } else {
    rows.push({ key: 'Found or returned', value: 'Not yet' });
  }
  rows.push({ key: 'Harm while missing', value: episode.harmWhileMissing.label });
  rows.push({ key: 'Crime while missing', value: episode.crimeWhileMissing.label });
  if (episode.harmDetails) rows.push({ key: 'About the harm', value: <Pre>{episode.harmDetails}</Pre> });
  if (episode.safeAndWellCheck)
    rows.push({
      key: 'Police safe and well check',
      value: `${formatDateTime(episode.safeAndWellCheck.at)} by ${who(episode.safeAndWellCheck.by)}`,
    });
  rows.push({ key: 'Return interview', value: <ClockText clock={episode.clock} /> });

  const offered = episode.interviews.find((i) => i.offer);
  // A nomination the MACE triage has taken up is history, not "the next list".
  const onNextList = episode.triage.filter((t) => t.consumedAt === null);
  return (
    <section className="lantern-missing-episode" aria-labelledby={`episode-${episode.id}`}>
      <h3 className="govuk-heading-m" id={`episode-${episode.id}`}>
        Episode {number}: reported missing {formatDateTime(episode.reportedAt)}
      </h3>
      {onNextList.length > 0 && (
        <InsetText>
          <strong>On the next MACE triage list.</strong> {onNextList.map((t) => t.reason).join(' ')}
        </InsetText>
      )}
      <SummaryList rows={rows} />
      {episode.interviews.length > 0 && (
        <>
          <h4 className="govuk-heading-s">Return interview</h4>
          {episode.interviews.map((interview) => (
            <InterviewSummary
              key={interview.id}
              interview={interview}
              childName={childName}
              canLink={canLink}
              onLinked={onLinked}
            />
          ))}
        </>
      )}
      <div className="govuk-button-group">
        {episode.permissions.recordReturn && (
          <ButtonLink to={`/missing/episodes/${episode.id}/return`} secondary={Boolean(episode.returned)}>
            {episode.returned ? 'Change the return details' : 'Record the return'}
          </ButtonLink>
        )}
        {episode.permissions.recordInterview && (
          <ButtonLink
            to={
              offered
                ? `/missing/episodes/${episode.id}/interview/${offered.id}`
                : `/missing/episodes/${episode.id}/interview`
            }
          >
            {offered ? 'Update the return interview' : 'Record the return interview'}
          </ButtonLink>
        )}
      </div>
    </section>
  );
}
