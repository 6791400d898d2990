import { useState } from 'react';
import { Link } from 'react-router';
import { request } from '../api.ts';
import { formatDate, formatDeadline } from '../children/format.ts';
import { CaseStatusTag } from '../children/record.tsx';
import { useCaseReference } from '../children/reference.ts';
import { labelOf, nameOf, RELATIONSHIP_NAMES } from '../children/words.ts';
import { useApiData } from '../components/data.ts';
import { formatDateTime } from '../components/format.ts';
import { usePageTitle } from '../components/page.ts';
import { LoadFailure, Loading, StartButton, Tag } from '../components/ui.tsx';
import { type QueueEntry, referralsApi } from '../referrals/api.ts';
import { WaitingText } from '../referrals/ReferralPages.tsx';
import { useMe } from '../session.tsx';
import {
  DisruptionSection,
  MeetingsSection,
  type MoreWork,
  ReanalysesSection,
  ReturnInterviewsSection,
  Section,
} from './sections.tsx';

/** `GET /api/my-work`, as `src/server/my-work/routes.ts` answers it. */
interface Work extends MoreWork {
  children: {
    id: string;
    name: string;
    dateOfBirth: string | null;
    caseStatus: string;
    yourRoles: string[];
  }[];
  referralsAwaitingDecision: QueueEntry[];
  tasks: {
    id: string;
    title: string;
    kind: string;
    dueAt: string | null;
    overdue: boolean;
    child: { id: string; name: string } | null;
    referralId: string | null;
  }[];
}

