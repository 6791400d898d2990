import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { MIN_PASSWORD_LENGTH } from '../../domain/platform/password-policy.ts';
import { api } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { PasswordInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import type { FlashState } from '../components/ui.tsx';
import { gatePath, useMe, useSession } from '../session.tsx';

/**
 * Change your password. Someone signed in with a temporary password from an administrator sees only
 * this page until they have chosen their own.
 */
export function ChangePassword() {
  const me = useMe();
  const { established } = useSession();
  const navigate = useNavigate();
  const temporary = me.user.mustChangePassword;
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  const title = temporary ? 'Choose a new password' : 'Change your password';
  usePageTitle(title, hasErrors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      await api.changePassword({ currentPassword, newPassword });
      const next = await api.me();
      established(next);
      const state: FlashState = {
        flash: {
          success: true,
          heading: 'Your password has been changed',
          body: 'If you were signed in to Lantern anywhere else, you have been signed out there.',
        },
      };
      navigate(gatePath(next) ?? (temporary ? '/my-work' : '/account'), { state, replace: true });
    } catch (error) {
      show(error, { fields: { currentPassword: 'Current password', newPassword: 'New password' } });
      setWorking(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{title}</h1>
        {temporary && (
          <p className="govuk-body">
            You signed in with a temporary password. Choose a new password that only you know before you
            continue.
          </p>
        )}
        <form noValidate onSubmit={(event) => void submit(event)}>
          <PasswordInput
            name="currentPassword"
            label="Current password"
            labelClassName="govuk-label--s"
            hint={temporary ? 'The temporary password your administrator gave you.' : undefined}
            autoComplete="current-password"
            value={currentPassword}
            onChange={setCurrentPassword}
            error={errors.byField.currentPassword}
          />
          <PasswordInput
            name="newPassword"
            label="New password"
            labelClassName="govuk-label--s"
            hint={`Use at least ${MIN_PASSWORD_LENGTH} characters. Three random words together make a strong password that is easy to remember. Do not use a password you use anywhere else.`}
            autoComplete="new-password"
            value={newPassword}
            onChange={setNewPassword}
            error={errors.byField.newPassword}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">
              {temporary ? 'Continue' : 'Change password'}
            </button>
            {!temporary && (
              <Link className="govuk-link" to="/account">
                Cancel
              </Link>
            )}
          </div>
        </form>
      </div>
    </div>
  );
}
