import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../components/format.ts';
import { ButtonLink, SummaryList, type SummaryRow } from '../components/ui.tsx';
import type { Child, Flag } from './api.ts';
import { formatDate } from './format.ts';
import {
  dateOfBirthText,
  HarmTag,
  LabelTag,
  possessive,
  useChildContext,
  VerificationTag,
} from './record.tsx';
import type { CaseReference } from './reference.ts';
import {
  CASE_STATUS_NAMES,
  GAINER_NAMES,
  LABEL_NAMES,
  labelOf,
  nameOf,
  RELATIONSHIP_NAMES,
  SETTING_NAMES,
  SEX_NAMES,
} from './words.ts';

function SummaryCard({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title">{title}</h2>
        {actions}
      </div>
      <div className="govuk-summary-card__content">{children}</div>
    </div>
  );
}

const worker = (professional: Child['leadWorker']) =>
  professional ? `${professional.user.name}, ${professional.agency.name}` : 'Not allocated';

/** The elements of the policy definition a flag was set against (seed 004), as recorded. */
export function FlagElements({ flag }: { flag: Flag }) {
  return (
    <dl className="govuk-summary-list govuk-summary-list--no-border lantern-compact-list">
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Imbalance of power</dt>
        <dd className="govuk-summary-list__value lantern-pre-wrap">{flag.powerImbalance}</dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Exchange</dt>
        <dd className="govuk-summary-list__value">
          <span className="lantern-pre-wrap">{flag.exchange.what}</span>
          <span className="govuk-!-display-block govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0">
            Gained by: {flag.exchange.gainedBy.map((who) => nameOf(GAINER_NAMES, who)).join('; ')}
          </span>
        </dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Under 18</dt>
        <dd className="govuk-summary-list__value">{flag.ageUnder18 ? 'Yes' : 'No'}</dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Where</dt>
        <dd className="govuk-summary-list__value">{nameOf(SETTING_NAMES, flag.setting)}</dd>
      </div>
    </dl>
  );
}