function Tasks({ tasks, onDone }: { tasks: Work['tasks']; onDone(): void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const complete = async (task: Work['tasks'][number]) => {
    setProblem(null);
    try {
      await referralsApi.completeTask(task.id);
      setDone(`Done: ${task.title}`);
      onDone();
    } catch {
      setProblem(`Sorry, “${task.title}” could not be marked as done. Try again.`);
    }
  };
  return (
    <>
      <p className="govuk-body" role="status">
        {done}
      </p>
      {problem && (
        <p className="govuk-error-message" role="alert">
          {problem}
        </p>
      )}
      <ul className="govuk-list lantern-work-list">
        {tasks.map((task) => {
          const to = task.child
            ? `/children/${task.child.id}`
            : task.referralId
              ? `/referrals/${task.referralId}`
              : null;
          return (
            <li key={task.id} className="lantern-work-item">
              {task.overdue && (
                <>
                  <Tag colour="red">Overdue</Tag>{' '}
                </>
              )}
              {to ? (
                <Link className="govuk-link" to={to}>
                  {task.title}
                  {/* Tasks of the same kind for different children read apart in a list of links. */}
                  {task.child && <span className="govuk-visually-hidden"> for {task.child.name}</span>}
                </Link>
              ) : (
                task.title
              )}
              <span className="govuk-!-display-block govuk-hint govuk-!-margin-bottom-1">
                {task.child ? `${task.child.name}. ` : ''}
                {task.dueAt ? `Due by ${formatDeadline(task.dueAt)}` : 'No due date'}
              </span>
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 lantern-small-button"
                onClick={() => void complete(task)}
              >
                Mark as done<span className="govuk-visually-hidden">: {task.title}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function MyWork() {
  const me = useMe();
  const work = useApiData(() => request<Work>('GET', '/api/my-work'), []);
  const reference = useCaseReference();
  usePageTitle('My work');
  const { permissions } = me;
  const adminLinks = [
    permissions.manageUsers || permissions.readUsers ? { to: '/admin/users', text: 'Users' } : null,
    permissions.manageTeams ? { to: '/admin/teams', text: 'Teams' } : null,
    permissions.manageAgencies ? { to: '/admin/agencies', text: 'Agencies' } : null,
  ].filter((link) => link !== null);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{me.user.agency.name}</span>
        <h1 className="govuk-heading-l">My work</h1>
        <p className="govuk-body">
          If you are worried that a child is being exploited, or may be, make a referral. You do not need to
          be sure, and you do not need the child to have told you.
        </p>
        <StartButton to="/referrals/new">Make a referral</StartButton>
        <p className="govuk-body">
          <Link className="govuk-link" to="/referrals">
            Your referrals and their outcomes
          </Link>
        </p>

        {work.state === 'loading' && <Loading />}
        {work.state === 'failed' && <LoadFailure error={work.error} />}
        {work.state === 'loaded' && (
          <>
            {/* The server lists waiting referrals only to the people who screen them. */}
            {work.data.referralsAwaitingDecision.length > 0 && (
              <Section
                id="referrals"
                title="Referrals waiting for a decision"
                count={work.data.referralsAwaitingDecision.length}
                empty={{ heading: '', next: '' }}
              >
                <ul className="govuk-list lantern-work-list">
                  {work.data.referralsAwaitingDecision.map((referral) => (
                    <li key={referral.id} className="lantern-work-item">
                      {referral.immediateDanger && (
                        <>
                          <Tag colour="red">Immediate danger</Tag>{' '}
                        </>
                      )}
                      <Link className="govuk-link" to={`/referrals/${referral.id}`}>
                        {referral.subjectName}
                      </Link>
                      <span className="govuk-!-display-block govuk-hint govuk-!-margin-bottom-1">
                        From {referral.referrerAgency.name}, received {formatDateTime(referral.receivedAt)}.{' '}
                        {referral.harmKinds
                          .map((kind) => labelOf(reference.data?.harmKinds, kind))
                          .join(', ')}
                      </span>
                      <WaitingText waiting={referral.waiting} />
                    </li>
                  ))}
                </ul>
                <p className="govuk-body">
                  <Link className="govuk-link" to="/referrals/queue">
                    Go to the screening queue
                  </Link>
                </p>
              </Section>
            )}
            <Section
              id="children"
              title="Children you work with"
              count={work.data.children.length}
              empty={{
                heading: 'No children are allocated to you.',
                next: 'When you become the lead worker or co-worker for a child, they will be listed here so you can go straight to their record.',
              }}
            >
              <ul className="govuk-list lantern-work-list">
                {work.data.children.map((child) => (
                  <li key={child.id} className="lantern-work-item">
                    <Link className="govuk-link" to={`/children/${child.id}`}>
                      {child.name}
                    </Link>{' '}
                    <CaseStatusTag status={child.caseStatus} />
                    <span className="govuk-!-display-block govuk-hint govuk-!-margin-bottom-0">
                      {child.dateOfBirth ? `Born ${formatDate(child.dateOfBirth)}. ` : ''}
                      You are: {child.yourRoles.map((role) => nameOf(RELATIONSHIP_NAMES, role)).join(', ')}
                    </span>
                  </li>
                ))}
              </ul>
            </Section>
            <Section
              id="tasks"
              title="Your tasks"
              count={work.data.tasks.length}
              empty={{
                heading: 'You have no tasks.',
                next: 'Actions given to you after a screening decision, in a child’s plan or at a meeting will be listed here, with the date they are due.',
              }}
            >
              <Tasks tasks={work.data.tasks} onDone={work.reload} />
            </Section>
            <ReturnInterviewsSection data={work.data.returnInterviews} />
            <ReanalysesSection data={work.data.reanalyses} />
            <MeetingsSection data={work.data.meetings} />
            <DisruptionSection data={work.data.disruption} />
          </>
        )}
      </div>
      {adminLinks.length > 0 && (
        <div className="govuk-grid-column-one-third">
          <aside className="lantern-related" aria-labelledby="administration">
            <h2 className="govuk-heading-s" id="administration">
              Administration
            </h2>
            <ul className="govuk-list govuk-!-font-size-16">
              {adminLinks.map((link) => (
                <li key={link.to}>
                  <Link className="govuk-link" to={link.to}>
                    {link.text}
                  </Link>
                </li>
              ))}
            </ul>
          </aside>
        </div>
      )}
    </div>
  );
}
