/**
 * Convening a meeting: its type, title, date and time (UK time), chair, agenda and invitations. The
 * server checks the whole record with the meeting rules; a slot another meeting of the same type already
 * holds is refused, and the reason is shown against the date.
 */
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Radios, Select, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, LoadFailure, Loading } from '../components/ui.tsx';
import { AgendaBuilder, type DraftItem } from './AgendaBuilder.tsx';
import {
  type Invitable,
  type MaceConfig,
  type MeetingPermissions,
  type MeetingType,
  maceApi,
} from './api.ts';
import { londonInstant, onForm, refusal } from './forms.ts';
import { InviteesPicker } from './InviteesPicker.tsx';
import { MeetingTimeFields } from './MeetingTimeFields.tsx';

export const MEETING_FIELDS = {
  type: 'Type of meeting',
  title: 'Title',
  startsAt: 'Date',
  startTime: 'Start time',
  endsAt: 'End time',
  chair: 'Chair',
  childId: 'Child',
  agenda: 'Agenda',
  invitations: 'Invitations',
};

/** The server's paths in the meeting record, as this form's fields. */
export function meetingField(path: string, scope: 'one_child' | 'many' | undefined): string {
  const first = path.split(/[.[]/)[0] ?? path;
  if (first === 'agenda' && scope === 'one_child') return 'childId';
  if (first === 'groupId') return 'type';
  if (first === 'attendance' || first === 'invitations') return 'invitations';
  return first in MEETING_FIELDS ? first : path;
}

export const invitationFor = (p: Invitable) => ({
  person: { name: p.name, personId: p.id, agencyId: p.agencyId },
  agencyId: p.agencyId,
  agencyType: p.agencyType,
  agencyName: p.agencyName,
});

/** The date and times typed, as the record's instants; refusals name the field that is wrong. */
export function timesFrom(date: string, start: string, end: string) {
  const problems: { path: string; message: string }[] = [];
  if (!date.trim()) problems.push({ path: 'startsAt', message: 'Enter the date of the meeting' });
  if (!start.trim()) problems.push({ path: 'startTime', message: 'Enter the time the meeting starts' });
  if (!end.trim()) problems.push({ path: 'endsAt', message: 'Enter the time the meeting ends' });
  const startsAt = problems.length === 0 ? londonInstant(date, start) : null;
  const endsAt = problems.length === 0 ? londonInstant(date, end) : null;
  if (problems.length === 0 && !startsAt) {
    const badDate = !londonInstant(date, '12:00');
    problems.push(
      badDate
        ? { path: 'startsAt', message: 'Date must be a real date, for example 2026-12-03' }
        : { path: 'startTime', message: 'Start time must be a time of day, for example 10:00' },
    );
  }
  if (problems.length === 0 && !endsAt) {
    problems.push({ path: 'endsAt', message: 'End time must be a time of day, for example 12:00' });
  }
  return { startsAt, endsAt, problems };
}

function Form({
  config,
  people,
  permissions,
}: {
  config: MaceConfig;
  people: Invitable[];
  permissions: MeetingPermissions;
}) {
  const navigate = useNavigate();
  const { errors, show, hasErrors } = useFormErrors();
  const [type, setType] = useState<MeetingType | ''>(
    permissions.convene.length === 1 ? (permissions.convene[0] as MeetingType) : '',
  );
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [chair, setChair] = useState('');
  const [items, setItems] = useState<DraftItem[]>([]);
  const [invited, setInvited] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  usePageTitle('Convene a meeting', hasErrors);
  const scope = type ? config.meetingTypes[type].scope : undefined;

  const chooseType = (next: string) => {
    setType(next as MeetingType);
    if (config.meetingTypes[next as MeetingType]?.scope === 'one_child') {
      setItems(items.filter((i) => i.kind === 'child').slice(0, 1));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const times = timesFrom(date, start, end);
    const problems = [...times.problems];
    if (!type) problems.unshift({ path: 'type', message: 'Choose the type of meeting' });
    const child = items.find((i) => i.kind === 'child');
    if (scope === 'one_child' && !child) {
      problems.push({ path: 'childId', message: 'Choose the child the meeting is about' });
    }
    if (problems.length > 0) {
      show(refusal(problems), { fields: MEETING_FIELDS });
      return;
    }
    const chairPerson = people.find((p) => p.id === chair);
    const body = {
      title,
      type,
      startsAt: times.startsAt,
      endsAt: times.endsAt,
      ...(chairPerson
        ? { chair: { name: chairPerson.name, personId: chairPerson.id, agencyId: chairPerson.agencyId } }
        : {}),
      ...(scope === 'one_child' && child ? { childId: child.childId } : {}),
      agenda: scope === 'one_child' && child ? [child] : items,
      invitations: people.filter((p) => invited.includes(p.id)).map(invitationFor),
    };
    setSending(true);
    try {
      const { id } = await maceApi.convene(body);
      navigate(`/meetings/${id}`);
    } catch (error) {
      setSending(false);
      show(
        onForm(error, (p) => meetingField(p, scope)),
        { fields: MEETING_FIELDS, linkTo: 'startsAt' },
      );
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Convene a meeting</h1>
      <form onSubmit={submit} noValidate>
        <Radios
          name="type"
          legend="Type of meeting"
          legendClassName="govuk-fieldset__legend--m"
          error={errors.byField.type}
          options={permissions.convene.map((t) => ({
            value: t,
            label: config.meetingTypes[t].label,
            hint: config.meetingTypes[t].description,
          }))}
          value={type}
          onChange={chooseType}
        />
        <TextInput
          name="title"
          label="Title"
          labelClassName="govuk-label--s"
          hint="For example, MACE meeting, December"
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
        />
        <Select
          name="chair"
          label="Chair"
          labelClassName="govuk-label--s"
          hint="The terms of reference say who chairs each type of meeting"
          placeholder="You"
          error={errors.byField.chair}
          value={chair}
          onChange={setChair}
          options={people.map((p) => ({ value: p.id, label: `${p.name}, ${p.agencyName}` }))}
        />
        {scope ? (
          <AgendaBuilder
            scope={scope}
            items={items}
            onChange={setItems}
            kindNames={config.options.contextKinds}
            errors={errors.byField}
          />
        ) : (
          <p className="govuk-body">Choose the type of meeting to build its agenda.</p>
        )}
        <InviteesPicker
          people={people}
          selected={invited}
          onChange={setInvited}
          error={errors.byField.invitations}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={sending}>
            Convene the meeting
          </button>
          <Link className="govuk-link" to="/meetings">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

export function ConveneMeeting() {
  const data = useApiData(async () => {
    const [config, meetings] = await Promise.all([maceApi.config(), maceApi.meetings()]);
    // Only someone who may convene a meeting is given the list of people to invite.
    const people = meetings.permissions.convene.length > 0 ? await maceApi.people() : { people: [] };
    return [config, meetings, people] as const;
  }, []);
  return (
    <>
      <BackLink to="/meetings">Meetings</BackLink>
      {data.state === 'loading' && <Loading />}
      {data.state === 'failed' && <LoadFailure error={data.error} />}
      {data.state === 'loaded' &&
        (data.data[1].permissions.convene.length === 0 ? (
          <>
            <h1 className="govuk-heading-l">Convene a meeting</h1>
            <p className="govuk-body">
              Meetings are convened by the MACE chair or coordinator, or by the worker carrying a child’s
              case. Ask them to convene the meeting you need.
            </p>
          </>
        ) : (
          <Form config={data.data[0]} permissions={data.data[1].permissions} people={data.data[2].people} />
        ))}
    </>
  );
}
