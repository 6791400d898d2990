import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, type User } from '../api.ts';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Select, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { formatDateTime } from '../components/format.ts';
import { usePageTitle } from '../components/page.ts';
import {
  BackLink,
  ButtonLink,
  type FlashState,
  LoadFailure,
  Loading,
  SummaryList,
  Table,
  Tag,
} from '../components/ui.tsx';
import { labelFor, useReference } from '../reference.ts';
import { useMe } from '../session.tsx';
import { lockedUntil, UserStatusTags } from './status.tsx';
import { agencyOptions } from './Teams.tsx';

/** There is no single-user endpoint: find the user in the list the viewer is allowed to see. */
export async function loadUser(id: string): Promise<User> {
  const { users } = await api.users();
  const user = users.find((candidate) => candidate.id === id);
  if (!user) throw new Error('not found');
  return user;
}

export function UserNotFound({ error }: { error: unknown }) {
  return error instanceof Error && error.message === 'not found' ? (
    <p className="govuk-body">We could not find that user. The link may be wrong.</p>
  ) : (
    <LoadFailure error={error} />
  );
}

export function Users() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const agencyId = params.get('agencyId') ?? '';
  const [search, setSearch] = useState(q);
  const [agencyFilter, setAgencyFilter] = useState(agencyId);
  const users = useApiData(
    () => api.users({ q: q || undefined, agencyId: agencyId || undefined }),
    [q, agencyId],
  );
  const agencies = useApiData(() => api.agencies(), []);
  usePageTitle('Users');

  const applyFilter = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (search.trim()) next.q = search.trim();
    if (agencyFilter) next.agencyId = agencyFilter;
    setParams(next);
  };

  const filtered = q !== '' || agencyId !== '';
  return (
    <>
      <h1 className="govuk-heading-l">Users</h1>
      {me.permissions.manageUsers && <ButtonLink to="/admin/users/new">Add a user</ButtonLink>}
      <form noValidate className="lantern-filter" onSubmit={applyFilter} aria-label="Find users">
        <TextInput
          name="q"
          label="Name or email address"
          labelClassName="govuk-label--s"
          widthClassName="govuk-input--width-20"
          spellCheck={false}
          value={search}
          onChange={setSearch}
        />
        {agencies.state === 'loaded' && agencies.data.agencies.length > 0 && (
          <Select
            name="agencyId"
            label="Agency"
            labelClassName="govuk-label--s"
            placeholder="All agencies"
            options={agencyOptions(agencies.data.agencies)}
            value={agencyFilter}
            onChange={setAgencyFilter}
          />
        )}
        <button type="submit" className="govuk-button govuk-button--secondary">
          Find users
        </button>
      </form>
      {users.state === 'loading' && <Loading />}
      {users.state === 'failed' && <LoadFailure error={users.error} />}
      {users.state === 'loaded' &&
        (users.data.users.length === 0 ? (
          <p className="govuk-body">
            {filtered
              ? 'No users match your search. Check the spelling, or search for part of the name or email address.'
              : 'There are no users yet.'}
          </p>
        ) : (
          <Table
            caption={
              filtered ? `${users.data.users.length} matching users` : `${users.data.users.length} users`
            }
            captionClassName="govuk-table__caption--s"
            columns={[
              { heading: 'Name' },
              { heading: 'Email address' },
              { heading: 'Agency' },
              { heading: 'Status' },
            ]}
            rows={users.data.users.map((user) => ({
              key: user.id,
              cells: [
                <Link key="name" className="govuk-link" to={`/admin/users/${user.id}`}>
                  {user.name}
                </Link>,
                <span key="email" className="lantern-break-words">
                  {user.email}
                </span>,
                user.agency.name,
                <UserStatusTags key="status" user={user} />,
              ],
            }))}
          />
        ))}
    </>
  );
}

