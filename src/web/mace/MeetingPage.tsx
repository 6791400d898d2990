/**
 * One meeting. The chair sees the record they may see (parts withheld from them are counted, never
 * shown), the persons of concern and places that appear in more than one item, and can change the
 * meeting, record attendance and the young person's participation, minute each item, carry actions
 * over and send the papers, with the record of every copy sent. A member sees their own redacted copy.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApiData } from '../components/data.ts';
import { usePageTitle } from '../components/page.ts';
import {
  BackLink,
  InsetText,
  LoadFailure,
  Loading,
  SummaryList,
  Table,
  WarningText,
} from '../components/ui.tsx';
import { RecordChallenges } from '../language/Challenges.tsx';
import { type MaceConfig, type MeetingView, maceApi, ukDateTime } from './api.ts';
import { participationWords } from './Participation.tsx';

function Papers({ view, onSent }: { view: MeetingView; onSent(): void }) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async (kind: 'pack' | 'minutes') => {
    setBusy(true);
    try {
      const res = await maceApi.send(view.id, kind);
      setStatus(`Sent ${res.sent.length} copies, each redacted for the person receiving it.`);
      onSent();
    } catch (e) {
      setStatus(e instanceof Error ? e.message : 'The papers could not be sent.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h2 className="govuk-heading-m">Papers</h2>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href={`/api/mace/meetings/${view.id}/pack.pdf?kind=pack`}>
            Download your copy of the meeting pack (PDF)
          </a>
        </li>
        <li>
          <a className="govuk-link" href={`/api/mace/meetings/${view.id}/pack.pdf?kind=minutes`}>
            Download your copy of the minutes (PDF)
          </a>
        </li>
      </ul>
      {view.canManage && <h3 className="govuk-heading-s">Send papers</h3>}
      {view.canManage && (
        <p className="govuk-body">
          Every person invited gets their own copy, holding only what they may see. Each copy sent is
          recorded.
        </p>
      )}
      {view.canManage && (
        <div className="govuk-button-group">
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            disabled={busy}
            onClick={() => send('pack')}
          >
            Send the meeting pack
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            disabled={busy}
            onClick={() => send('minutes')}
          >
            Send the minutes
          </button>
        </div>
      )}
      <div aria-live="polite">{status && <p className="govuk-body">{status}</p>}</div>
      {view.canManage &&
        (view.sendings.length === 0 ? (
          <p className="govuk-body">No papers have been sent yet.</p>
        ) : (
          <Table
            caption="Papers sent, latest first"
            captionClassName="govuk-table__caption--s"
            columns={[
              { heading: 'Papers' },
              { heading: 'Sent to' },
              { heading: 'Agency' },
              { heading: 'When (UK time)' },
            ]}
            rows={view.sendings.map((x, n) => ({
              key: `${x.sentAt}-${n}`,
              cells: [
                x.kind === 'minutes' ? 'Minutes' : 'Meeting pack',
                x.recipientName,
                x.agencyName,
                ukDateTime(x.sentAt),
              ],
            }))}
          />
        ))}
    </>
  );
}

/**
 * Under each item about a child, once the meeting is held: the challenges to the wording of its shareable
 * minute, and the way to challenge it.
 */
function MinuteChallenges({
  meetingId,
  childId,
  itemId,
  heading,
  level,
}: {
  meetingId: string;
  childId: string;
  itemId: string;
  heading: string;
  level: 3 | 4;
}) {
  return (
    <RecordChallenges
      record={{ type: 'minutes', childId, recordId: meetingId }}
      field={`minutes.${itemId}`}
      headingLevel={level}
      about={heading}
    />
  );
}

