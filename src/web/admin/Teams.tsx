import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { type Agency, api, type Team } from '../api.ts';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { type ChoiceOption, Select, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, ButtonLink, type FlashState, LoadFailure, Loading, Table } from '../components/ui.tsx';
import { ActiveTag } from './status.tsx';

/** There is no single-team endpoint: find it in the list the viewer is allowed to see. */
async function loadTeam(id: string): Promise<Team> {
  const { teams } = await api.teams();
  const team = teams.find((candidate) => candidate.id === id);
  if (!team) throw new Error('not found');
  return team;
}

export function agencyOptions(agencies: Agency[]): ChoiceOption[] {
  return agencies.map((agency) => ({
    value: agency.id,
    label: agency.active ? agency.name : `${agency.name} (inactive)`,
  }));
}

export function Teams() {
  const [params, setParams] = useSearchParams();
  const agencyId = params.get('agencyId') ?? '';
  const [filter, setFilter] = useState(agencyId);
  const teams = useApiData(() => api.teams({ agencyId: agencyId || undefined }), [agencyId]);
  const agencies = useApiData(() => api.agencies(), []);
  usePageTitle('Teams');

  const applyFilter = (event: FormEvent) => {
    event.preventDefault();
    setParams(filter ? { agencyId: filter } : {});
  };

  return (
    <>
      <h1 className="govuk-heading-l">Teams</h1>
      <p className="govuk-body">Teams group people within an agency, for allocating work and for managers.</p>
      <ButtonLink
        to={agencyId ? `/admin/teams/new?agencyId=${encodeURIComponent(agencyId)}` : '/admin/teams/new'}
      >
        Add a team
      </ButtonLink>
      {agencies.state === 'loaded' && agencies.data.agencies.length > 0 && (
        <form noValidate className="lantern-filter" onSubmit={applyFilter} aria-label="Filter teams">
          <Select
            name="agencyId"
            label="Agency"
            labelClassName="govuk-label--s"
            placeholder="All agencies"
            options={agencyOptions(agencies.data.agencies)}
            value={filter}
            onChange={setFilter}
          />
          <button type="submit" className="govuk-button govuk-button--secondary">
            Show teams
          </button>
        </form>
      )}
      {teams.state === 'loading' && <Loading />}
      {teams.state === 'failed' && <LoadFailure error={teams.error} />}
      {teams.state === 'loaded' &&
        (teams.data.teams.length === 0 ? (
          <p className="govuk-body">
            {agencyId ? 'This agency has no teams yet.' : 'There are no teams yet.'} Add a team so people can
            be placed in it.
          </p>
        ) : (
          <Table
            caption={agencyId ? 'Teams in the chosen agency' : 'All teams'}
            captionClassName="govuk-visually-hidden"
            columns={[
              { heading: 'Team' },
              { heading: 'Agency' },
              { heading: 'Status' },
              { heading: 'Action' },
            ]}
            rows={teams.data.teams.map((team) => ({
              key: team.id,
              cells: [
                team.name,
                team.agencyName,
                <ActiveTag key="status" active={team.active} />,
                <Link key="change" className="govuk-link" to={`/admin/teams/${team.id}`}>
                  Change<span className="govuk-visually-hidden"> {team.name}</span>
                </Link>,
              ],
            }))}
          />
        ))}
    </>
  );
}

