import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { useApiData } from '../components/data.ts';
import { formatDateTime } from '../components/format.ts';
import { usePageTitle } from '../components/page.ts';
import { LoadFailure, Loading, StartButton } from '../components/ui.tsx';
import { useMe } from '../session.tsx';

/**
 * One list on the page. The pages these items link to arrive with the capabilities that fill the lists
 * (children, referrals, plans); until then each item is described, not linked.
 */
function Section<T extends { id: string }>({
  id,
  title,
  items,
  describe,
  empty,
}: {
  id: string;
  title: string;
  items: T[];
  describe(item: T): ReactNode;
  empty: { heading: string; next: ReactNode };
}) {
  return (
    <section className="lantern-section" aria-labelledby={id}>
      <h2 className="govuk-heading-m" id={id}>
        {title}
      </h2>
      {items.length === 0 ? (
        <>
          <p className="govuk-body govuk-!-font-weight-bold">{empty.heading}</p>
          <p className="govuk-body">{empty.next}</p>
        </>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {items.map((item) => (
            <li key={item.id}>{describe(item)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function MyWork() {
  const me = useMe();
  const work = useApiData(() => api.myWork(), []);
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

        {work.state === 'loading' && <Loading />}
        {work.state === 'failed' && <LoadFailure error={work.error} />}
        {work.state === 'loaded' && (
          <>
            <Section
              id="children"
              title="Children you work with"
              items={work.data.children}
              describe={(child) => child.name}
              empty={{
                heading: 'No children are allocated to you.',
                next: 'When you become the lead worker or co-worker for a child, they will be listed here so you can go straight to their record.',
              }}
            />
            <Section
              id="referrals"
              title="Referrals waiting for a decision"
              items={work.data.referralsAwaitingDecision}
              describe={(referral) => `Referral received ${formatDateTime(referral.receivedAt)}`}
              empty={{
                heading: 'There are no referrals waiting for a decision.',
                next: 'Referrals that need a screening decision from you will be listed here.',
              }}
            />
            <Section
              id="tasks"
              title="Your tasks"
              items={work.data.tasks}
              describe={(task) =>
                task.dueAt ? `${task.title} – due ${formatDateTime(task.dueAt)}` : task.title
              }
              empty={{
                heading: 'You have no tasks.',
                next: 'Actions given to you in a child’s plan or at a meeting will be listed here, with the date they are due.',
              }}
            />
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
