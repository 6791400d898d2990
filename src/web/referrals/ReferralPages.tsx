import { Link, useParams } from 'react-router';
import { formatDate, formatDeadline } from '../children/format.ts';
import { type CaseReference, useCaseReference } from '../children/reference.ts';
import { LABEL_NAMES, labelOf, ONLINE_NAMES, SEX_NAMES } from '../children/words.ts';
import { useApiData } from '../components/data.ts';
import { formatDateTime } from '../components/format.ts';
import { usePageTitle } from '../components/page.ts';
import {
  BackLink,
  ButtonLink,
  LoadFailure,
  Loading,
  SummaryList,
  type SummaryRow,
  Table,
  Tag,
  WarningText,
} from '../components/ui.tsx';
import { RecordChallenges } from '../language/Challenges.tsx';
import { type QueueEntry, type Referral, referralsApi } from './api.ts';

export function StatusTag({ referral }: { referral: Referral }) {
  return referral.status === 'decided' ? (
    <Tag colour="green">{referral.statusName}</Tag>
  ) : (
    <Tag colour="blue">{referral.statusName}</Tag>
  );
}

export function UnverifiedTag() {
  return <Tag colour="yellow">Unverified</Tag>;
}

/** How long a referral has waited against the timescale, as the server worked it out. */
export function WaitingText({ waiting }: { waiting: QueueEntry['waiting'] }) {
  const days = (n: number) => `${n} working ${n === 1 ? 'day' : 'days'}`;
  return (
    <>
      {waiting.overdue && (
        <>
          <Tag colour="red">Overdue</Tag>{' '}
        </>
      )}
      <span className="govuk-!-display-block">
        Waited {days(waiting.workingDaysWaited)} of {days(waiting.timescaleWorkingDays)}
      </span>
      <span className="govuk-!-display-block govuk-hint govuk-!-margin-bottom-0">
        Decision due by {formatDeadline(waiting.decisionDueAt)}
      </span>
    </>
  );
}

const harmNames = (reference: CaseReference | undefined, kinds: string[]) =>
  kinds.map((kind) => labelOf(reference?.harmKinds, kind)).join(', ');

export function MyReferrals() {
  const referrals = useApiData(() => referralsApi.mine(), []);
  const reference = useCaseReference();
  usePageTitle('Your referrals');
  return (
    <>
      <h1 className="govuk-heading-l">Your referrals</h1>
      <p className="govuk-body">
        The referrals you have made, newest first, with what the front door decided and what they want you to
        know.
      </p>
      <ButtonLink to="/referrals/new">Make a referral</ButtonLink>
      {referrals.state === 'loading' && <Loading />}
      {referrals.state === 'failed' && <LoadFailure error={referrals.error} />}
      {referrals.state === 'loaded' &&
        (referrals.data.referrals.length === 0 ? (
          <p className="govuk-body">You have not made any referrals in Lantern.</p>
        ) : (
          <Table
            caption="Referrals you have made"
            columns={[
              { heading: 'Child' },
              { heading: 'Sent' },
              { heading: 'Kind of harm' },
              { heading: 'Status' },
            ]}
            rows={referrals.data.referrals.map((referral) => ({
              key: referral.id,
              cells: [
                <Link key="child" className="govuk-link" to={`/referrals/${referral.id}`}>
                  {referral.subject.displayName}
                </Link>,
                formatDateTime(referral.receivedAt),
                harmNames(reference.data, referral.harmKinds),
                <span key="status" className="lantern-tags">
                  <StatusTag referral={referral} />
                  {referral.outcome && <span>{referral.outcome.decisionName}</span>}
                </span>,
              ],
            }))}
          />
        ))}
    </>
  );
}

export function ScreeningQueue() {
  const queue = useApiData(() => referralsApi.queue(), []);
  const reference = useCaseReference();
  usePageTitle('Screening queue');
  return (
    <>
      <h1 className="govuk-heading-l">Screening queue</h1>
      <p className="govuk-body">
        Referrals waiting for a screening decision. Children in immediate danger are at the top, then the
        referrals whose decision is due soonest.
        {reference.data &&
          ` A decision is due within ${reference.data.timescales.screeningDecisionWorkingDays} working ${
            reference.data.timescales.screeningDecisionWorkingDays === 1 ? 'day' : 'days'
          } of the referral arriving (weekends and bank holidays are not counted).`}
      </p>
      {queue.state === 'loading' && <Loading />}
      {queue.state === 'failed' && <LoadFailure error={queue.error} />}
      {queue.state === 'loaded' &&
        (queue.data.referrals.length === 0 ? (
          <p className="govuk-body">There are no referrals waiting for a decision.</p>
        ) : (
          <Table
            caption="Referrals waiting for a decision"
            columns={[
              { heading: 'Child' },
              { heading: 'Received' },
              { heading: 'Referred by' },
              { heading: 'Kind of harm' },
              { heading: 'Waiting' },
            ]}
            rows={queue.data.referrals.map((item) => ({
              key: item.id,
              cells: [
                <span key="child">
                  {item.immediateDanger && (
                    <span className="govuk-!-display-block govuk-!-margin-bottom-1">
                      <Tag colour="red">Immediate danger</Tag>
                    </span>
                  )}
                  <Link className="govuk-link" to={`/referrals/${item.id}`}>
                    {item.subjectName}
                  </Link>
                </span>,
                formatDateTime(item.receivedAt),
                item.referrerAgency.name,
                harmNames(reference.data, item.harmKinds),
                <WaitingText key="waiting" waiting={item.waiting} />,
              ],
            }))}
          />
        ))}
    </>
  );
}