function ChairView({ view, config }: { view: MeetingView; config: MaceConfig }) {
  const record = view.record;
  if (!record) return null;
  const invited = new Map(record.invitations.map((i) => [i.id, i]));
  const takesPart =
    config.meetingTypes[view.type as keyof MaceConfig['meetingTypes']]?.youngPersonAndFamilyTakePart;
  const openActions = record.actions.filter((a) => a.status === 'open' || a.status === 'in_progress');
  return (
    <>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/meetings/${view.id}/edit`}>
          Change the meeting
          <span className="govuk-visually-hidden">: time, status, agenda or invitations</span>
        </Link>
      </p>
      {view.withheld > 0 && (
        <InsetText>
          {view.withheld} labelled parts of this record (for example police intelligence) are withheld from
          you. They are kept when you save.
        </InsetText>
      )}
      {view.quorum && !view.quorum.quorate && <WarningText>{view.quorum.message}</WarningText>}
      {view.sharedContexts.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Appearing in more than one item</h2>
          <ul className="govuk-list govuk-list--bullet">
            {view.sharedContexts.map((c) => (
              <li key={c.contextId}>
                {c.label}: {c.items.map((i) => i.heading).join(', ')}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 className="govuk-heading-m">Attendance</h2>
      <ul className="govuk-list">
        {record.invitations.map((i) => {
          const a = record.attendance.find((x) => x.inviteeId === i.id);
          const state = !a
            ? 'Not recorded'
            : a.status === 'deputy'
              ? `Sent a deputy: ${a.deputy?.name ?? ''}`
              : a.status === 'present'
                ? 'Present'
                : 'Apologies';
          return (
            <li key={i.id}>
              {i.person.name}, {i.agencyName ?? i.agencyType}: {state}
            </li>
          );
        })}
      </ul>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/meetings/${view.id}/attendance`}>
          Record attendance
        </Link>
      </p>
      {takesPart && (
        <>
          <h2 className="govuk-heading-m">The young person and their family</h2>
          {view.participation.length === 0 ? (
            <p className="govuk-body">
              Nothing is recorded yet about how the young person and their family took part, or whether they
              have been told the outcome.
            </p>
          ) : (
            <ul className="govuk-list govuk-list--bullet">
              {view.participation.map((p) => (
                <li key={p.id}>{participationWords(p, config)}</li>
              ))}
            </ul>
          )}
          <p className="govuk-body">
            <Link className="govuk-link" to={`/meetings/${view.id}/participation`}>
              Record participation
            </Link>
          </p>
        </>
      )}
      <h2 className="govuk-heading-m">Agenda</h2>
      {record.agenda.map((item, n) => {
        const minute = record.minutes.find((m) => m.itemId === item.id);
        const decisions = record.decisions.filter((d) => d.itemId === item.id);
        const actions = record.actions.filter((a) => a.itemId === item.id);
        return (
          <section key={item.id} aria-labelledby={`item-${item.id}`}>
            <h3 className="govuk-heading-s" id={`item-${item.id}`}>
              {n + 1}. {item.heading}
            </h3>
            <SummaryList
              rows={[
                { key: 'Shareable minute', value: minute?.shareable || 'Not minuted yet' },
                { key: 'Restricted minutes', value: String(minute?.restricted.length ?? 0) },
                { key: 'Decisions', value: decisions.map((d) => d.text).join(' ') || 'None yet' },
                {
                  key: 'Actions',
                  value:
                    actions
                      .map(
                        (a) =>
                          `${a.title} (${a.owner.name}, ${invited.get(a.agencyId)?.agencyName ?? ''} due ${a.dueDate})`,
                      )
                      .join('; ') || 'None yet',
                },
              ]}
            />
            <p className="govuk-body">
              <Link className="govuk-link" to={`/meetings/${view.id}/items/${item.id}`}>
                Minute this item<span className="govuk-visually-hidden">: {item.heading}</span>
              </Link>
            </p>
            {view.status === 'held' && item.kind === 'child' && item.childId && (
              <MinuteChallenges
                meetingId={view.id}
                childId={item.childId}
                itemId={item.id}
                heading={item.heading}
                level={4}
              />
            )}
          </section>
        );
      })}
      {record.agenda.length === 0 && <p className="govuk-body">Nothing is on the agenda yet.</p>}
      <h2 className="govuk-heading-m">Open actions</h2>
      {openActions.length === 0 ? (
        <p className="govuk-body">No action from this meeting is open.</p>
      ) : (
        <ul className="govuk-list">
          {openActions.map((a) => (
            <li key={a.id}>
              {a.title} ({a.owner.name}, due {a.dueDate}
              {a.carriedOver
                ? `, carried over ${a.carriedOver === 1 ? 'once' : `${a.carriedOver} times`}`
                : ''}
              ){' '}
              <Link className="govuk-link" to={`/meetings/${view.id}/actions/${a.id}/carry-over`}>
                Carry over<span className="govuk-visually-hidden">: {a.title}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function MemberView({ view }: { view: MeetingView }) {
  return (
    <>
      <InsetText>This is your copy: it holds only what you may see.</InsetText>
      {(view.copy?.items ?? []).map((item) => (
        <section key={item.itemId} aria-labelledby={`item-${item.itemId}`}>
          <h2 className="govuk-heading-m" id={`item-${item.itemId}`}>
            {item.heading}
          </h2>
          {item.parts.map((p) => (
            <p key={p.id} className="govuk-body">
              {p.text}
            </p>
          ))}
          {(item.decisions ?? []).length > 0 && (
            <ul className="govuk-list govuk-list--bullet">
              {(item.decisions ?? []).map((d) => (
                <li key={d.id}>{d.text}</li>
              ))}
            </ul>
          )}
          {view.status === 'held' && item.childId && (
            <MinuteChallenges
              meetingId={view.id}
              childId={item.childId}
              itemId={item.itemId}
              heading={item.heading}
              level={3}
            />
          )}
        </section>
      ))}
    </>
  );
}

export function MeetingPage() {
  const { id = '' } = useParams();
  const data = useApiData(() => Promise.all([maceApi.meeting(id), maceApi.config()]), [id]);
  usePageTitle(data.state === 'loaded' ? data.data[0].title : 'Meeting');
  return (
    <>
      <BackLink to="/meetings">Meetings</BackLink>
      {data.state === 'loading' && <Loading />}
      {data.state === 'failed' && <LoadFailure error={data.error} />}
      {data.state === 'loaded' &&
        (() => {
          const [view, config] = data.data;
          return (
            <>
              <span className="govuk-caption-l">{view.typeLabel}</span>
              <h1 className="govuk-heading-l">{view.title}</h1>
              <SummaryList
                rows={[
                  {
                    key: 'When (UK time)',
                    value: `${ukDateTime(view.startsAt)} to ${ukDateTime(view.endsAt)}`,
                  },
                  { key: 'Chair', value: view.chairName },
                  { key: 'Status', value: view.status },
                ]}
              />
              {view.canManage ? <ChairView view={view} config={config} /> : <MemberView view={view} />}
              <Papers view={view} onSent={data.reload} />
            </>
          );
        })()}
    </>
  );
}
