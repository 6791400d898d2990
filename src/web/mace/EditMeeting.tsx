/**
 * Changing a meeting: its title, time (a new time goes through the scheduling rule: a time that has
 * passed, or a slot another meeting holds, is refused), whether it was held or cancelled, its agenda
 * and who is invited. Everything else in the record (attendance, minutes, decisions, actions) is kept.
 */
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Radios, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, LoadFailure, Loading } from '../components/ui.tsx';
import { AgendaBuilder, type DraftItem } from './AgendaBuilder.tsx';
import { type Invitable, type MaceConfig, type MeetingRecord, type MeetingView, maceApi } from './api.ts';
import { invitationFor, MEETING_FIELDS, meetingField, timesFrom } from './ConveneMeeting.tsx';
import { londonFields, onForm, refusal } from './forms.ts';
import { InviteesPicker } from './InviteesPicker.tsx';
import { MeetingTimeFields } from './MeetingTimeFields.tsx';

const FIELDS = { ...MEETING_FIELDS, status: 'Status' };
const STATUSES = [
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'held', label: 'Held' },
  { value: 'cancelled', label: 'Cancelled', hint: 'A cancelled meeting holds no slot' },
];
const RECORD_PARTS = new Set(['minutes', 'decisions', 'actions', 'informationShared']);

function Form({ view, config, people }: { view: MeetingView; config: MaceConfig; people: Invitable[] }) {
  const record = view.record as MeetingRecord;
  const navigate = useNavigate();
  const { errors, show, hasErrors } = useFormErrors();
  const scope = config.meetingTypes[view.type as keyof MaceConfig['meetingTypes']]?.scope ?? 'many';
  const startFields = londonFields(view.startsAt);
  const [title, setTitle] = useState(view.title);
  const [date, setDate] = useState(startFields.date);
  const [start, setStart] = useState(startFields.time);
  const [end, setEnd] = useState(londonFields(view.endsAt).time);
  const [status, setStatus] = useState(view.status);
  const [items, setItems] = useState<DraftItem[]>(record.agenda as unknown as DraftItem[]);
  const [invited, setInvited] = useState<string[]>(
    record.invitations.flatMap((i) => (i.person.personId ? [i.person.personId] : [])),
  );
  usePageTitle(`Change: ${view.title}`, hasErrors);
  // People invited before who are not in today's list stay selectable.
  const known = new Set(people.map((p) => p.id));
  const everyone: Invitable[] = [
    ...people,
    ...record.invitations.flatMap((i) =>
      i.person.personId && !known.has(i.person.personId)
        ? [
            {
              id: i.person.personId,
              name: i.person.name,
              agencyId: i.agencyId,
              agencyName: i.agencyName ?? i.agencyType,
              agencyType: i.agencyType,
            },
          ]
        : [],
    ),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const times = timesFrom(date, start, end);
    if (times.problems.length > 0) {
      show(refusal(times.problems), { fields: FIELDS });
      return;
    }
    const kept = record.invitations.filter((i) => !i.person.personId || invited.includes(i.person.personId));
    const added = everyone
      .filter((p) => invited.includes(p.id) && !kept.some((i) => i.person.personId === p.id))
      .map(invitationFor);
    const next = {
      ...record,
      startsAt: times.startsAt as string,
      endsAt: times.endsAt as string,
      agenda: (scope === 'one_child' ? record.agenda : items) as MeetingRecord['agenda'],
      invitations: [...kept, ...added] as MeetingRecord['invitations'],
    };
    try {
      await maceApi.saveWithStatus(view.id, title, status, next);
      navigate(`/meetings/${view.id}`);
    } catch (error) {
      show(
        onForm(error, (p) => {
          const first = p.split(/[.[]/)[0] ?? p;
          return RECORD_PARTS.has(first) ? 'agenda' : meetingField(p, scope);
        }),
        { fields: FIELDS, linkTo: 'startsAt' },
      );
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{view.typeLabel}</span>
      <h1 className="govuk-heading-l">Change the meeting</h1>
      <form onSubmit={submit} noValidate>
        <TextInput
          name="title"
          label="Title"
          labelClassName="govuk-label--s"
          error={errors.byField.title}
          value={title}
          onChange={setTitle}
        />
        <MeetingTimeFields
          date={date}
          start={start}
          end={end}
          onDate={setDate}
          onStart={setStart}
          onEnd={setEnd}
          errors={errors.byField}
          dateHint="A meeting whose time has passed is not moved: record what happened."
        />
        <Radios
          name="status"
          legend="Status"
          legendClassName="govuk-fieldset__legend--m"
          error={errors.byField.status}
          options={STATUSES}
          value={status}
          onChange={setStatus}
          small
        />
        {scope === 'one_child' ? (
          <>
            <h2 className="govuk-heading-m">The child</h2>
            <p className="govuk-body">
              This meeting is about {record.agenda[0]?.heading ?? 'one child'}. A meeting about another child
              is a new meeting.
            </p>
          </>
        ) : (
          <AgendaBuilder
            scope="many"
            items={items}
            onChange={setItems}
            kindNames={config.options.contextKinds}
            errors={errors.byField}
          />
        )}
        <InviteesPicker
          people={everyone}
          selected={invited}
          onChange={setInvited}
          error={errors.byField.invitations}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button">
            Save changes
          </button>
          <Link className="govuk-link" to={`/meetings/${view.id}`}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

export function EditMeeting() {
  const { id = '' } = useParams();
  const data = useApiData(async () => {
    const [view, config] = await Promise.all([maceApi.meeting(id), maceApi.config()]);
    const people = view.canManage ? (await maceApi.people().catch(() => ({ people: [] }))).people : [];
    return { view, config, people };
  }, [id]);
  return (
    <>
      <BackLink to={`/meetings/${id}`}>Back to the meeting</BackLink>
      {data.state === 'loading' && <Loading />}
      {data.state === 'failed' && <LoadFailure error={data.error} />}
      {data.state === 'loaded' &&
        (data.data.view.record ? (
          <Form view={data.data.view} config={data.data.config} people={data.data.people} />
        ) : (
          <p className="govuk-body">Only the chair or coordinator changes the meeting.</p>
        ))}
    </>
  );
}