function Observations({
  child,
  groups,
  reference,
}: {
  child: Child;
  groups: string[];
  reference: CaseReference | undefined;
}) {
  const observations = child.observations.filter((observation) => groups.includes(observation.group));
  if (observations.length === 0) return null;
  return (
    <>
      <h3 className="govuk-heading-s">Noticed by professionals, from the indicator guide’s prompts</h3>
      <ul className="govuk-list govuk-list--spaced">
        {observations.map((observation) => (
          <li key={observation.id}>
            <VerificationTag verification={observation.verification} /> {observation.text}
            <span className="govuk-!-display-block govuk-hint govuk-!-margin-bottom-0">
              {labelOf(reference?.indicatorGuide.groups, observation.group)}. Noticed{' '}
              {formatDate(observation.observedOn)} by {observation.source}; recorded by{' '}
              {observation.recordedBy.name} ({observation.recordedAgency.name}).{' '}
              <LabelTag label={observation.sensitivity} />
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function Overview() {
  const { child, reference } = useChildContext();
  const base = `/children/${child.id}`;
  const activeFlags = child.flags.filter((flag) => flag.active);

  return (
    <>
      {child.pendingClosure && (
        <div className="govuk-inset-text">
          {child.pendingClosure.requestedBy.name} asked for this case to be closed on{' '}
          {formatDateTime(child.pendingClosure.requestedAt)}: {child.pendingClosure.reasonName}.{' '}
          <Link className="govuk-link" to={`${base}/closure`}>
            See the closure request
          </Link>
        </div>
      )}
      <SummaryCard title="Summary">
        <SummaryList
          rows={[
            { key: 'Name', value: `${child.givenName} ${child.familyName}` },
            {
              key: 'Known as',
              value: child.knownAs.length > 0 ? child.knownAs.join(', ') : 'No other names recorded',
            },
            { key: 'Date of birth', value: dateOfBirthText(child) },
            {
              key: 'Statutory status',
              value:
                child.statutoryStatus.current.length === 0 ? (
                  'None'
                ) : (
                  <ul className="govuk-list">
                    {child.statutoryStatus.current.map((status) => (
                      <li key={status.id}>
                        {status.name}, since {formatDate(status.startedOn)}
                      </li>
                    ))}
                  </ul>
                ),
            },
            { key: 'Lead worker', value: worker(child.leadWorker) },
            { key: 'Specialist co-worker', value: worker(child.coWorker) },
            {
              key: 'Harm',
              value: child.harmStatus ? (
                <HarmTag child={child} reference={reference} />
              ) : (
                'No exploitation flag recorded'
              ),
            },
            { key: 'Case', value: CASE_STATUS_NAMES[child.caseStatus] ?? child.caseStatus },
            ...(child.yourRelationship.length > 0
              ? [
                  {
                    key: 'You are',
                    value: child.yourRelationship.map((kind) => nameOf(RELATIONSHIP_NAMES, kind)).join(', '),
                  },
                ]
              : []),
          ]}
        />
      </SummaryCard>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <section aria-labelledby="strengths">
            <h2 className="govuk-heading-m" id="strengths">
              Strengths and interests
            </h2>
            <h3 className="govuk-heading-s">Strengths</h3>
            <p className="govuk-body lantern-pre-wrap">{child.strengths || 'Not recorded yet.'}</p>
            <h3 className="govuk-heading-s">Interests</h3>
            <p className="govuk-body lantern-pre-wrap">{child.interests || 'Not recorded yet.'}</p>
            <Observations child={child} groups={['protective_factor']} reference={reference} />
          </section>
        </div>
        <div className="govuk-grid-column-one-half">
          <section aria-labelledby="concerns">
            <h2 className="govuk-heading-m" id="concerns">
              Concerns
            </h2>
            {activeFlags.length === 0 ? (
              <p className="govuk-body">No exploitation flag is recorded.</p>
            ) : (
              activeFlags.map((flag) => (
                <div key={flag.id} className="lantern-flag">
                  <h3 className="govuk-heading-s">
                    {flag.kind === 'other' && flag.otherDescription ? flag.otherDescription : flag.kindName}
                  </h3>
                  <p className="govuk-body lantern-tags">
                    <FlagHarm flag={flag} />
                    <LabelTag label={flag.sensitivity} />
                  </p>
                  <FlagElements flag={flag} />
                </div>
              ))
            )}
            <p className="govuk-body">
              <Link className="govuk-link" to={`${base}/flags`}>
                Flags and harm status
              </Link>
            </p>
            <Observations
              child={child}
              groups={['vulnerability', 'possible_sign_of_harm']}
              reference={reference}
            />
          </section>
        </div>
      </div>
    </>
  );
}

export function FlagHarm({ flag }: { flag: Flag }) {
  return (
    <strong className={`govuk-tag govuk-tag--${flag.harmStatus === 'known' ? 'red' : 'orange'}`}>
      {flag.harmStatusName}
    </strong>
  );
}

function labelled(
  child: Child,
  field: string,
  key: string,
  value: ReactNode,
  change: ((group: string, what: string) => SummaryRow['change']) | null,
  group: string,
): SummaryRow[] {
  // A field the viewer may not see is absent from the record: it is left out, not shown empty, and so
  // never offered for changing.
  if (!(field in child)) return [];
  const link = change?.(group, key.toLowerCase());
  return [
    {
      key,
      value: (
        <span className="lantern-tags">
          <span className="lantern-pre-wrap">{value || 'Not recorded'}</span>
          <LabelTag label={child.fieldLabels[field]} />
        </span>
      ),
      ...(link ? { change: link } : {}),
    },
  ];
}

const addressText = (a: Child['addresses'][number]) =>
  [a.line1, a.town, a.postcode].filter(Boolean).join(', ');

function AddressHistory({ child }: { child: Child }) {
  if (child.addresses.length === 0) return <p className="govuk-body">No address has been recorded.</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">
        {possessive(child.displayName)} addresses, most recent first
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Address
          </th>
          <th scope="col" className="govuk-table__header">
            From
          </th>
          <th scope="col" className="govuk-table__header">
            To
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {child.addresses.map((a) => (
          <tr key={a.id} className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              {addressText(a)}{' '}
              {a.current && <strong className="govuk-tag govuk-tag--blue lantern-label-tag">Current</strong>}
            </th>
            <td className="govuk-table__cell">{a.fromDate ? formatDate(a.fromDate) : 'Not known'}</td>
            <td className="govuk-table__cell">
              {a.toDate ? formatDate(a.toDate) : a.current ? 'Now' : 'Not known'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ChildDetails() {
  const { child, reference } = useChildContext();
  const base = `/children/${child.id}`;
  const canChange = child.permissions.update;
  const change = canChange
    ? (group: string, what: string) => ({ to: `${base}/details/${group}`, visuallyHidden: what })
    : null;
  const row = (key: string, value: ReactNode, group: string, what = key.toLowerCase()): SummaryRow => {
    const link = change?.(group, what);
    return { key, value, ...(link ? { change: link } : {}) };
  };
  const special = Object.keys(child.fieldLabels).filter((field) => !(field in child));
  return (
    <>
      <h2 className="govuk-heading-m">Details</h2>
      {special.length > 0 && (
        <p className="govuk-body">
          Some details carry a label you do not have (
          {[...new Set(special.map((field) => LABEL_NAMES[child.fieldLabels[field] ?? ''] ?? ''))].join(', ')}
          ), so they are not shown.
        </p>
      )}
      <SummaryList
        rows={[
          row('First name', child.givenName, 'name'),
          row('Last name', child.familyName, 'name'),
          row('Known as', child.knownAs.join(', ') || 'No other names recorded', 'name', 'known-as names'),
          row('Date of birth', dateOfBirthText(child), 'date-of-birth'),
          row('Sex', nameOf(SEX_NAMES, child.sex) || 'Not known', 'sex'),
          ...labelled(
            child,
            'genderIdentity',
            'Gender identity',
            child.genderIdentity,
            change,
            'gender-identity',
          ),
          ...labelled(
            child,
            'sexualOrientation',
            'Sexual orientation',
            child.sexualOrientation,
            change,
            'sexual-orientation',
          ),
          ...labelled(child, 'ethnicity', 'Ethnicity', child.ethnicity, change, 'ethnicity'),
          ...labelled(child, 'religion', 'Religion or belief', child.religion, change, 'religion'),
          ...labelled(child, 'disability', 'Disability', child.disability, change, 'disability'),
          row('First language', child.firstLanguage || 'Not recorded', 'language'),
          row(
            'Interpreter needed',
            child.interpreterNeeded ? 'Yes' : 'No',
            'language',
            'whether an interpreter is needed',
          ),
          row(
            'Special educational needs',
            <span className="lantern-pre-wrap">{child.send || 'Not recorded'}</span>,
            'send',
          ),
          row('School or setting', child.school || 'Not recorded', 'school'),
          row('Care status', labelOf(reference?.careStatuses, child.careStatus), 'care-status'),
          row(
            'Strengths',
            <span className="lantern-pre-wrap">{child.strengths || 'Not recorded'}</span>,
            'strengths-interests',
          ),
          row(
            'Interests',
            <span className="lantern-pre-wrap">{child.interests || 'Not recorded'}</span>,
            'strengths-interests',
          ),
        ]}
      />

      <h2 className="govuk-heading-m">Addresses</h2>
      <AddressHistory child={child} />
      {canChange && (
        <ButtonLink to={`${base}/addresses/new`} secondary>
          Add an address
        </ButtonLink>
      )}

      <h2 className="govuk-heading-m">Roles on this record</h2>
      <ul className="govuk-list govuk-list--spaced">
        {child.roles.map((role) => (
          <li key={role.role}>
            {role.name}
            {role.note && (
              <span className="govuk-!-display-block govuk-hint lantern-pre-wrap">{role.note}</span>
            )}
          </li>
        ))}
      </ul>
      {canChange && child.roles.length < (reference?.personRoles.length ?? 4) && (
        <ButtonLink to={`${base}/roles/new`} secondary>
          Add a role
        </ButtonLink>
      )}

      <h2 className="govuk-heading-m">Statutory status history</h2>
      {child.statutoryStatus.history.length === 0 ? (
        <p className="govuk-body">No statutory status has been recorded.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">
            {possessive(child.displayName)} statutory statuses
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Status
              </th>
              <th scope="col" className="govuk-table__header">
                From
              </th>
              <th scope="col" className="govuk-table__header">
                To
              </th>
              <th scope="col" className="govuk-table__header">
                Reason
              </th>
              {canChange && (
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Action</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {child.statutoryStatus.history.map((status) => (
              <tr key={status.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {status.name}
                </th>
                <td className="govuk-table__cell">{formatDate(status.startedOn)}</td>
                <td className="govuk-table__cell">
                  {status.endedOn ? formatDate(status.endedOn) : 'Current'}
                </td>
                <td className="govuk-table__cell">
                  <span className="lantern-pre-wrap">{status.reason}</span>
                  {status.referralId && (
                    <>
                      {' '}
                      <Link className="govuk-link" to={`/referrals/${status.referralId}`}>
                        See the referral
                      </Link>
                    </>
                  )}
                </td>
                {canChange && (
                  <td className="govuk-table__cell">
                    {!status.endedOn && (
                      <Link className="govuk-link" to={`${base}/statutory-statuses/${status.id}/end`}>
                        End<span className="govuk-visually-hidden"> {status.name}</span>
                      </Link>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canChange && (
        <ButtonLink to={`${base}/statutory-statuses/new`} secondary>
          Add a statutory status
        </ButtonLink>
      )}

      <h2 className="govuk-heading-m">Records merged into this one</h2>
      {child.mergedRecords.length === 0 ? (
        <p className="govuk-body">No other record has been merged into this one.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {child.mergedRecords.map((merged) => (
            <li key={merged.mergeId}>
              {merged.displayName}, merged {formatDateTime(merged.mergedAt)}
              {child.permissions.merge && (
                <>
                  {' '}
                  <Link className="govuk-link" to={`${base}/merges/${merged.mergeId}/undo`}>
                    Undo the merge<span className="govuk-visually-hidden"> of {merged.displayName}</span>
                  </Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {child.permissions.merge && (
        <ButtonLink to={`${base}/merge`} secondary>
          Merge another record into this one
        </ButtonLink>
      )}
    </>
  );
}
