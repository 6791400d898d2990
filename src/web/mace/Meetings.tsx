/**
 * The meetings the person convenes, chairs or is invited to, and the ways to the action tracker, the
 * triage list and convening a meeting, offered as the server's `permissions` say.
 */
import { Link } from 'react-router';
import { useApiData } from '../components/data.ts';
import { usePageTitle } from '../components/page.ts';
import { ButtonLink, LoadFailure, Loading, Table } from '../components/ui.tsx';
import { maceApi, ukDateTime } from './api.ts';

export function Meetings() {
  const data = useApiData(() => maceApi.meetings(), []);
  usePageTitle('Meetings');
  return (
    <>
      <h1 className="govuk-heading-l">Meetings</h1>
      <p className="govuk-body">
        Strategy meetings, MACE triage, MACE meetings and review meetings you chair or are invited to.{' '}
        <Link className="govuk-link" to="/meetings/actions">
          See the actions from every meeting
        </Link>
        .
      </p>
      {data.state === 'loaded' && (
        <>
          {data.data.permissions.triage && (
            <p className="govuk-body">
              <Link className="govuk-link" to="/meetings/triage">
                Prepare the MACE triage list
              </Link>
            </p>
          )}
          {data.data.permissions.convene.length > 0 && (
            <ButtonLink to="/meetings/new">Convene a meeting</ButtonLink>
          )}
        </>
      )}
      {data.state === 'loading' && <Loading />}
      {data.state === 'failed' && <LoadFailure error={data.error} />}
      {data.state === 'loaded' &&
        (data.data.meetings.length === 0 ? (
          <p className="govuk-body">
            You have no meetings. Meetings you chair, convene or are invited to will be listed here.
          </p>
        ) : (
          <Table
            caption="Your meetings, latest first"
            captionClassName="govuk-table__caption--s"
            columns={[
              { heading: 'Meeting' },
              { heading: 'Type' },
              { heading: 'When (UK time)' },
              { heading: 'Chair' },
              { heading: 'Open actions' },
            ]}
            rows={data.data.meetings.map((m) => ({
              key: m.id,
              cells: [
                <Link key="m" className="govuk-link" to={`/meetings/${m.id}`}>
                  {m.title}
                </Link>,
                m.typeLabel,
                ukDateTime(m.startsAt),
                m.chairName,
                String(m.openActions),
              ],
            }))}
          />
        ))}
    </>
  );
}
