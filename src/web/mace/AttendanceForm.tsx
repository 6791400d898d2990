/** Recording attendance by agency: present, apologies, or a deputy (whose name is required). */
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Radios, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, LoadFailure, Loading } from '../components/ui.tsx';
import { type Attendance, type MeetingRecord, type MeetingView, maceApi } from './api.ts';

const OPTIONS = [
  { value: 'present', label: 'Present' },
  { value: 'apologies', label: 'Apologies' },
  { value: 'deputy', label: 'Sent a deputy' },
];

function Form({ view }: { view: MeetingView }) {
  const record = view.record as MeetingRecord;
  const navigate = useNavigate();
  const { errors, show, hasErrors } = useFormErrors();
  const [rows, setRows] = useState<Record<string, { status: string; deputy: string }>>(() =>
    Object.fromEntries(
      record.invitations.map((i) => {
        const a = record.attendance.find((x) => x.inviteeId === i.id);
        return [i.id, { status: a?.status ?? '', deputy: a?.deputy?.name ?? '' }];
      }),
    ),
  );
  usePageTitle('Record attendance', hasErrors);
  const fields = Object.fromEntries(record.invitations.map((i, n) => [`attendance.${n}`, i.person.name]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const attendance: Attendance[] = record.invitations.flatMap((i) => {
      const r = rows[i.id];
      if (!r?.status) return [];
      const status = r.status as Attendance['status'];
      return [{ inviteeId: i.id, status, ...(status === 'deputy' ? { deputy: { name: r.deputy } } : {}) }];
    });
    try {
      await maceApi.save(view.id, view.title, { ...record, attendance });
      navigate(`/meetings/${view.id}`);
    } catch (error) {
      show(error, { fields });
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{view.title}</span>
      <h1 className="govuk-heading-l">Record attendance</h1>
      <form onSubmit={submit} noValidate>
        {record.invitations.map((i, n) => {
          const row = rows[i.id] ?? { status: '', deputy: '' };
          const set = (change: Partial<typeof row>) => setRows({ ...rows, [i.id]: { ...row, ...change } });
          return (
            <div key={i.id}>
              <Radios
                name={`attendance.${n}`}
                legend={`${i.person.name}, ${i.agencyName ?? i.agencyType}`}
                error={errors.byField[`attendance.${n}`]}
                options={OPTIONS}
                value={row.status}
                onChange={(status) => set({ status })}
                small
              />
              {row.status === 'deputy' && (
                <TextInput
                  name={`deputy.${n}`}
                  label={`Name of ${i.person.name}’s deputy`}
                  value={row.deputy}
                  onChange={(deputy) => set({ deputy })}
                />
              )}
            </div>
          );
        })}
        <button type="submit" className="govuk-button">
          Save attendance
        </button>
      </form>
    </>
  );
}

export function AttendanceForm() {
  const { id = '' } = useParams();
  const data = useApiData(() => maceApi.meeting(id), [id]);
  return (
    <>
      <BackLink to={`/meetings/${id}`}>Back to the meeting</BackLink>
      {data.state === 'loading' && <Loading />}
      {data.state === 'failed' && <LoadFailure error={data.error} />}
      {data.state === 'loaded' &&
        (data.data.record ? (
          <Form view={data.data} />
        ) : (
          <p className="govuk-body">Only the chair records attendance.</p>
        ))}
    </>
  );
}