export function NewTeam() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const agencies = useApiData(() => api.agencies(), []);
  const [agencyId, setAgencyId] = useState(params.get('agencyId') ?? '');
  const [name, setName] = useState('');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Add a team', hasErrors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      const { team } = await api.createTeam({ agencyId: agencyId || undefined, name });
      const state: FlashState = { flash: { success: true, heading: `${team.name} has been added` } };
      navigate(`/admin/teams?agencyId=${encodeURIComponent(team.agencyId)}`, { state });
    } catch (error) {
      show(error, { fields: { agencyId: 'Agency', name: 'Team name' } });
      setWorking(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/teams">Back to teams</BackLink>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Add a team</h1>
        <form noValidate onSubmit={(event) => void submit(event)}>
          {agencies.state === 'failed' ? (
            <LoadFailure error={agencies.error} />
          ) : (
            <Select
              name="agencyId"
              label="Agency"
              labelClassName="govuk-label--s"
              placeholder="Choose an agency"
              options={agencyOptions(agencies.data?.agencies ?? [])}
              value={agencyId}
              onChange={setAgencyId}
              error={errors.byField.agencyId}
            />
          )}
          <TextInput
            name="name"
            label="Team name"
            labelClassName="govuk-label--s"
            hint="For example ‘Child Exploitation Team’ or ‘Multi-Agency Safeguarding Hub’."
            value={name}
            onChange={setName}
            error={errors.byField.name}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">
              Add team
            </button>
            <Link className="govuk-link" to="/admin/teams">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}

function TeamForm({ team }: { team: Team }) {
  const navigate = useNavigate();
  const [name, setName] = useState(team.name);
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle(`Change ${team.name}`, hasErrors);
  const backTo = `/admin/teams?agencyId=${encodeURIComponent(team.agencyId)}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      const { team: saved } = await api.updateTeam(team.id, { name });
      const state: FlashState = { flash: { success: true, heading: `${saved.name} has been updated` } };
      navigate(backTo, { state });
    } catch (error) {
      show(error, { fields: { name: 'Team name' } });
      setWorking(false);
    }
  };

  const reactivate = async () => {
    try {
      await api.updateTeam(team.id, { active: true });
      const state: FlashState = { flash: { success: true, heading: `${team.name} is active again` } };
      navigate(backTo, { state });
    } catch (error) {
      show(error, { fields: {} });
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={backTo}>Back to teams</BackLink>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{team.agencyName}</span>
        <h1 className="govuk-heading-l">Change {team.name}</h1>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <TextInput
            name="name"
            label="Team name"
            labelClassName="govuk-label--s"
            value={name}
            onChange={setName}
            error={errors.byField.name}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">
              Save changes
            </button>
            <Link className="govuk-link" to={backTo}>
              Cancel
            </Link>
          </div>
        </form>
        <section aria-labelledby="team-status">
          <h2 className="govuk-heading-m" id="team-status">
            Status
          </h2>
          {team.active ? (
            <>
              <p className="govuk-body">
                {team.name} is active. If the team no longer exists, deactivate it. Its history stays in
                Lantern.
              </p>
              <ButtonLink to={`/admin/teams/${team.id}/deactivate`} secondary>
                Deactivate team
              </ButtonLink>
            </>
          ) : (
            <>
              <p className="govuk-body">{team.name} is not active.</p>
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                onClick={() => void reactivate()}
              >
                Reactivate team
              </button>
            </>
          )}
        </section>
      </div>
    </div>
  );
}

function TeamNotFound({ error }: { error: unknown }) {
  return error instanceof Error && error.message === 'not found' ? (
    <p className="govuk-body">We could not find that team. The link may be wrong.</p>
  ) : (
    <LoadFailure error={error} />
  );
}

export function EditTeam() {
  const { id = '' } = useParams();
  const team = useApiData(() => loadTeam(id), [id]);
  usePageTitle('Change team');
  if (team.state === 'loaded') return <TeamForm key={team.data.id} team={team.data} />;
  return (
    <>
      <BackLink to="/admin/teams">Back to teams</BackLink>
      <h1 className="govuk-heading-l">Change team</h1>
      {team.state === 'loading' ? <Loading /> : <TeamNotFound error={team.error} />}
    </>
  );
}

export function DeactivateTeam() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const team = useApiData(() => loadTeam(id), [id]);
  usePageTitle('Deactivate team');
  if (team.state !== 'loaded') {
    return (
      <>
        <h1 className="govuk-heading-l">Deactivate team</h1>
        {team.state === 'loading' ? <Loading /> : <TeamNotFound error={team.error} />}
      </>
    );
  }
  const { name, agencyName, agencyId } = team.data;
  return (
    <ConfirmAction
      title={`Are you sure you want to deactivate ${name}?`}
      caption={agencyName}
      confirmText="Deactivate team"
      warning
      cancelTo={`/admin/teams/${id}`}
      onConfirm={async () => {
        await api.updateTeam(id, { active: false });
        const state: FlashState = { flash: { success: true, heading: `${name} has been deactivated` } };
        navigate(`/admin/teams?agencyId=${encodeURIComponent(agencyId)}`, { state });
      }}
    >
      <p className="govuk-body">Its history stays in Lantern. You can reactivate it at any time.</p>
    </ConfirmAction>
  );
}
