import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type Agency, api, type User } from '../api.ts';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Checkboxes, Select, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, type FlashState, Loading, WarningText } from '../components/ui.tsx';
import { useReference } from '../reference.ts';
import { useMe } from '../session.tsx';
import { agencyOptions } from './Teams.tsx';
import { loadUser, UserNotFound } from './Users.tsx';

const CREATE_FIELDS = {
  name: 'Full name',
  email: 'Work email address',
  agencyId: 'Agency',
  roles: 'Roles',
  teamIds: 'Teams',
};
const EDIT_FIELDS = { name: 'Full name', roles: 'Roles', teamIds: 'Teams' };

/** The agencies a new user can be added to; someone who cannot list agencies can still add to their own. */
async function loadAgencies(own: Agency): Promise<Agency[]> {
  try {
    return (await api.agencies()).agencies;
  } catch {
    return [own];
  }
}

function TeamChoices({
  agencyId,
  values,
  onChange,
  error,
}: {
  agencyId: string;
  values: string[];
  onChange(values: string[]): void;
  error: string | undefined;
}) {
  const teams = useApiData(
    () => (agencyId ? api.teams({ agencyId }).then((result) => result.teams) : Promise.resolve([])),
    [agencyId],
  );
  if (!agencyId) return null;
  if (teams.state === 'loading') return <Loading />;
  const options = (teams.data ?? []).map((team) => ({
    value: team.id,
    label: team.active ? team.name : `${team.name} (inactive)`,
  }));
  if (options.length === 0) {
    return (
      <div className="govuk-form-group">
        <h2 className="govuk-heading-s">Teams</h2>
        <p className="govuk-body">This agency has no teams yet. You can add the user to a team later.</p>
      </div>
    );
  }
  return (
    <Checkboxes
      name="teamIds"
      legend="Teams"
      hint="Select all that apply."
      options={options}
      values={values}
      onChange={onChange}
      error={error}
      small
    />
  );
}

/** Shown once, straight after the account is made: the server will not reveal the password again. */
function UserCreated({ user, temporaryPassword }: { user: User; temporaryPassword: string | null }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  usePageTitle('User added');

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const copy = async () => {
    if (!temporaryPassword) return;
    try {
      await navigator.clipboard.writeText(temporaryPassword);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title" ref={heading} tabIndex={-1}>
            User added
          </h1>
          <div className="govuk-panel__body">{user.name} now has a Lantern account</div>
        </div>
        {temporaryPassword && (
          <>
            <h2 className="govuk-heading-m govuk-!-margin-top-6">Temporary password</h2>
            <p className="govuk-body">
              Give {user.name} this temporary password so they can sign in with {user.email}.
            </p>
            <p className="govuk-body">
              <code className="lantern-secret" id="temporary-password">
                {temporaryPassword}
              </code>
            </p>
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => void copy()}
            >
              Copy password
            </button>
            <p className="govuk-body" role="status">
              {copied === 'yes' && 'Password copied.'}
              {copied === 'no' &&
                'Your browser did not allow copying. Select the password and copy it yourself.'}
            </p>
            <WarningText>
              This is the only time you will see this password. Give it to {user.name} securely, for example
              by phone, and not in the same message as their email address.
            </WarningText>
            <p className="govuk-body">
              When they sign in with it, they will be asked to choose their own password.
            </p>
          </>
        )}
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={`/admin/users/${user.id}`}>
              View {user.name}’s account
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to="/admin/users">
              Go to all users
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}

export function NewUser() {
  const me = useMe();
  const reference = useReference();
  const agencies = useApiData(() => loadAgencies({ ...me.user.agency, active: true }), [me.user.agency.id]);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [working, setWorking] = useState(false);
  const [created, setCreated] = useState<{ user: User; temporaryPassword: string | null } | null>(null);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Add a user', hasErrors);

  if (created) return <UserCreated {...created} />;

  const chooseAgency = (value: string) => {
    setAgencyId(value);
    setTeamIds([]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      setCreated(await api.createUser({ name, email, agencyId: agencyId || undefined, roles, teamIds }));
    } catch (error) {
      show(error, { fields: CREATE_FIELDS });
    } finally {
      setWorking(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/users">Back to users</BackLink>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Add a user</h1>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <TextInput
            name="name"
            label="Full name"
            labelClassName="govuk-label--s"
            autoComplete="off"
            spellCheck={false}
            value={name}
            onChange={setName}
            error={errors.byField.name}
          />
          <TextInput
            name="email"
            label="Work email address"
            labelClassName="govuk-label--s"
            hint="They will use this to sign in."
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={errors.byField.email}
          />
          {agencies.state === 'loading' ? (
            <Loading />
          ) : (
            <Select
              name="agencyId"
              label="Agency"
              labelClassName="govuk-label--s"
              placeholder="Choose an agency"
              options={agencyOptions(agencies.data ?? [])}
              value={agencyId}
              onChange={chooseAgency}
              error={errors.byField.agencyId}
            />
          )}
          <Checkboxes
            name="roles"
            legend="Roles"
            hint="What they do in the partnership. This decides what they can see and do in Lantern."
            options={reference.data?.roles ?? []}
            values={roles}
            onChange={setRoles}
            error={errors.byField.roles}
            small
          />
          <TeamChoices
            agencyId={agencyId}
            values={teamIds}
            onChange={setTeamIds}
            error={errors.byField.teamIds}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">
              Add user
            </button>
            <Link className="govuk-link" to="/admin/users">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}

function UserEditForm({ user }: { user: User }) {
  const navigate = useNavigate();
  const reference = useReference();
  const [name, setName] = useState(user.name);
  const [roles, setRoles] = useState(user.roles);
  const [teamIds, setTeamIds] = useState(user.teams.map((team) => team.id));
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle(`Change ${user.name}’s details`, hasErrors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      await api.updateUser(user.id, { name, roles, teamIds });
      const state: FlashState = { flash: { success: true, heading: 'Changes saved' } };
      navigate(`/admin/users/${user.id}`, { state });
    } catch (error) {
      show(error, { fields: EDIT_FIELDS });
      setWorking(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/admin/users/${user.id}`}>Back to {user.name}</BackLink>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{user.agency.name}</span>
        <h1 className="govuk-heading-l">Change {user.name}’s details</h1>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <TextInput
            name="name"
            label="Full name"
            labelClassName="govuk-label--s"
            autoComplete="off"
            spellCheck={false}
            value={name}
            onChange={setName}
            error={errors.byField.name}
          />
          <Checkboxes
            name="roles"
            legend="Roles"
            hint="What they do in the partnership. This decides what they can see and do in Lantern."
            options={reference.data?.roles ?? []}
            values={roles}
            onChange={setRoles}
            error={errors.byField.roles}
            small
          />
          <TeamChoices
            agencyId={user.agency.id}
            values={teamIds}
            onChange={setTeamIds}
            error={errors.byField.teamIds}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">
              Save changes
            </button>
            <Link className="govuk-link" to={`/admin/users/${user.id}`}>
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}

export function EditUser() {
  const { id = '' } = useParams();
  const user = useApiData(() => loadUser(id), [id]);
  usePageTitle('Change user');
  if (user.state === 'loaded') return <UserEditForm key={user.data.id} user={user.data} />;
  return (
    <>
      <BackLink to="/admin/users">Back to users</BackLink>
      <h1 className="govuk-heading-l">Change user</h1>
      {user.state === 'loading' ? <Loading /> : <UserNotFound error={user.error} />}
    </>
  );
}