function subjectRows(referral: Referral): SummaryRow[] {
  const s = referral.subject;
  return [
    { key: 'Name', value: `${s.givenName} ${s.familyName}` },
    ...(s.knownAs.length > 0 ? [{ key: 'Also known as', value: s.knownAs.join(', ') }] : []),
    {
      key: 'Date of birth or age',
      value: s.dateOfBirth
        ? formatDate(s.dateOfBirth)
        : s.estimatedAge !== null
          ? `About ${s.estimatedAge} years old`
          : 'Not given',
    },
    ...(s.sex ? [{ key: 'Sex', value: SEX_NAMES[s.sex] ?? s.sex }] : []),
    ...(s.school ? [{ key: 'School or college', value: s.school }] : []),
    ...(s.address || s.postcode
      ? [{ key: 'Address', value: [s.address, s.postcode].filter(Boolean).join(', ') }]
      : []),
  ];
}

function concernRows(referral: Referral, reference: CaseReference | undefined): SummaryRow[] {
  return [
    { key: 'Received', value: formatDateTime(referral.receivedAt) },
    { key: 'Immediate danger', value: referral.immediateDanger ? 'Yes' : 'No' },
    // The narrative is absent when it carries a label this viewer may not see.
    ...(referral.narrative !== undefined
      ? [
          {
            key: 'What has been seen or heard',
            value: <span className="lantern-pre-wrap">{referral.narrative}</span>,
          },
        ]
      : [
          {
            key: 'What has been seen or heard',
            value: 'You cannot see this: it carries a label you do not have.',
          },
        ]),
    ...(referral.seenOrHeardBy !== undefined
      ? [{ key: 'Seen or heard by', value: referral.seenOrHeardBy }]
      : []),
    { key: 'When it happened', value: formatDate(referral.happenedOn) },
    { key: 'Kind of harm', value: harmNames(reference, referral.harmKinds) },
    { key: 'Online', value: ONLINE_NAMES[referral.onlineElement] ?? referral.onlineElement },
    { key: 'The child knows', value: referral.childKnows ? 'Yes' : 'No' },
    { key: 'The family knows', value: referral.familyKnows ? 'Yes' : 'No' },
    ...(referral.withoutConsentReason
      ? [{ key: 'Why without them knowing', value: referral.withoutConsentReason }]
      : []),
    ...(referral.sensitivity !== 'standard'
      ? [{ key: 'Label', value: LABEL_NAMES[referral.sensitivity] ?? referral.sensitivity }]
      : []),
  ];
}

function Outcome({ referral }: { referral: Referral }) {
  const { outcome } = referral;
  if (!outcome) {
    return (
      <p className="govuk-body">
        The front door has not decided yet. When they have, the outcome and what they want you to know will be
        here.
      </p>
    );
  }
  return (
    <SummaryList
      rows={[
        { key: 'Decision', value: outcome.decisionName },
        { key: 'What this means', value: outcome.meaning },
        {
          key: 'What the front door wants you to know',
          value: <span className="lantern-pre-wrap">{outcome.feedback}</span>,
        },
        ...(outcome.advice
          ? [{ key: 'Advice', value: <span className="lantern-pre-wrap">{outcome.advice}</span> }]
          : []),
        { key: 'Decided', value: formatDateTime(outcome.decidedAt) },
      ]}
    />
  );
}

