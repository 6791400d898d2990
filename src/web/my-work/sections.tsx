/**
 * The sections of My work that come from other capabilities: re-analyses due, disruption expiring,
 * meetings and meeting actions, and return interviews due. Each is computed on the server for the
 * signed-in person only; these components only lay it out. Overdue work carries a red tag and its date.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDate, formatDeadline } from '../children/format.ts';
import { formatDateTime } from '../components/format.ts';
import { Table, Tag } from '../components/ui.tsx';

type Ref = { id: string; name: string };

export interface ReanalysisItem {
  child: Ref;
  dueAt: string | null;
  overdue: boolean;
  lastAnalysis: { id: string; completedAt: string } | null;
  reasons: { label: string; at: string; dueBy: string }[];
}

/** The parts of `GET /api/my-work` these sections show, as `src/server/my-work/routes.ts` answers it. */
export interface MoreWork {
  reanalyses: { managesTeams: boolean; mine: ReanalysisItem[]; team: ReanalysisItem[] };
  disruption: {
    windowDays: number;
    expiring: {
      id: string;
      measureName: string;
      statusName: string;
      target: Ref | null;
      expiresOn: string;
      daysLeft: number;
      overdue: boolean;
      why: string[];
    }[];
    breachesAwaitingResponse: { disruptionId: string; breachId: string; measureName: string; date: string }[];
  };
  meetings: {
    invited: { id: string; title: string; type: string; startsAt: string }[];
    actions: { id: string; title: string; dueDate: string; overdue: boolean; meeting: Ref }[];
  };
  returnInterviews: {
    episodeId: string;
    child: Ref;
    returnedAt: string;
    state: 'due' | 'overdue';
    dueAt: string | null;
    summary: string;
  }[];
}

export function Section({
  id,
  title,
  empty,
  children,
  count,
}: {
  id: string;
  title: string;
  empty: { heading: string; next: ReactNode };
  count: number;
  children: ReactNode;
}) {
  return (
    <section className="lantern-section" aria-labelledby={id}>
      <h2 className="govuk-heading-m" id={id}>
        {title}
      </h2>
      {count === 0 ? (
        <>
          <p className="govuk-body govuk-!-font-weight-bold">{empty.heading}</p>
          <p className="govuk-body">{empty.next}</p>
        </>
      ) : (
        children
      )}
    </section>
  );
}

/** "Overdue" in red with the date it was due, or "Due" with the date. */
function When({ overdue, date }: { overdue: boolean; date: string }) {
  return overdue ? (
    <>
      <Tag colour="red">Overdue</Tag>
      <span className="govuk-!-display-block">Was due {date}</span>
    </>
  ) : (
    <>Due {date}</>
  );
}

const MEETING_TYPES: Record<string, string> = {
  strategy: 'Strategy meeting',
  mace_triage: 'MACE triage',
  mace: 'MACE meeting',
  review: 'Review meeting',
};

function ReanalysisTable({ caption, items }: { caption: string; items: ReanalysisItem[] }) {
  return (
    <Table
      caption={caption}
      captionClassName="govuk-table__caption--s"
      columns={[{ heading: 'Child' }, { heading: 'Why it is due' }, { heading: 'Due' }]}
      rows={items.map((item) => ({
        key: item.child.id,
        cells: [
          <Link key="child" className="govuk-link" to={`/children/${item.child.id}/assessments`}>
            {item.child.name}
            <span className="govuk-visually-hidden">: risk analysis</span>
          </Link>,
          <ul key="why" className="govuk-list govuk-!-margin-bottom-0">
            {item.reasons.map((r) => (
              <li key={`${r.label}-${r.at}`}>
                {r.label} ({formatDate(r.at.slice(0, 10))})
              </li>
            ))}
          </ul>,
          item.dueAt ? <When key="due" overdue={item.overdue} date={formatDeadline(item.dueAt)} /> : 'Now',
        ],
      }))}
    />
  );
}

export function ReanalysesSection({ data }: { data: MoreWork['reanalyses'] }) {
  return (
    <Section
      id="reanalyses"
      title="Risk analyses to repeat"
      count={data.mine.length + data.team.length}
      empty={{
        heading: 'No risk analyses are due for the children you work with.',
        next: 'When something changes for a child you are allocated to (a missing episode, new information, a new address or placement) or a review date comes round, the child will be listed here with the reason.',
      }}
    >
      {data.mine.length > 0 ? (
        <ReanalysisTable caption="Children you are allocated to" items={data.mine} />
      ) : (
        <p className="govuk-body">None are due for the children you are allocated to.</p>
      )}
      {data.managesTeams && (
        <>
          <h3 className="govuk-heading-s">Your team’s overdue risk analyses</h3>
          {data.team.length > 0 ? (
            <ReanalysisTable caption="Overdue for children your team works with" items={data.team} />
          ) : (
            <p className="govuk-body">None are overdue for children allocated to your team.</p>
          )}
        </>
      )}
    </Section>
  );
}

