/**
 * Return interviews due: every return still waiting for an interview to be offered or a decision
 * recorded, across the children the person may see, most overdue first, with the deadline in UK time.
 */
import { Link, useSearchParams } from 'react-router';
import { useApiData } from '../components/data.ts';
import { usePageTitle } from '../components/page.ts';
import { LoadFailure, Loading, Table } from '../components/ui.tsx';
import { missingApi } from './api.ts';
import { ukTime } from './datetime.tsx';
import { ClockTag } from './parts.tsx';
import './missing.css';

export function InterviewsDue() {
  const [params] = useSearchParams();
  const scope = params.get('scope') === 'mine' ? 'mine' : 'all';
  const due = useApiData(() => missingApi.due(scope), [scope]);
  usePageTitle('Return interviews due');
  return (
    <>
      <h1 className="govuk-heading-l">Return interviews due</h1>
      <p className="govuk-body">
        A child who has been missing is offered an independent return interview within 72 hours of coming
        back, unless the partnership’s timescale says otherwise. Deadlines are in UK time.
      </p>
      <p className="govuk-body">
        {scope === 'all' ? (
          <>
            Showing all children you can see.{' '}
            <Link className="govuk-link" to="/missing/interviews?scope=mine">
              Show only children you work with
            </Link>
          </>
        ) : (
          <>
            Showing children you work with.{' '}
            <Link className="govuk-link" to="/missing/interviews">
              Show all children you can see
            </Link>
          </>
        )}
      </p>
      {due.state === 'loading' && <Loading />}
      {due.state === 'failed' && <LoadFailure error={due.error} />}
      {due.state === 'loaded' &&
        (due.data.interviews.length === 0 ? (
          <p className="govuk-body">No return interviews are waiting to be offered.</p>
        ) : (
          <Table
            caption={`${due.data.interviews.length} waiting, most overdue first`}
            captionClassName="govuk-table__caption--s"
            columns={[
              { heading: 'Child' },
              { heading: 'Found or returned' },
              { heading: 'Offer due by' },
              { heading: 'Time left' },
              { heading: 'Lead worker' },
              { heading: 'Action' },
            ]}
            rows={due.data.interviews.map((item) => ({
              key: item.episodeId,
              cells: [
                <Link key="child" className="govuk-link" to={`/children/${item.child.id}/missing`}>
                  {item.child.name}
                </Link>,
                ukTime(item.returnedAt),
                item.clock.dueAt ? ukTime(item.clock.dueAt) : '',
                <ClockTag key="clock" clock={item.clock} />,
                item.leadWorker?.name ?? 'None allocated',
                <Link
                  key="record"
                  className="govuk-link"
                  to={`/missing/episodes/${item.episodeId}/interview`}
                >
                  Record the interview<span className="govuk-visually-hidden"> for {item.child.name}</span>
                </Link>,
              ],
            }))}
          />
        ))}
    </>
  );
}
