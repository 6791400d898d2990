import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type Agency, api } from '../api.ts';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Radios, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, ButtonLink, type FlashState, LoadFailure, Loading, Table } from '../components/ui.tsx';
import { labelFor, useReference } from '../reference.ts';
import { ActiveTag } from './status.tsx';

/** There is no single-agency endpoint: find it in the list the viewer is allowed to see. */
async function loadAgency(id: string): Promise<Agency> {
  const { agencies } = await api.agencies();
  const agency = agencies.find((candidate) => candidate.id === id);
  if (!agency) throw new Error('not found');
  return agency;
}

export function Agencies() {
  const agencies = useApiData(() => api.agencies(), []);
  const reference = useReference();
  usePageTitle('Agencies');
  return (
    <>
      <h1 className="govuk-heading-l">Agencies</h1>
      <p className="govuk-body">The organisations in the partnership. Every user and team belongs to one.</p>
      <ButtonLink to="/admin/agencies/new">Add an agency</ButtonLink>
      {agencies.state === 'loading' && <Loading />}
      {agencies.state === 'failed' && <LoadFailure error={agencies.error} />}
      {agencies.state === 'loaded' &&
        (agencies.data.agencies.length === 0 ? (
          <p className="govuk-body">
            There are no agencies yet. Add the first one to start setting up teams and users.
          </p>
        ) : (
          <Table
            caption="All agencies"
            captionClassName="govuk-visually-hidden"
            columns={[{ heading: 'Name' }, { heading: 'Type' }, { heading: 'Status' }, { heading: 'Action' }]}
            rows={agencies.data.agencies.map((agency) => ({
              key: agency.id,
              cells: [
                agency.name,
                labelFor(reference.data?.agencyTypes, agency.type),
                <ActiveTag key="status" active={agency.active} />,
                <Link key="change" className="govuk-link" to={`/admin/agencies/${agency.id}`}>
                  Change<span className="govuk-visually-hidden"> {agency.name}</span>
                </Link>,
              ],
            }))}
          />
        ))}
    </>
  );
}

function AgencyForm({ agency }: { agency?: Agency }) {
  const navigate = useNavigate();
  const reference = useReference();
  const [name, setName] = useState(agency?.name ?? '');
  const [type, setType] = useState(agency?.type ?? '');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  const title = agency ? `Change ${agency.name}` : 'Add an agency';
  usePageTitle(title, hasErrors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      const saved = agency
        ? (await api.updateAgency(agency.id, { name, type })).agency
        : (await api.createAgency({ name, type: type || undefined })).agency;
      const state: FlashState = {
        flash: {
          success: true,
          heading: agency ? `${saved.name} has been updated` : `${saved.name} has been added`,
        },
      };
      navigate('/admin/agencies', { state });
    } catch (error) {
      show(error, { fields: { name: 'Agency name', type: 'Type of agency' } });
      setWorking(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/agencies">Back to agencies</BackLink>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{title}</h1>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <TextInput
            name="name"
            label="Agency name"
            labelClassName="govuk-label--s"
            hint="As people in the partnership know it, for example ‘Fernbridge Police’."
            value={name}
            onChange={setName}
            error={errors.byField.name}
          />
          {reference.state === 'failed' ? (
            <LoadFailure error={reference.error} />
          ) : (
            <Radios
              name="type"
              legend="Type of agency"
              options={reference.data?.agencyTypes ?? []}
              value={type}
              onChange={setType}
              error={errors.byField.type}
            />
          )}
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">
              {agency ? 'Save changes' : 'Add agency'}
            </button>
            <Link className="govuk-link" to="/admin/agencies">
              Cancel
            </Link>
          </div>
        </form>
        {agency && <AgencyStatus agency={agency} onError={(error) => show(error, { fields: {} })} />}
      </div>
    </div>
  );
}

function AgencyStatus({ agency, onError }: { agency: Agency; onError(error: unknown): void }) {
  const navigate = useNavigate();
  const reactivate = async () => {
    try {
      await api.updateAgency(agency.id, { active: true });
      const state: FlashState = { flash: { success: true, heading: `${agency.name} is active again` } };
      navigate('/admin/agencies', { state });
    } catch (error) {
      onError(error);
    }
  };
  return (
    <section aria-labelledby="agency-status">
      <h2 className="govuk-heading-m" id="agency-status">
        Status
      </h2>
      {agency.active ? (
        <>
          <p className="govuk-body">
            {agency.name} is active. If it leaves the partnership, deactivate it. Its records and history stay
            in Lantern.
          </p>
          <ButtonLink to={`/admin/agencies/${agency.id}/deactivate`} secondary>
            Deactivate agency
          </ButtonLink>
        </>
      ) : (
        <>
          <p className="govuk-body">{agency.name} is not active.</p>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => void reactivate()}
          >
            Reactivate agency
          </button>
        </>
      )}
    </section>
  );
}

export function NewAgency() {
  return <AgencyForm />;
}

export function EditAgency() {
  const { id = '' } = useParams();
  const agency = useApiData(() => loadAgency(id), [id]);
  usePageTitle('Change agency');
  if (agency.state === 'loaded') return <AgencyForm key={agency.data.id} agency={agency.data} />;
  return (
    <>
      <BackLink to="/admin/agencies">Back to agencies</BackLink>
      <h1 className="govuk-heading-l">Change agency</h1>
      {agency.state === 'loading' ? <Loading /> : <AgencyNotFound error={agency.error} />}
    </>
  );
}

function AgencyNotFound({ error }: { error: unknown }) {
  return error instanceof Error && error.message === 'not found' ? (
    <p className="govuk-body">
      We could not find that agency. It may have been removed, or the link may be wrong.
    </p>
  ) : (
    <LoadFailure error={error} />
  );
}

export function DeactivateAgency() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const agency = useApiData(() => loadAgency(id), [id]);
  usePageTitle('Deactivate agency');
  if (agency.state !== 'loaded') {
    return (
      <>
        <h1 className="govuk-heading-l">Deactivate agency</h1>
        {agency.state === 'loading' ? <Loading /> : <AgencyNotFound error={agency.error} />}
      </>
    );
  }
  const { name } = agency.data;
  return (
    <ConfirmAction
      title={`Are you sure you want to deactivate ${name}?`}
      caption="Deactivate agency"
      confirmText="Deactivate agency"
      warning
      cancelTo={`/admin/agencies/${id}`}
      onConfirm={async () => {
        await api.updateAgency(id, { active: false });
        const state: FlashState = { flash: { success: true, heading: `${name} has been deactivated` } };
        navigate('/admin/agencies', { state });
      }}
    >
      <p className="govuk-body">
        Its records and history stay in Lantern. You can reactivate it at any time.
      </p>
    </ConfirmAction>
  );
}