export function DisruptionSection({ data }: { data: MoreWork['disruption'] }) {
  return (
    <Section
      id="disruption"
      title="Disruption to renew or follow up"
      count={data.expiring.length + data.breachesAwaitingResponse.length}
      empty={{
        heading: 'No disruption needs your attention.',
        next: `Orders and notices you own, or that protect a child you work with, are listed here from ${data.windowDays} days before they expire, so they can be renewed or replaced in time; so are breaches waiting for your response.`,
      }}
    >
      {data.expiring.length > 0 && (
        <Table
          caption={`Expiring within ${data.windowDays} days`}
          captionClassName="govuk-table__caption--s"
          columns={[{ heading: 'Measure' }, { heading: 'Why it is yours' }, { heading: 'Expires' }]}
          rows={data.expiring.map((d) => ({
            key: d.id,
            cells: [
              <span key="measure">
                <Link className="govuk-link" to={`/disruption/${d.id}`}>
                  {d.measureName}
                  {d.target ? ` against ${d.target.name}` : ''}
                </Link>
                <span className="govuk-!-display-block govuk-hint govuk-!-margin-bottom-0">
                  {d.statusName}
                </span>
              </span>,
              d.why.join('. '),
              d.overdue ? (
                <When key="expiry" overdue date={formatDate(d.expiresOn)} />
              ) : (
                <span key="expiry">
                  {formatDate(d.expiresOn)}
                  <span className="govuk-!-display-block govuk-hint govuk-!-margin-bottom-0">
                    {d.daysLeft === 0 ? 'Today' : d.daysLeft === 1 ? 'In 1 day' : `In ${d.daysLeft} days`}
                  </span>
                </span>
              ),
            ],
          }))}
        />
      )}
      {data.breachesAwaitingResponse.length > 0 && (
        <Table
          caption="Breaches waiting for your response"
          captionClassName="govuk-table__caption--s"
          columns={[{ heading: 'Measure' }, { heading: 'Breach on' }]}
          rows={data.breachesAwaitingResponse.map((b) => ({
            key: b.breachId,
            cells: [
              <Link key="measure" className="govuk-link" to={`/disruption/${b.disruptionId}`}>
                {b.measureName}
              </Link>,
              formatDate(b.date),
            ],
          }))}
        />
      )}
    </Section>
  );
}

export function MeetingsSection({ data }: { data: MoreWork['meetings'] }) {
  return (
    <Section
      id="meetings"
      title="Meetings and meeting actions"
      count={data.invited.length + data.actions.length}
      empty={{
        heading: 'You are not invited to any meetings, and no meeting actions are yours.',
        next: (
          <>
            Strategy, MACE and review meetings you are invited to, and actions agreed at them that you own,
            will be listed here.{' '}
            <Link className="govuk-link" to="/meetings">
              See all meetings
            </Link>
          </>
        ),
      }}
    >
      {data.actions.length > 0 && (
        <Table
          caption="Actions you own, overdue first"
          captionClassName="govuk-table__caption--s"
          columns={[{ heading: 'Action' }, { heading: 'From' }, { heading: 'Due' }]}
          rows={data.actions.map((a) => ({
            key: a.id,
            cells: [
              a.title,
              <Link key="meeting" className="govuk-link" to={`/meetings/${a.meeting.id}`}>
                {a.meeting.name}
              </Link>,
              <When key="due" overdue={a.overdue} date={formatDate(a.dueDate)} />,
            ],
          }))}
        />
      )}
      {data.invited.length > 0 && (
        <Table
          caption="Meetings you are invited to"
          captionClassName="govuk-table__caption--s"
          columns={[{ heading: 'Meeting' }, { heading: 'Kind' }, { heading: 'When' }]}
          rows={data.invited.map((m) => ({
            key: m.id,
            cells: [
              <Link key="meeting" className="govuk-link" to={`/meetings/${m.id}`}>
                {m.title}
              </Link>,
              MEETING_TYPES[m.type] ?? m.type,
              formatDateTime(m.startsAt),
            ],
          }))}
        />
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to="/meetings/actions">
          Go to the action tracker
        </Link>
      </p>
    </Section>
  );
}

export function ReturnInterviewsSection({ data }: { data: MoreWork['returnInterviews'] }) {
  return (
    <Section
      id="return-interviews"
      title="Return interviews to offer"
      count={data.length}
      empty={{
        heading: 'No return interviews are waiting for the children you work with.',
        next: (
          <>
            When a child you are lead worker or co-worker for is found or comes back after being missing, they
            are listed here until a return interview is offered or a decision is recorded.{' '}
            <Link className="govuk-link" to="/missing/interviews">
              See every return interview due
            </Link>
          </>
        ),
      }}
    >
      <Table
        caption="Most overdue first. Deadlines are in UK time."
        captionClassName="govuk-table__caption--s"
        columns={[{ heading: 'Child' }, { heading: 'Found or returned' }, { heading: 'Offer due' }]}
        rows={data.map((item) => ({
          key: item.episodeId,
          cells: [
            <span key="child">
              <Link className="govuk-link" to={`/missing/episodes/${item.episodeId}/interview`}>
                {item.child.name}
                <span className="govuk-visually-hidden">: record the return interview</span>
              </Link>
              <span className="govuk-!-display-block govuk-hint govuk-!-margin-bottom-0">
                <Link className="govuk-link" to={`/children/${item.child.id}/missing`}>
                  Missing episodes
                  <span className="govuk-visually-hidden"> for {item.child.name}</span>
                </Link>
              </span>
            </span>,
            formatDateTime(item.returnedAt),
            item.dueAt ? (
              <When key="due" overdue={item.state === 'overdue'} date={formatDeadline(item.dueAt)} />
            ) : (
              ''
            ),
          ],
        }))}
      />
    </Section>
  );
}
