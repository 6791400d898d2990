import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { ButtonLink, SummaryList, Tag } from '../components/ui.tsx';
import { labelFor, useReference } from '../reference.ts';
import { useMe, useSession } from '../session.tsx';

export function Account() {
  const me = useMe();
  const { signOut } = useSession();
  const reference = useReference();
  const { errors, show, hasErrors } = useFormErrors();
  const [working, setWorking] = useState(false);
  usePageTitle('Your account', hasErrors);

  const signOutEverywhere = async () => {
    if (working) return;
    setWorking(true);
    try {
      await signOut({ everywhere: true });
    } catch (error) {
      show(error, { fields: {} });
      setWorking(false);
    }
  };

  const { user } = me;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Your account</h1>
        <SummaryList
          rows={[
            { key: 'Name', value: user.name },
            { key: 'Email address', value: user.email },
            { key: 'Organisation', value: user.agency.name },
            {
              key: 'Roles',
              value:
                user.roles.length === 0 ? (
                  'None'
                ) : (
                  <ul className="govuk-list">
                    {user.roles.map((role) => (
                      <li key={role}>{labelFor(reference.data?.roles, role)}</li>
                    ))}
                  </ul>
                ),
            },
            {
              key: 'Teams',
              value:
                user.teams.length === 0 ? (
                  'None'
                ) : (
                  <ul className="govuk-list">
                    {user.teams.map((team) => (
                      <li key={team.id}>{team.name}</li>
                    ))}
                  </ul>
                ),
            },
          ]}
        />
        <p className="govuk-body">If any of this is wrong, ask your Lantern administrator to change it.</p>

        <h2 className="govuk-heading-m">Password</h2>
        <p className="govuk-body">
          <Link className="govuk-link" to="/account/password">
            Change your password
          </Link>
        </p>

        <h2 className="govuk-heading-m">2-step verification</h2>
        {me.mfa.enrolled ? (
          <p className="govuk-body">
            <Tag colour="green">On</Tag> When you sign in, you enter a code from your authenticator app.
          </p>
        ) : (
          <>
            <p className="govuk-body">
              <Tag colour="grey">Off</Tag> Set up 2-step verification so nobody can sign in as you with your
              password alone.
            </p>
            <ButtonLink to="/mfa/set-up" secondary>
              Set up 2-step verification
            </ButtonLink>
          </>
        )}

        <h2 className="govuk-heading-m">Sign out everywhere</h2>
        <p className="govuk-body">
          If you signed in on a shared computer, lost a device, or think someone else has used your account,
          sign out of Lantern on every device and browser, including this one.
        </p>
        <button
          type="button"
          className="govuk-button govuk-button--warning"
          onClick={() => void signOutEverywhere()}
        >
          Sign out everywhere
        </button>
      </div>
    </div>
  );
}
