import { Link } from 'react-router';
import { formatDateTime } from '../components/format.ts';
import { ButtonLink } from '../components/ui.tsx';
import type { Child, Flag } from './api.ts';
import { FlagElements, FlagHarm } from './Overview.tsx';
import { LabelTag, useChildContext } from './record.tsx';

const flagName = (flag: Flag) =>
  flag.kind === 'other' && flag.otherDescription ? flag.otherDescription : flag.kindName;

function FlagCard({ child, flag }: { child: Child; flag: Flag }) {
  const base = `/children/${child.id}/flags/${flag.id}`;
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">{flagName(flag)}</h3>
        {child.permissions.setFlag && flag.active && (
          <ul className="govuk-summary-card__actions">
            <li className="govuk-summary-card__action">
              <Link className="govuk-link" to={`${base}/harm-status`}>
                Change harm status<span className="govuk-visually-hidden"> of {flagName(flag)}</span>
              </Link>
            </li>
            <li className="govuk-summary-card__action">
              <Link className="govuk-link" to={`${base}/remove`}>
                Remove<span className="govuk-visually-hidden"> {flagName(flag)}</span>
              </Link>
            </li>
          </ul>
        )}
      </div>
      <div className="govuk-summary-card__content">
        <p className="govuk-body lantern-tags">
          <FlagHarm flag={flag} />
          <LabelTag label={flag.sensitivity} />
        </p>
        <p className="govuk-body lantern-pre-wrap">{flag.harmRationale}</p>
        <p className="govuk-body-s">
          Harm status decided by {flag.harmDecidedBy.name}, {formatDateTime(flag.harmDecidedAt)}. Flag set by{' '}
          {flag.setBy.name} ({flag.setAgency.name}), {formatDateTime(flag.setAt)}.
        </p>
        <h4 className="govuk-heading-s">Against the policy definition</h4>
        <FlagElements flag={flag} />
        {flag.harmHistory.length > 1 && (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">Harm status history</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  When
                </th>
                <th scope="col" className="govuk-table__header">
                  Harm status
                </th>
                <th scope="col" className="govuk-table__header">
                  Why
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {flag.harmHistory.map((change) => (
                <tr key={`${change.decidedAt}-${change.harmStatus}`} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    {formatDateTime(change.decidedAt)}
                    <span className="govuk-!-display-block govuk-hint govuk-!-margin-bottom-0">
                      {change.decidedBy.name}
                    </span>
                  </td>
                  <td className="govuk-table__cell">
                    {change.harmStatus === 'known' ? 'Known' : 'Suspected'}
                  </td>
                  <td className="govuk-table__cell lantern-pre-wrap">{change.rationale}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {!flag.active && (
          <p className="govuk-body">
            Removed {flag.removedAt ? formatDateTime(flag.removedAt) : ''}: {flag.removedReason}
          </p>
        )}
      </div>
    </div>
  );
}

export function FlagsPage() {
  const { child } = useChildContext();
  const active = child.flags.filter((flag) => flag.active);
  const removed = child.flags.filter((flag) => !flag.active);
  return (
    <>
      <h2 className="govuk-heading-m">Flags and harm</h2>
      <p className="govuk-body">
        A flag records exploitation against the policy definition, not a criminal offence. Its harm status
        says whether exploitation is suspected or known: a child who is being harmed is recorded as harmed.
      </p>
      {child.permissions.setFlag && (
        <ButtonLink to={`/children/${child.id}/flags/new`}>Add a flag</ButtonLink>
      )}
      {active.length === 0 ? (
        <p className="govuk-body">No exploitation flag is recorded.</p>
      ) : (
        active.map((flag) => <FlagCard key={flag.id} child={child} flag={flag} />)
      )}
      {removed.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Removed flags</h2>
          {removed.map((flag) => (
            <FlagCard key={flag.id} child={child} flag={flag} />
          ))}
        </>
      )}
    </>
  );
}
