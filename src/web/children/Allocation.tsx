import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api.ts';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Select, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { formatDateTime } from '../components/format.ts';
import { usePageTitle } from '../components/page.ts';
import { ButtonLink, type FlashState, Loading, SummaryList } from '../components/ui.tsx';
import { type Child, childrenApi } from './api.ts';
import { Choices } from './fields.tsx';
import { ChildFormPage, possessive, useChildContext } from './record.tsx';
import type { CaseReference } from './reference.ts';
import { labelOf } from './words.ts';

const worker = (professional: Child['leadWorker']) =>
  professional ? `${professional.user.name}, ${professional.agency.name}` : 'Not allocated';

export function AllocationPage() {
  const { child, reference } = useChildContext();
  const base = `/children/${child.id}/allocation`;
  return (
    <>
      <h2 className="govuk-heading-m">Allocation</h2>
      <p className="govuk-body">
        One consistent worker matters to children. The lead worker carries the case; a specialist co-worker
        works alongside them.
      </p>
      <SummaryList
        rows={[
          { key: 'Lead worker', value: worker(child.leadWorker) },
          { key: 'Specialist co-worker', value: worker(child.coWorker) },
        ]}
      />
      {child.permissions.allocate && <ButtonLink to={`${base}/new`}>Allocate a worker</ButtonLink>}
      {child.professionals.length === 0 ? (
        <p className="govuk-body">No professionals are recorded as working with {child.displayName}.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">
            Professionals working with {child.displayName}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Name
              </th>
              <th scope="col" className="govuk-table__header">
                Agency
              </th>
              <th scope="col" className="govuk-table__header">
                Role
              </th>
              <th scope="col" className="govuk-table__header">
                Since
              </th>
              {child.permissions.allocate && (
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {child.professionals.map((professional) => (
              <tr key={professional.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {professional.user.name}
                </th>
                <td className="govuk-table__cell">{professional.agency.name}</td>
                <td className="govuk-table__cell">
                  {labelOf(reference?.professionalKinds, professional.kind)}
                  {professional.roleTitle && ` (${professional.roleTitle})`}
                </td>
                <td className="govuk-table__cell">{formatDateTime(professional.startedAt)}</td>
                {child.permissions.allocate && (
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`${base}/${professional.id}/end`}>
                      End<span className="govuk-visually-hidden"> {professional.user.name}’s allocation</span>
                    </Link>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function AllocateForm({ child, reference }: { child: Child; reference: CaseReference }) {
  const navigate = useNavigate();
  // The accounts this person may see: the server decides which (a manager sees their own agency's).
  const users = useApiData(
    () => api.users().then((result) => result.users.filter((user) => user.active)),
    [],
  );
  const [userId, setUserId] = useState('');
  const [kind, setKind] = useState('');
  const [roleTitle, setRoleTitle] = useState('');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Allocate a worker', hasErrors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      await childrenApi.allocate(child.id, {
        userId: userId || undefined,
        kind: kind || undefined,
        roleTitle: roleTitle.trim() || null,
      });
      const state: FlashState = { flash: { success: true, heading: 'The allocation has been saved' } };
      navigate(`/children/${child.id}/allocation`, { state });
    } catch (error) {
      show(error, { fields: { userId: 'Who', kind: 'Their role with the child', roleTitle: 'Job title' } });
      setWorking(false);
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{child.displayName}</span>
      <h1 className="govuk-heading-l">Allocate a worker</h1>
      <form noValidate onSubmit={(event) => void submit(event)}>
        {users.state === 'loading' && <Loading />}
        {users.state === 'failed' && (
          <p className="govuk-body">
            Lantern could not list the people you can allocate: you may not be allowed to see other people’s
            accounts.
          </p>
        )}
        {users.state === 'loaded' && (
          <Select
            name="userId"
            label="Who?"
            labelClassName="govuk-label--s"
            hint="People whose accounts you can see."
            placeholder="Choose a person"
            options={users.data.map((user) => ({
              value: user.id,
              label: `${user.name}, ${user.agency.name}`,
            }))}
            value={userId}
            onChange={setUserId}
            error={errors.byField.userId}
          />
        )}
        <Choices
          type="radio"
          name="kind"
          legend="Their role with the child"
          hint="A new lead worker or co-worker replaces the current one."
          options={reference.professionalKinds.map((option) => ({
            value: option.value,
            label: option.label,
          }))}
          values={kind ? [kind] : []}
          onChange={(values) => setKind(values[0] ?? '')}
          error={errors.byField.kind}
        />
        <TextInput
          name="roleTitle"
          label="Job title (optional)"
          labelClassName="govuk-label--s"
          hint="For example, ‘Specialist exploitation worker’."
          value={roleTitle}
          onChange={setRoleTitle}
          error={errors.byField.roleTitle}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={working} aria-disabled={working}>
            Allocate
          </button>
          <Link className="govuk-link" to={`/children/${child.id}/allocation`}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

export function Allocate() {
  usePageTitle('Allocate a worker');
  return (
    <ChildFormPage
      title="Allocate a worker"
      back={(id) => ({ to: `/children/${id}/allocation`, text: 'Back to allocation' })}
    >
      {(child, reference) => <AllocateForm child={child} reference={reference} />}
    </ChildFormPage>
  );
}

export function EndAllocation() {
  const { allocationId = '' } = useParams();
  const navigate = useNavigate();
  usePageTitle('End an allocation');
  return (
    <ChildFormPage
      title="End an allocation"
      back={(id) => ({ to: `/children/${id}/allocation`, text: 'Back to allocation' })}
    >
      {(child) => {
        const professional = child.professionals.find((p) => p.id === allocationId);
        if (!professional) {
          return (
            <>
              <h1 className="govuk-heading-l">End an allocation</h1>
              <p className="govuk-body">We could not find that allocation on the record.</p>
            </>
          );
        }
        return (
          <ConfirmAction
            title={`Are you sure ${professional.user.name} no longer works with ${child.displayName}?`}
            caption={child.displayName}
            confirmText="End the allocation"
            warning
            cancelTo={`/children/${child.id}/allocation`}
            onConfirm={async () => {
              await childrenApi.endAllocation(child.id, professional.id);
              const state: FlashState = { flash: { success: true, heading: 'The allocation has ended' } };
              navigate(`/children/${child.id}/allocation`, { state });
            }}
          >
            <p className="govuk-body">
              This may change who can see {possessive(child.displayName)} record. The allocation stays in the
              history.
            </p>
          </ConfirmAction>
        );
      }}
    </ChildFormPage>
  );
}