/** Screener only: the decision's reasons, who made it, and the follow-on tasks. */
function Screening({ referral }: { referral: Referral }) {
  return (
    <>
      {referral.reasons !== undefined && (
        <SummaryList
          rows={[
            { key: 'Reasons', value: <span className="lantern-pre-wrap">{referral.reasons}</span> },
            ...(referral.decidedBy ? [{ key: 'Decided by', value: referral.decidedBy.name }] : []),
          ]}
        />
      )}
      {referral.tasks && referral.tasks.length > 0 && (
        <Table
          caption="Follow-on tasks"
          captionClassName="govuk-table__caption--s"
          columns={[{ heading: 'Task' }, { heading: 'Given to' }, { heading: 'Due' }, { heading: 'Status' }]}
          rows={referral.tasks.map((task) => ({
            key: task.id,
            cells: [
              task.title,
              task.assignedTo.name,
              `By ${formatDeadline(task.dueAt)}`,
              task.status === 'open' ? 'Open' : 'Done',
            ],
          }))}
        />
      )}
    </>
  );
}

export function ReferralPage() {
  const { id = '' } = useParams();
  const loaded = useApiData(() => referralsApi.get(id), [id]);
  const reference = useCaseReference();
  const referral = loaded.data?.referral;
  const title = referral ? `Referral about ${referral.subject.displayName}` : 'Referral';
  usePageTitle(title);
  const screener = referral?.view === 'screener';

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={screener ? '/referrals/queue' : '/referrals'}>
          {screener ? 'Back to the screening queue' : 'Back to your referrals'}
        </BackLink>
        <span className="govuk-caption-l">Referral</span>
        <h1 className="govuk-heading-l">{title}</h1>
        {loaded.state === 'loading' && <Loading />}
        {loaded.state === 'failed' && <LoadFailure error={loaded.error} />}
        {referral && (
          <>
            <p className="govuk-body">
              <StatusTag referral={referral} />
            </p>
            <p className="govuk-body">
              Reference: <span className="lantern-reference-inline">{referral.id}</span>
            </p>
            {referral.immediateDanger && referral.status === 'awaiting_decision' && (
              <WarningText>The referrer said the child is in immediate danger.</WarningText>
            )}
            {screener && referral.waiting && referral.status === 'awaiting_decision' && (
              <div className="govuk-inset-text">
                <WaitingText waiting={referral.waiting} />
              </div>
            )}

            {screener && (
              <>
                <h2 className="govuk-heading-m">Screening</h2>
                {referral.child ? (
                  <p className="govuk-body">
                    Child’s record:{' '}
                    <Link className="govuk-link" to={`/children/${referral.child.id}`}>
                      {referral.child.displayName}
                    </Link>
                    {referral.child.dateOfBirth && `, born ${formatDate(referral.child.dateOfBirth)}`}
                  </p>
                ) : (
                  <p className="govuk-body">This referral is not yet linked to a child’s record.</p>
                )}
                <div className="govuk-button-group">
                  {referral.permissions.linkChild && (
                    <ButtonLink to={`/referrals/${referral.id}/child`}>Find the child’s record</ButtonLink>
                  )}
                  {referral.permissions.decide && (
                    <ButtonLink to={`/referrals/${referral.id}/decision`}>
                      Record the screening decision
                    </ButtonLink>
                  )}
                </div>
              </>
            )}

            <h2 className="govuk-heading-m">Outcome</h2>
            <Outcome referral={referral} />
            {screener && <Screening referral={referral} />}

            {referral.referrer && (
              <>
                <h2 className="govuk-heading-m">Referred by</h2>
                <SummaryList
                  rows={[
                    { key: 'Name', value: referral.referrer.user.name },
                    { key: 'Agency', value: referral.referrer.agency.name },
                  ]}
                />
              </>
            )}

            <h2 className="govuk-heading-m">The child</h2>
            <SummaryList rows={subjectRows(referral)} />

            <h2 className="govuk-heading-m">{screener ? 'The concern' : 'What you sent'}</h2>
            <SummaryList rows={concernRows(referral, reference.data)} />
            {/* Once linked to a child, the referrer's words can be challenged by those who screen it,
                and the referrer (who decides) sees the challenges here too. */}
            {referral.wording && referral.narrative !== undefined && (
              <RecordChallenges
                record={{ type: 'referral', childId: referral.wording.childId, recordId: referral.id }}
              />
            )}

            {referral.observations && referral.observations.length > 0 && (
              <>
                <h2 className="govuk-heading-m">What the referrer noticed, from the prompts</h2>
                <p className="govuk-body">
                  Prompts from the indicator guide that the referrer ticked. Each is what they noticed, not a
                  finding, and is unverified until someone checks it.
                </p>
                <ul className="govuk-list govuk-list--spaced">
                  {referral.observations.map((observation) => (
                    <li key={observation.id}>
                      <UnverifiedTag /> {observation.text}
                      <span className="govuk-!-display-block govuk-hint govuk-!-margin-bottom-0">
                        {labelOf(reference.data?.indicatorGuide.groups, observation.group)}; noticed{' '}
                        {formatDate(observation.observedOn)}; source: {observation.source}
                        {observation.note && `. ${observation.note}`}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </div>
    </div>
  );
}
