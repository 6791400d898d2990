/** Pieces the disruption pages share: the eligibility result, and the expiring work list. */
import { Link } from 'react-router';
import { formatDate } from '../children/format.ts';
import { Tag } from '../components/ui.tsx';
import type { EligibilityView, WorkView } from './api.ts';

/** The rules that stop the measure, what is still unknown, and the steps to take first — each cited. */
export function EligibilityPanel({ eligibility }: { eligibility: EligibilityView }) {
  return (
    <div className="govuk-inset-text" role="status">
      <p className="govuk-body govuk-!-font-weight-bold">
        {eligibility.eligible
          ? eligibility.readyToApply
            ? 'Every rule is met.'
            : 'Available, once the steps below are taken.'
          : 'Not available on what is recorded:'}
      </p>
      {eligibility.failures.length > 0 && (
        <ul className="govuk-list govuk-list--bullet">
          {eligibility.failures.map((f) => (
            <li key={f.rule}>
              <Tag colour={f.status === 'failed' ? 'red' : 'yellow'}>
                {f.status === 'failed' ? 'Not met' : 'Not known'}
              </Tag>{' '}
              {f.message} <span className="govuk-body-s">Source: {f.source}</span>
            </li>
          ))}
        </ul>
      )}
      {eligibility.requirements.length > 0 && (
        <>
          <p className="govuk-body">Steps before applying:</p>
          <ul className="govuk-list govuk-list--bullet">
            {eligibility.requirements.map((r) => (
              <li key={r.rule}>
                <Tag colour={r.met ? 'green' : 'yellow'}>{r.met ? 'Done' : 'To do'}</Tag> {r.message}{' '}
                <span className="govuk-body-s">Source: {r.source}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="govuk-body-s">
        Eligibility rules version {eligibility.rulesVersion}, checked on {formatDate(eligibility.checkedOn)}.
      </p>
    </div>
  );
}

export function WorkList({ work }: { work: WorkView }) {
  return (
    <>
      <h2 className="govuk-heading-m">Orders and notices expiring within {work.days} days</h2>
      {work.expiring.length === 0 ? (
        <p className="govuk-body">None.</p>
      ) : (
        <ul className="govuk-list">
          {work.expiring.map((item) => (
            <li key={item.disruption.id}>
              <Link className="govuk-link" to={`/disruption/${item.disruption.id}`}>
                {item.disruption.measureName}
                {item.disruption.target ? ` against ${item.disruption.target.name}` : ''}
              </Link>{' '}
              {item.overdue ? (
                <Tag colour="red">Expired {formatDate(item.expiresOn)}, still marked in force</Tag>
              ) : (
                <Tag colour={item.daysLeft <= 7 ? 'orange' : 'yellow'}>
                  Expires {formatDate(item.expiresOn)} ({item.daysLeft} day{item.daysLeft === 1 ? '' : 's'})
                </Tag>
              )}
              <span className="govuk-body-s lantern-contexts__note">{item.why.join('; ')}</span>
            </li>
          ))}
        </ul>
      )}
      <h2 className="govuk-heading-m">Breaches waiting for a response</h2>
      {work.breachesAwaitingResponse.length === 0 ? (
        <p className="govuk-body">None.</p>
      ) : (
        <ul className="govuk-list">
          {work.breachesAwaitingResponse.map((b) => (
            <li key={b.breachId}>
              <Link className="govuk-link" to={`/disruption/${b.disruptionId}`}>
                {b.measureName}: breach on {formatDate(b.date)}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
