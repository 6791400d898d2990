/**
 * One tracker of the actions from every meeting, most overdue first, with the filters in the address.
 * A MACE chair can escalate the overdue actions: the chair of the meeting tracking each one and the
 * owner's manager get a task each, once; anyone who cannot be found is named so the gap is fixed.
 */
import { useState } from 'react';
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

function Escalate({ onDone }: { onDone(): void }) {
  const [result, setResult] = useState<{ text: string; gaps: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const escalate = async () => {
    setBusy(true);
    try {
      const res = await maceApi.escalate();
      const gaps = [...new Set(res.escalations.flatMap((e) => (e.gaps as string[] | undefined) ?? []))];
      const overdue = res.escalations.length;
      setResult({
        text:
          overdue === 0
            ? 'No action is overdue enough to escalate.'
            : `${overdue} overdue ${overdue === 1 ? 'action' : 'actions'} checked: ${res.raised.length} new ${
                res.raised.length === 1 ? 'task' : 'tasks'
              } raised for chairs and managers. Anyone already told was not told again.`,
        gaps,
      });
      onDone();
    } catch (e) {
      setResult({ text: e instanceof Error ? e.message : 'The actions could not be escalated.', gaps: [] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={escalate}
        disabled={busy}
      >
        Escalate overdue actions
      </button>
      <div aria-live="polite">
        {result && (
          <>
            <p className="govuk-body">{result.text}</p>
            {result.gaps.length > 0 && (
              <>
                <p className="govuk-body">Who could not be told, to fix:</p>
                <ul className="govuk-list govuk-list--bullet">
                  {result.gaps.map((g) => (
                    <li key={g}>{g}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </div>
    </>
  );
}

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
  const permissions = useApiData(() => maceApi.meetings().then((m) => m.permissions), []);
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
      {permissions.state === 'loaded' && permissions.data.escalate && <Escalate onDone={data.reload} />}
      {data.state === 'loading' && <Loading />}
      {data.state === 'failed' && <LoadFailure error={data.error} />}
      {data.state === 'loaded' &&
        (data.data.actions.length === 0 ? (
          <p className="govuk-body">
            {show === 'overdue'
              ? 'No action is overdue.'
              : show === 'carriedOver'
                ? 'No action has been carried over.'
                : 'No actions yet. Actions agreed at meetings you can see will be listed here.'}
          </p>
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
