/** One tracker of the actions from every meeting, most overdue first, with the filters in the address. */
import { Link, useSearchParams } from 'react-router';
import { useApiData } from '../components/data.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, LoadFailure, Loading, Table, Tag } from '../components/ui.tsx';
import { maceApi } from './api.ts';

const FILTERS = [
  { key: '', text: 'All actions' },
  { key: 'overdue', text: 'Overdue' },
  { key: 'carriedOver', text: 'Carried over' },
] as const;

export function ActionTracker() {
  const [params] = useSearchParams();
  const show = params.get('show') ?? '';
  const filter = {
    ...(show === 'overdue' ? { overdue: 'true' } : {}),
    ...(show === 'carriedOver' ? { carriedOver: 'true' } : {}),
    agencyId: params.get('agencyId') ?? undefined,
    ownerId: params.get('ownerId') ?? undefined,
    childId: params.get('childId') ?? undefined,
  };
  const data = useApiData(() => maceApi.actions(filter), [params.toString()]);
  usePageTitle('Meeting actions');
  return (
    <>
      <BackLink to="/meetings">Meetings</BackLink>
      <h1 className="govuk-heading-l">Meeting actions</h1>
      <nav aria-label="Filter actions">
        <ul className="govuk-list">
          {FILTERS.map((f) => (
            <li key={f.key}>
              {f.key === show ? (
                <strong>{f.text}</strong>
              ) : (
                <Link
                  className="govuk-link"
                  to={f.key ? `/meetings/actions?show=${f.key}` : '/meetings/actions'}
                >
                  {f.text}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {data.state === 'loading' && <Loading />}
      {data.state === 'failed' && <LoadFailure error={data.error} />}
      {data.state === 'loaded' &&
        (data.data.actions.length === 0 ? (
          <p className="govuk-body">No actions match.</p>
        ) : (
          <Table
            caption={`${data.data.actions.length} actions, most overdue first`}
            captionClassName="govuk-table__caption--s"
            columns={[
              { heading: 'Action' },
              { heading: 'Owner' },
              { heading: 'Agency' },
              { heading: 'Due' },
              { heading: 'Status' },
              { heading: 'Meeting' },
            ]}
            rows={data.data.actions.map((a) => ({
              key: a.id,
              cells: [
                a.title,
                a.ownerName,
                a.agencyName ?? '',
                a.dueDate,
                <span key="s">
                  {a.daysOverdue > 0 ? (
                    <Tag colour="red">{`${a.daysOverdue} days overdue`}</Tag>
                  ) : (
                    a.status.replace('_', ' ')
                  )}
                  {a.carriedOver > 0 &&
                    ` (carried over ${a.carriedOver === 1 ? 'once' : `${a.carriedOver} times`})`}
                </span>,
                <Link key="m" className="govuk-link" to={`/meetings/${a.meetingId}`}>
                  {a.meetingTitle}
                </Link>,
              ],
            }))}
          />
        ))}
    </>
  );
}