export function UserDetail() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const user = useApiData(() => loadUser(id), [id]);
  const reference = useReference();
  const { errors, show, hasErrors } = useFormErrors();
  const name = user.data?.name ?? 'User';
  usePageTitle(name, hasErrors);

  if (user.state !== 'loaded') {
    return (
      <>
        <BackLink to="/admin/users">Back to users</BackLink>
        <h1 className="govuk-heading-l">User</h1>
        {user.state === 'loading' ? <Loading /> : <UserNotFound error={user.error} />}
      </>
    );
  }

  const u = user.data;
  const manage = me.permissions.manageUsers;
  const change = (what: string) =>
    manage ? { to: `/admin/users/${u.id}/edit`, visuallyHidden: what } : undefined;
  const locked = lockedUntil(u);

  // Enabling also clears a lockout after failed sign-in attempts.
  const enable = async () => {
    try {
      await api.enableUser(u.id);
      const heading = u.active
        ? `${u.name}’s account has been unlocked`
        : `${u.name}’s account has been enabled`;
      const state: FlashState = { flash: { success: true, heading } };
      navigate(`/admin/users/${u.id}`, { state, replace: true });
      user.reload();
    } catch (error) {
      show(error, { fields: {} });
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/users">Back to users</BackLink>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{u.agency.name}</span>
        <h1 className="govuk-heading-l">{u.name}</h1>
        <SummaryList
          rows={[
            { key: 'Name', value: u.name, change: change('name') },
            { key: 'Email address', value: <span className="lantern-break-words">{u.email}</span> },
            { key: 'Agency', value: u.agency.name },
            {
              key: 'Roles',
              value:
                u.roles.length === 0 ? (
                  'None'
                ) : (
                  <ul className="govuk-list">
                    {u.roles.map((role) => (
                      <li key={role}>{labelFor(reference.data?.roles, role)}</li>
                    ))}
                  </ul>
                ),
              change: change('roles'),
            },
            {
              key: 'Teams',
              value:
                u.teams.length === 0 ? (
                  'None'
                ) : (
                  <ul className="govuk-list">
                    {u.teams.map((team) => (
                      <li key={team.id}>{team.name}</li>
                    ))}
                  </ul>
                ),
              change: change('teams'),
            },
            {
              key: 'Account',
              value: (
                <>
                  {u.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Disabled</Tag>}
                  {locked && (
                    <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                      Locked after too many failed sign-in attempts, until {formatDateTime(locked)}.
                    </p>
                  )}
                </>
              ),
            },
            { key: '2-step verification', value: u.mfaEnrolled ? 'Set up' : 'Not set up' },
          ]}
        />

        {manage && (
          <>
            <h2 className="govuk-heading-m">Manage this account</h2>
            <div className="govuk-button-group">
              {locked && u.active && (
                <button type="button" className="govuk-button" onClick={() => void enable()}>
                  Unlock account
                </button>
              )}
              {u.active ? (
                <ButtonLink to={`/admin/users/${u.id}/disable`} secondary>
                  Disable account
                </ButtonLink>
              ) : (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  onClick={() => void enable()}
                >
                  Enable account
                </button>
              )}
              {u.mfaEnrolled && (
                <ButtonLink to={`/admin/users/${u.id}/reset-mfa`} secondary>
                  Reset 2-step verification
                </ButtonLink>
              )}
            </div>
          </>
        )}
      </div>
    </div>
  );
}

function UserAction({ kind }: { kind: 'disable' | 'reset-mfa' }) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const user = useApiData(() => loadUser(id), [id]);
  const heading = kind === 'disable' ? 'Disable account' : 'Reset 2-step verification';
  usePageTitle(heading);
  if (user.state !== 'loaded') {
    return (
      <>
        <h1 className="govuk-heading-l">{heading}</h1>
        {user.state === 'loading' ? <Loading /> : <UserNotFound error={user.error} />}
      </>
    );
  }
  const { name } = user.data;
  const done = (flash: string) => {
    const state: FlashState = { flash: { success: true, heading: flash } };
    navigate(`/admin/users/${id}`, { state, replace: true });
  };
  return kind === 'disable' ? (
    <ConfirmAction
      title={`Are you sure you want to disable ${name}’s account?`}
      caption={heading}
      confirmText="Disable account"
      warning
      cancelTo={`/admin/users/${id}`}
      onConfirm={async () => {
        await api.disableUser(id);
        done(`${name}’s account has been disabled`);
      }}
    >
      <p className="govuk-body">
        They will not be able to use Lantern until the account is enabled again. Everything they have recorded
        stays in Lantern.
      </p>
    </ConfirmAction>
  ) : (
    <ConfirmAction
      title={`Are you sure you want to reset ${name}’s 2-step verification?`}
      caption={heading}
      confirmText="Reset 2-step verification"
      cancelTo={`/admin/users/${id}`}
      onConfirm={async () => {
        await api.resetUserMfa(id);
        done(`${name}’s 2-step verification has been reset`);
      }}
    >
      <p className="govuk-body">
        Do this when they have a new phone or cannot use their authenticator app. Their current app will stop
        working for Lantern, and they will set up 2-step verification again.
      </p>
      <p className="govuk-body">
        Check it is really them asking, for example by calling them on a number you already know.
      </p>
    </ConfirmAction>
  );
}

export function DisableUser() {
  return <UserAction kind="disable" />;
}

export function ResetUserMfa() {
  return <UserAction kind="reset-mfa" />;
}
